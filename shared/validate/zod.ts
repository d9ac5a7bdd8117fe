import { z } from 'zod';
import { validateDay } from './dates';
import { validateEdrpou } from './edrpou';
import { validateEmail } from './email';
import { validateIdCardNumber } from './id-card';
import type { ValidationErrorCode, ValidationWarningCode } from './messages';
import { validatePassportBooklet } from './passport-booklet';
import { validatePhone } from './phone';
import type { Validated } from './result';
import { validateRnokpp } from './rnokpp';
import { validateUnzr } from './unzr';

/**
 * Schemas for the backend contract built on the same validators as the form: they accept what
 * the form accepts, output the normalized value, and fail with the validation code as the zod
 * issue message, so a crafted call gets VALIDATION with the field's path and that code.
 * Warnings do not fail a schema: they are for the clerk, who has already seen them.
 */
function fromValidator(validate: (input: string) => Validated<ValidationErrorCode, ValidationWarningCode>) {
  return z.string().transform((input, ctx) => {
    const result = validate(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.code });
    return z.NEVER;
  });
}

export const zRnokpp = fromValidator(validateRnokpp);
export const zEdrpou = fromValidator(validateEdrpou);
export const zIdCardNumber = fromValidator(validateIdCardNumber);
export const zPassportBooklet = fromValidator(validatePassportBooklet);
export const zUnzr = fromValidator(validateUnzr);
export const zPhone = fromValidator(validatePhone);
export const zEmail = fromValidator(validateEmail);
/**
 * Dates as a real day, normalized to `YYYY-MM-DD`. Whether one lies in the future needs the
 * desk's today, which a static schema lacks: the handler checks that with validateBirthDate /
 * validateIssueDate.
 */
export const zBirthDate = fromValidator((input) => validateDay(input, 'birth_date'));
export const zIssueDate = fromValidator((input) => validateDay(input, 'issue_date'));
export const zValidUntil = fromValidator((input) => validateDay(input, 'valid_until'));
