import { describe, expect, it } from 'vitest';
import { validateRnokpp } from '../../../shared/validate';

/**
 * Every separator shared/validate/normalize.ts promises to drop, one by one and at both ends of
 * each range, and the characters just past those ends kept: the other tests paste only spaces,
 * dashes and dots, so narrowing the pattern went unnoticed, and a clerk pasting from a web page or
 * an office document would be told a correct number has letters in it.
 */
describe('separators pasted inside an identifier', () => {
  it.each([
    ['\u200B', 'zero-width space'],
    ['\u200C', 'zero-width non-joiner'],
    ['\u200D', 'zero-width joiner'],
    ['\u2060', 'word joiner'],
    ['\u2010', 'hyphen'],
    ['\u2011', 'non-breaking hyphen'],
    ['\u2012', 'figure dash'],
    ['\u2014', 'em dash'],
    ['\u2015', 'horizontal bar'],
    ['\u2212', 'minus sign'],
    ['\u202F', 'narrow no-break space'],
    ['\t', 'tab'],
    ['-', 'hyphen-minus'],
    ['.', 'dot'],
    ['№', 'number sign'],
  ])('are dropped: %j (%s)', (separator) => {
    expect(validateRnokpp(`1759${separator}013${separator}776`)).toEqual({ ok: true, value: '1759013776' });
  });

  it.each([
    ['/', 'slash'],
    ['_', 'underscore'],
    [',', 'comma'],
    ['\u2016', 'double vertical line, just past the dashes'],
    ['\u200E', 'left-to-right mark, just past the zero-width ones'],
  ])('anything else is kept for the validator to refuse: %j (%s)', (other) => {
    expect(validateRnokpp(`1759${other}013776`)).toEqual({ ok: false, code: 'rnokpp.not_digits' });
  });
});
