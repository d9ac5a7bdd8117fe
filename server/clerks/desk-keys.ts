import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** A desk's public key as it sends it (SPKI DER, base64), if it is an Ed25519 key; null for anything else. */
export function readDeskKey(publicKey: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** Whether `signature` (base64) is the desk's Ed25519 signature of `text` (UTF-8). */
export function signedBy(key: KeyObject, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
