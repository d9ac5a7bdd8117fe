/**
 * The queue's own refusals (QUEUE_ERRORS: another desk called the ticket first, the desk is busy…)
 * travel inside the contract's generic error (usually CONFLICT) as the message of the issue at
 * QUEUE_ERROR_PATH, whether the back office or the desk's local queue refused. Found there, they
 * are said in words; anything else falls back to the generic text of the error code.
 */
import { QUEUE_ERROR_PATH, QUEUE_ERRORS } from '../../../../shared/queue-protocol';
import type { QueueErrorCode } from '../../../../shared/queue-protocol';
import type { ErrorBody } from '../../../../shared/errors';
import type { PlainMessageKey } from '../../i18n/dictionary';

const CODES: ReadonlySet<string> = new Set(Object.values(QUEUE_ERRORS));

export function isQueueErrorCode(code: string | null): code is QueueErrorCode {
  return code !== null && CODES.has(code);
}

export function queueErrorCode(error: ErrorBody): QueueErrorCode | null {
  const issue = error.details?.issues?.find((i) => i.path.length === 1 && i.path[0] === QUEUE_ERROR_PATH);
  return issue && isQueueErrorCode(issue.message) ? issue.message : null;
}

export function queueErrorKey(code: QueueErrorCode): PlainMessageKey {
  return `queue.error.${code}`;
}
