import type { ErrorCode } from '../../../shared/errors';
import type { PlainMessageKey } from './dictionary';

/** The clerk-facing text for each error code; a code without a message is a type error here. */
export function errorMessageKey(code: ErrorCode): PlainMessageKey {
  const key: `error.${ErrorCode}` = `error.${code}`;
  return key;
}
