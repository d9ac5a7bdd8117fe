import { AppError } from '../../../shared/errors';
import type { QUEUE_ERRORS } from '../../../shared/queue-protocol';

export type QueueErrorCode = (typeof QUEUE_ERRORS)[keyof typeof QUEUE_ERRORS];

/**
 * A queue refusal as the renderer reads it: CONFLICT (NOT_FOUND for a missing ticket) with the
 * QUEUE_ERRORS code as the one issue's message, so the panel shows its own words for each code
 * whether the back office or the desk's local queue refused.
 */
export function queueError(code: QueueErrorCode, message: string): AppError {
  const kind = code === 'ticket_not_found' ? 'NOT_FOUND' : code === 'queue_not_configured' ? 'UNAVAILABLE' : 'CONFLICT';
  return new AppError(kind, `${code}: ${message}`, [{ path: ['action'], message: code }]);
}
