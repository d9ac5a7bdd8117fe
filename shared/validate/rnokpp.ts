/** РНОКПП (individual tax number): 10 digits, the last a check digit (domain notes). */
const WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7] as const;

/** The check digit for a number's first 9 digits (extra characters are ignored). */
export function rnokppCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += WEIGHTS[i]! * Number(first9[i]);
  return (((sum % 11) + 11) % 11) % 10;
}

export function isValidRnokpp(digits: string): boolean {
  return /^\d{10}$/.test(digits) && rnokppCheckDigit(digits) === Number(digits[9]);
}
