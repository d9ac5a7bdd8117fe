import { LATIN_CAPITAL_LOOK_ALIKES } from './look-alikes';

/**
 * Name hygiene on save: what a register or a document check compares letter by letter must not
 * depend on the keyboard the clerk typed on. Search has its own, looser normalization
 * (main/backend/applicants/search-text.ts); this one keeps case and prints as stored.
 */

/** Every apostrophe a keyboard, a layout or a paste produces (’ ' ʼ ` ‘ ʻ ´ ′ ＇). */
const APOSTROPHE = /['’ʼ`‘ʻ´ʹ′＇]/gu;

/** The Ukrainian apostrophe recommended for registers (U+02BC), the default of the setting. */
export const DEFAULT_APOSTROPHE = 'ʼ';
export const APOSTROPHE_CHOICES = ['ʼ', '’', "'"] as const;
export type ApostropheChoice = (typeof APOSTROPHE_CHOICES)[number];

/** The look-alike capitals, and the small letters whose shape is the same in both scripts. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  ...LATIN_CAPITAL_LOOK_ALIKES,
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  Ï: 'Ї',
  ï: 'ї',
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORD = /[\p{L}\p{M}'’ʼ`‘ʻ´ʹ′＇]+/gu;

export interface CleanedName {
  value: string;
  /** Latin look-alike letters inside Cyrillic words were replaced: the form says so. */
  lookAlikesMapped: boolean;
  /** Apostrophes were made the one canonical character. */
  apostrophesChanged: boolean;
}

/**
 * A name with Latin look-alikes mapped inside words that also hold Cyrillic ("Олiйник" with a
 * Latin i becomes «Олійник»), every apostrophe made `apostrophe`, and composed (NFC). A word
 * wholly in Latin letters stays as written: it is a foreign name, not a typo.
 */
export function cleanName(input: string, apostrophe: ApostropheChoice = DEFAULT_APOSTROPHE): CleanedName {
  let lookAlikesMapped = false;
  const composed = input.normalize('NFC');
  const mapped = composed.replace(WORD, (word) => {
    if (!CYRILLIC.test(word)) return word;
    const out = Array.from(word, (ch) => LOOK_ALIKES[ch] ?? ch).join('');
    if (out !== word) lookAlikesMapped = true;
    return out;
  });
  const value = mapped.replace(APOSTROPHE, apostrophe);
  return { value, lookAlikesMapped, apostrophesChanged: value !== mapped };
}
