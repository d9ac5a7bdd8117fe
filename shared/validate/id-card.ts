import { digitsProblem, stripSeparators } from './normalize';
import { invalid, valid } from './result';
import type { Validated } from './result';

/** The number of an ID card (паспорт у формі картки): 9 digits with no public check digit. */
export type IdCardError = 'id_card.not_digits' | 'id_card.length';

export function validateIdCardNumber(input: string): Validated<IdCardError> {
  const digits = stripSeparators(input);
  const problem = digitsProblem(digits, 9);
  return problem ? invalid(`id_card.${problem}`) : valid(digits);
}
