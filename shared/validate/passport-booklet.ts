import { cyrillicCapitals } from './look-alikes';
import { stripSeparators } from './normalize';
import { invalid, valid } from './result';
import type { Validated } from './result';

/** The 1994 passport booklet: a series of 2 Ukrainian Cyrillic capitals and a 6-digit number. */
export type PassportBookletError = 'passport_booklet.format' | 'passport_booklet.series';

/** А–Я without the letters Ukrainian does not use (Ъ Ы Э; Ё lies outside the range), plus Ґ Є І Ї. */
const SERIES_LETTER = /^[А-ЩЬЮЯҐЄІЇ]$/u;
const SHAPE = /^(\p{L}{2})(\d{6})$/u;

/** Series and number as typed or pasted ("ak 123456", "АК№123456"), normalized like "АК123456". */
export function validatePassportBooklet(input: string): Validated<PassportBookletError> {
  const text = cyrillicCapitals(stripSeparators(input).toUpperCase());
  const shape = SHAPE.exec(text);
  if (!shape) return invalid('passport_booklet.format');
  const series = shape[1]!;
  return Array.from(series).every((ch) => SERIES_LETTER.test(ch)) ? valid(text) : invalid('passport_booklet.series');
}
