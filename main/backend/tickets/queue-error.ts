import { AppError } from '../../../shared/errors';
import { QUEUE_ERROR_PATH } from '../../../shared/queue-protocol';
import type { QueueErrorCode } from '../../../shared/queue-protocol';

/**
 * A queue refusal as the renderer reads it: CONFLICT (NOT_FOUND for a missing ticket) with the
 * QUEUE_ERRORS code as the message of the issue at QUEUE_ERROR_PATH, so the panel shows its own
 * words for each code whether the back office or the desk's local queue refused.
 */
export function queueError(code: QueueErrorCode, message: string): AppError {
  const kind = code === 'ticket_not_found' ? 'NOT_FOUND' : code === 'queue_not_configured' ? 'UNAVAILABLE' : 'CONFLICT';
  return new AppError(kind, `${code}: ${message}`, [{ path: [QUEUE_ERROR_PATH], message: code }]);
}
