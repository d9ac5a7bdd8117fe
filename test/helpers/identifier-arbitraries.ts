/**
 * fast-check generators of the identifiers and secrets Vikno handles, each by its published rule or
 * by the code that makes it (server/auth/secrets.ts): what the log scrubber must never let through.
 */
import fc from 'fast-check';

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
const weighted = (text: string, weights: readonly number[]) => weights.reduce((sum, w, i) => sum + w * Number(text[i]), 0);
const ukrainianCapital = fc.constantFrom(...'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ');
const latinCapital = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const series = fc.tuple(ukrainianCapital, ukrainianCapital).map(([a, b]) => a + b);

/** РНОКПП: nine digits and the check digit of the State Tax Service's rule. */
export const rnokpp = digits(9).map((first) => first + String((((weighted(first, [-1, 5, 7, 9, 4, 6, 10, 5, 7]) % 11) + 11) % 11) % 10));

const birthDay = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2026-11-27'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** УНЗР: the birth date, four digits and a check digit. */
export const unzr = fc.tuple(birthDay, digits(4)).map(([day, serial]) => {
  const first12 = day.replaceAll('-', '') + serial;
  return `${first12.slice(0, 8)}-${first12.slice(8)}${weighted(first12, [7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1]) % 10}`;
});

/** Every identity document number shape shared/validate/id-documents.ts accepts, as it stores them. */
export const documentNumber = fc.oneof(
  digits(9), // ID card, permit card form, temporary certificate
  fc.tuple(series, digits(6)).map(([s, n]) => s + n), // passport booklet, refugee and protection certificates
  fc.tuple(series, fc.integer({ min: 4, max: 6 }).chain(digits)).map(([s, n]) => s + n), // permits
  fc.tuple(latinCapital, latinCapital, digits(6)).map(([a, b, n]) => a + b + n), // travel passport
  fc.tuple(fc.constantFrom('I', 'II', 'III', 'IV', 'V', 'XII'), series, digits(6)).map(([roman, s, n]) => `${roman}-${s}${n}`), // birth certificate
  unzr,
);

/** A phone as stored (+380 and nine digits) and as people type it. */
export const phone = digits(9)
  .filter((n) => !n.startsWith('0'))
  .chain((n) =>
    fc.constantFrom(
      `+380${n}`,
      `0${n}`,
      `+38 (0${n.slice(0, 2)}) ${n.slice(2, 5)}-${n.slice(5, 7)}-${n.slice(7)}`,
      `0${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`,
    ),
  );

const emailPart = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/);
export const email = fc
  .tuple(emailPart, fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.constantFrom('ua', 'gov.ua', 'com', 'org'))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

/** Device and admin tokens: 32 random bytes in base64url (server/auth/secrets.ts). */
export const deviceToken = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('base64url'));

/** The browser host's link token: 24 random bytes in base64url. */
export const linkToken = fc.uint8Array({ minLength: 24, maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('base64url'));

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** An enrollment code: 24 characters of CODE_ALPHABET in groups of four. */
export const enrollmentCode = fc
  .array(fc.constantFrom(...CODE_ALPHABET), { minLength: 24, maxLength: 24 })
  .map((chars) => Array.from({ length: 6 }, (_, i) => chars.slice(i * 4, i * 4 + 4).join('')).join('-'));

export const secret = fc.oneof(deviceToken, linkToken, enrollmentCode);

/** Anything personal or secret the scrubber must catch by its shape. */
export const shapedIdentifier = fc.oneof(rnokpp, documentNumber, phone, email, secret);
