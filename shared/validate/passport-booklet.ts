import { stripSeparators } from './normalize';
import { invalid, valid } from './result';
import type { Validated } from './result';

/** The 1994 passport booklet: a series of 2 Ukrainian Cyrillic capitals and a 6-digit number. */
export type PassportBookletError = 'passport_booklet.format' | 'passport_booklet.series';

/**
 * Latin letters that look like Cyrillic ones: typed on the wrong keyboard layout or pasted from
 * a scan's text layer, they read the same to the clerk, so they are mapped rather than refused.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  I: 'І',
  K: 'К',
  M: 'М',
  H: 'Н',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};

/** А–Я without the letters Ukrainian does not use (Ъ Ы Э; Ё lies outside the range), plus Ґ Є І Ї. */
const SERIES_LETTER = /^[А-ЩЬЮЯҐЄІЇ]$/u;
const SHAPE = /^(\p{L}{2})(\d{6})$/u;

/** Series and number as typed or pasted ("ak 123456", "АК№123456"), normalized like "АК123456". */
export function validatePassportBooklet(input: string): Validated<PassportBookletError> {
  const text = Array.from(stripSeparators(input).toUpperCase(), (ch) => LOOK_ALIKES[ch] ?? ch).join('');
  const shape = SHAPE.exec(text);
  if (!shape) return invalid('passport_booklet.format');
  const series = shape[1]!;
  return Array.from(series).every((ch) => SERIES_LETTER.test(ch)) ? valid(text) : invalid('passport_booklet.series');
}
