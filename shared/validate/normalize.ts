/**
 * What people paste between the characters of an identifier: spaces of every kind (including
 * the no-break and zero-width ones office documents and web pages insert), hyphens and dashes
 * (U+2010–U+2015, the minus sign), dots, and the "№" printed before document numbers.
 */
const SEPARATORS = /[\s\u200B-\u200D\u2060\u2010-\u2015\u2212.\-№]/gu;

/** The identifier with the separators dropped; anything else is kept for the validator to judge. */
export function stripSeparators(input: string): string {
  return input.replace(SEPARATORS, '');
}

/**
 * The usual order of checks for an identifier made only of digits: letters are an error of
 * their own (the clerk typed in the wrong field or mistook O for 0), then the length.
 */
export function digitsProblem(digits: string, length: number): 'not_digits' | 'length' | null {
  if (/\D/u.test(digits)) return 'not_digits';
  return digits.length === length ? null : 'length';
}
