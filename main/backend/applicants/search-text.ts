/**
 * Names as the search index stores them (`applicants.search_name`) and as queries are matched.
 * Index and query must go through this one function: the FTS5 index only ever sees its output.
 *
 * - Canonical composition (NFC) first, so a decomposed й (и + U+0306) or ї (і + U+0308) becomes
 *   the single letter; any combining mark left after that (a stress mark in "Мари́на") is
 *   dropped rather than splitting the word in two.
 * - Lower case: Cyrillic case-insensitivity (ШЕВЧЕНКО = шевченко).
 * - Every apostrophe variant (' ’ ʼ ` ‘ ʻ ´ and the primes) is dropped, so Мар'яна, Марʼяна,
 *   Мар’яна, Мар`яна and even a hurried "Маряна" are one word. Dropping beats keeping one
 *   canonical apostrophe: the tokenizer splits words at ' and ’, and a clerk who has typed
 *   "Мар" or "Марʼ" so far is at the same prefix either way.
 * - Latin look-alike letters become the Cyrillic letters they impersonate (Олiйник with a Latin
 *   i is Олійник). The mapping is per letter, everywhere, also in words with no Cyrillic at
 *   all: a rule that looks at the whole word ("only in words that also contain Cyrillic") is
 *   not stable under prefixes — "Oлешко" (Latin O) would be stored mapped, but the clerk's
 *   first keystroke "O" has no Cyrillic beside it, would stay Latin and find nothing.
 *   Per-letter mapping keeps normalize(prefix) a prefix of normalize(word), which prefix search
 *   needs. Genuinely Latin names (ТОВ «IT Solutions») get a mixed-script search_name, but a
 *   query is mapped the same way, so they are still found. The map applies after lower-casing
 *   so that the upper-case-only look-alikes (B H M T) work whatever case was typed.
 * - і ї є ґ stay distinct letters (the FTS table uses remove_diacritics 0 for the same reason).
 * - Anything else that is not a letter or digit (hyphens, quotes, «», dots) separates words.
 */
const APOSTROPHES = /['’ʼ`‘ʻ´ʹ′＇]/g;

const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'в',
  c: 'с',
  e: 'е',
  h: 'н',
  i: 'і',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  t: 'т',
  x: 'х',
  y: 'у',
  // NFC turns a Latin I + combining diaeresis into ï (U+00EF), which is how "Ї" comes out of
  // Latin keyboard layouts.
  ï: 'ї',
};

export function normalizeName(text: string): string {
  return foldCaseAndMarks(text)
    .replace(/[a-zï]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A query wholly in Latin letters (no Cyrillic), as normalizeName would leave it but with its
 * Latin letters kept, for the transliteration tier (name-latin.ts); null for any other query.
 * "Shevchenko" is also looked up as normalizeName makes it, but that is mixed script ("sнеvсн…")
 * and finds only genuinely Latin names.
 */
export function latinQuery(text: string): string | null {
  const latin = foldCaseAndMarks(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return /[a-z]/.test(latin) && !/\p{Script=Cyrillic}/u.test(latin) ? latin : null;
}

function foldCaseAndMarks(text: string): string {
  // NFC twice: what the dropped marks and apostrophes kept apart may compose only afterwards
  // (Hangul jamo), and without the second pass a second call would change the result.
  return text.normalize('NFC').toLowerCase().replace(/\p{M}/gu, '').replace(APOSTROPHES, '').normalize('NFC');
}
