/**
 * Names as the search index stores them and as queries are matched: lower case, every
 * apostrophe variant (’ ' ʼ ` ‘) dropped, Latin look-alike letters mapped to Cyrillic (a clerk
 * pasting "Олiйник" with a Latin i still finds Олійник), other punctuation a space.
 */
const APOSTROPHES = /['’ʼ`‘ʹ′]/g;

const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', i: 'і', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
};

export function normalizeName(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[a-z]/g, (ch) => LATIN_LOOKALIKES[ch] ?? ch)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
