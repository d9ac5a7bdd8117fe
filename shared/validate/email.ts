import { invalid, valid } from './result';
import type { Validated } from './result';

/**
 * A pragmatic e-mail check, enough to catch typos at the desk without refusing real addresses
 * (Cyrillic domains such as .укр included): one @, a local part without spaces or stray dots, a
 * domain of dotted labels. Only delivery proves an address exists.
 */
export type EmailError = 'email.format' | 'email.length';

/** The SMTP limit on a whole address (RFC 5321: a 256-octet path minus its angle brackets). */
const MAX_LENGTH = 254;
const LOCAL = /^[^\s@]+$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

function isLocalPart(local: string): boolean {
  return LOCAL.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

/** The address trimmed, its domain lower-cased (domains ignore case; the local part may not). */
export function validateEmail(input: string): Validated<EmailError> {
  const text = input.trim();
  if (text.length > MAX_LENGTH) return invalid('email.length');
  const at = text.indexOf('@');
  if (at < 0 || at !== text.lastIndexOf('@')) return invalid('email.format');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  if (!isLocalPart(local) || labels.length < 2 || !labels.every((label) => LABEL.test(label))) return invalid('email.format');
  return valid(`${local}@${domain}`);
}
