import type { ValidationErrorCode, ValidationWarningCode } from './messages';

/**
 * What every validator answers: the normalized value (what gets stored and sent) with any
 * warnings, or the one error that blocks it. Warnings never block: the clerk may go on.
 */
export type Validated<E extends ValidationErrorCode, W extends ValidationWarningCode = never> =
  { ok: true; value: string; warnings?: W[] } | { ok: false; code: E };

export function valid<W extends ValidationWarningCode = never>(
  value: string,
  warnings: readonly W[] = [],
): { ok: true; value: string; warnings?: W[] } {
  // Absent rather than empty, so `{ ok: true, value }` stays the plain answer most checks give.
  return warnings.length > 0 ? { ok: true, value, warnings: [...warnings] } : { ok: true, value };
}

export function invalid<E extends ValidationErrorCode>(code: E): { ok: false; code: E } {
  return { ok: false, code };
}
