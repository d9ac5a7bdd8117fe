/**
 * A secret the desk keeps in its database (the device token), sealed with the desk's device key
 * (config/device-key.ts): AES-256-GCM, one fresh 12-byte IV per seal, stored as
 * `v1:<iv>:<tag>:<ciphertext>` (base64). The version lets a later format be told apart from this
 * one and from a token stored in the clear by an older desk (a device token is base64url: no `:`).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DEVICE_KEY_BYTES } from '../../../shared/backend-process';

export const KEY_BYTES = DEVICE_KEY_BYTES;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

/** A sealed value that cannot be opened: damaged, tampered with, or sealed under another key. */
export class SecretUnreadable extends Error {}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`The device key must be ${KEY_BYTES} bytes, got ${key.length}`);
}

/** Whether `stored` is in a sealed form (of any version), rather than a value kept in the clear. */
export function isSealed(stored: string): boolean {
  return /^v\d+:/.test(stored);
}

export function sealSecret(key: Buffer, clear: string): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function part(text: string | undefined, what: string): Buffer {
  if (text === undefined || !BASE64.test(text)) throw new SecretUnreadable(`The sealed secret's ${what} is not base64`);
  return Buffer.from(text, 'base64');
}

/** The clear value; SecretUnreadable when `sealed` is not a v1 seal or fails authentication under `key`. */
export function openSecret(key: Buffer, sealed: string): string {
  checkKey(key);
  const fields = sealed.split(':');
  if (fields.length !== 4 || fields[0] !== VERSION) throw new SecretUnreadable(`Not a ${VERSION} sealed secret`);
  const iv = part(fields[1], 'IV');
  const tag = part(fields[2], 'tag');
  const ciphertext = part(fields[3], 'ciphertext');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretUnreadable('The sealed secret has a wrong IV or tag length');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnreadable('The sealed secret does not open with this device key (another key, or altered)');
  }
}
