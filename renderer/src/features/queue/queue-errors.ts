/**
 * The queue's own refusals (QUEUE_ERRORS: another desk called the ticket first, the desk is busy…)
 * travel inside the contract's generic error (usually CONFLICT): the desk backend passes the back
 * office's code on in the message or an issue. Found here, they are said in words; anything else
 * falls back to the generic text of the error code.
 */
import { QUEUE_ERRORS } from '../../../../shared/queue-protocol';
import type { ErrorBody } from '../../../../shared/errors';
import type { PlainMessageKey } from '../../i18n/dictionary';

export type QueueErrorCode = (typeof QUEUE_ERRORS)[keyof typeof QUEUE_ERRORS];

const CODES: readonly QueueErrorCode[] = Object.values(QUEUE_ERRORS);

/** The first queue code named as a whole word in `text` (`ticket_already_called`, not a part of a longer word). */
export function queueCodeIn(text: string): QueueErrorCode | null {
  return CODES.find((code) => new RegExp(`(^|[^a-z_])${code}($|[^a-z_])`).test(text)) ?? null;
}

export function queueErrorCode(error: ErrorBody): QueueErrorCode | null {
  for (const text of [error.message, ...(error.details?.issues ?? []).map((issue) => issue.message)]) {
    const code = queueCodeIn(text);
    if (code !== null) return code;
  }
  return null;
}

export function queueErrorKey(code: QueueErrorCode): PlainMessageKey {
  return `queue.error.${code}`;
}
