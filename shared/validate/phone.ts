import { stripSeparators } from './normalize';
import { invalid, valid } from './result';
import type { Validated } from './result';

/**
 * A Ukrainian phone number in any usual writing (+380…, 380…, 0…, with spaces, dashes,
 * dots or parentheses, "+38 (067) 123-45-67"), normalized to +380 and nine digits. The
 * operator or area code is not checked: landline area codes and new mobile codes make any
 * list stale, and the nine digits are what the SMS gateway needs.
 */
export type PhoneError = 'phone.format' | 'phone.length';

/** The nine-digit national number after whichever prefix was typed, or null for a foreign or unknown prefix. */
function nationalNumber(compact: string): string | null {
  if (compact.startsWith('+')) return compact.startsWith('+380') ? compact.slice(4) : null;
  if (compact.startsWith('380')) return compact.slice(3);
  if (compact.startsWith('0')) return compact.slice(1);
  return null;
}

export function validatePhone(input: string): Validated<PhoneError> {
  const compact = stripSeparators(input).replace(/[()]/gu, '');
  if (!/^\+?\d+$/u.test(compact)) return invalid('phone.format');
  const national = nationalNumber(compact);
  if (national === null) return invalid('phone.format');
  if (national.length !== 9) return invalid('phone.length');
  // No Ukrainian area or operator code starts with 0: "+3800…" or "00…" is a mistyped prefix.
  return national.startsWith('0') ? invalid('phone.format') : valid(`+380${national}`);
}
