/**
 * What keeps personal data and secrets out of logs (docs/IT.md, Logs and diagnostics), for the desk
 * and the back office alike. Two layers, because neither is enough alone:
 *
 * - `redactFields`: values under keys known to hold personal data or secrets are replaced whole.
 *   Names can only be caught this way: no pattern tells "Петренко" from any other word.
 * - `scrubText`: on the finished output line, every identifier that has a shape — РНОКПП and any
 *   run of six or more digits (ID cards, passports, УНЗР, phones, account numbers), two letters
 *   glued to four or more digits (passport booklets, certificates, permits, travel passports),
 *   phone numbers as people type them, e-mail addresses, and tokens (any run of 20 or more
 *   base64url characters: device and admin tokens, enrollment codes, hashes) — is replaced.
 *
 * Conservative on purpose: a byte count of a million or a long hyphenated name is lost too. Kept
 * whole: UUIDs (correlation and record ids support asks for) unless one hides a long digit run,
 * ISO dates and times, and JSON escapes (so a scrubbed JSON line stays JSON).
 */

export const REDACTED = '[redacted]';

/**
 * One pass, leftmost match first; the alternatives that keep text come first so an identifier rule
 * never starts inside them. Groups: 1 escape, 2 date-time, 3 UUID-shaped; anything else matched is
 * an identifier.
 */
const PATTERN = new RegExp(
  [
    // A \u escape glued to digits: the digits may continue an identifier the escape's own digits began.
    String.raw`\\u[0-9a-fA-F]{4}\d[\d \u00A0-]*`,
    // An e-mail, with an escape before it (`\n` and a one-letter local part would keep the letter).
    String.raw`(?:\\[bfnrt][\w.+-]*|[\w.+-]+)@[\w-]+(?:\.[\w-]+)+`,
    // A JSON escape: consumed whole, so a replacement never follows a lone backslash (the line stays JSON).
    String.raw`(\\(?:u[0-9a-fA-F]{4}|["\\/bfnrt]))`,
    // An ISO date, optionally with its time: kept (log times, backup times, periods).
    String.raw`((?<!\d)(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?(?!\d))`,
    // Lower case only, as randomUUID writes them: an upper-case travel passport number cannot pass for one.
    String.raw`((?<![\w-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-]))`,
    // A phone as typed: +38 (067) 123-45-67, 067 123 45 67.
    String.raw`(?:\+?38[\s-]?)?\(?0\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}`,
    String.raw`\\[bfnrt][\w-]{19,}|[\w-]{20,}`,
    String.raw`\p{L}{2}№?\d{4,}`,
    String.raw`\d(?:[ \u00A0]?\d){5,}`,
  ].join('|'),
  'gu',
);

/** A UUID kept whole may not carry nine digits in a row: an ID card number or РНОКПП cannot hide in one. */
function keepsUuid(text: string): boolean {
  return !/\d{9}/.test(text);
}

/** The text with every shaped identifier and token replaced by `[redacted]`. */
export function scrubText(text: string): string {
  return text.replace(PATTERN, (match, escape?: string, dateTime?: string, uuid?: string) => {
    if (escape !== undefined || dateTime !== undefined) return match;
    return uuid !== undefined && keepsUuid(uuid) ? match : REDACTED;
  });
}

/**
 * Keys whose values are personal data (compared lower-cased, without `_` and `-`): names, logins,
 * identifiers, contacts, addresses, file names (a scan is often named after its owner), search
 * text and free-text notes.
 */
const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  'name',
  'names',
  'fullname',
  'lastname',
  'firstname',
  'middlename',
  'patronymic',
  'givenname',
  'surname',
  'applicant',
  'representative',
  'person',
  'login',
  'rnokpp',
  'edrpou',
  'unzr',
  'birthdate',
  'iddoc',
  'docnumber',
  'documentnumber',
  'passport',
  'phone',
  'email',
  'address',
  'filename',
  'q',
  'query',
  'note',
  'comment',
  'body',
  'payload',
]);

/** Secrets whatever the rest of the key says: tokens, passwords, codes that enroll a desk, headers that carry them. */
const SECRET_KEY = /token|secret|passw|authorization|cookie|apikey|enrollment|^pin$/;

function normalizedKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

/** Whether a key names a secret: masked in the configuration a diagnostics export carries. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(normalizedKey(key));
}

/** Whether a field of this name is replaced whole in logs. */
export function isSensitiveKey(key: string): boolean {
  const normalized = normalizedKey(key);
  return PERSONAL_KEYS.has(normalized) || SECRET_KEY.test(normalized);
}

/**
 * A copy of `value` with every sensitive key's value replaced by `[redacted]`, at any depth. Errors
 * become `{ type, message, stack }` so their text reaches the line (and `scrubText`); cycles and
 * depth past 8 are cut.
 */
export function redactFields(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value instanceof Error) {
    return redactFields({ type: value.name, message: value.message, stack: value.stack }, depth, seen);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value) || depth > 8) return '[cut]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) ? REDACTED : redactFields(item, depth + 1, seen);
  }
  return out;
}

/** A number as long as a РНОКПП or an ID card number could be one typed as a number. */
const LONG_INTEGER = 1e8;

function scrubJsonValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'number') return Math.abs(value) >= LONG_INTEGER ? REDACTED : value;
  if (Array.isArray(value)) return value.map(scrubJsonValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [scrubText(key), scrubJsonValue(item)]));
  }
  return value;
}

/**
 * A finished JSON log line with every string (keys too) scrubbed, and numbers of nine digits or
 * more replaced: scrubbing the parsed line keeps it JSON, where a replaced run inside a number
 * (a response time's decimals) would not. A line that is not JSON is scrubbed as text.
 */
export function scrubJsonLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return scrubText(line);
  }
  return JSON.stringify(scrubJsonValue(parsed)) + (line.endsWith('\n') ? '\n' : '');
}
