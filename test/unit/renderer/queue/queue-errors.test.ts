import { describe, expect, it } from 'vitest';
import { QUEUE_ERROR_PATH, QUEUE_ERRORS } from '../../../../shared/queue-protocol';
import { queueErrorCode, queueErrorKey } from '../../../../renderer/src/features/queue/queue-errors';
import { dictionaries } from '../../../../renderer/src/i18n/dictionaries';

describe('the queue’s refusals in words', () => {
  it('reads the code from the issue at the queue error path only', () => {
    const at = (path: string, message: string) => ({
      code: 'CONFLICT' as const,
      message: 'Refused',
      details: { issues: [{ path: [path], message }] },
    });
    expect(queueErrorCode(at(QUEUE_ERROR_PATH, 'desk_busy'))).toBe('desk_busy');
    expect(queueErrorCode(at(QUEUE_ERROR_PATH, 'not a queue code'))).toBeNull();
    expect(queueErrorCode(at('ticketId', 'desk_busy'))).toBeNull();
    expect(queueErrorCode({ code: 'CONFLICT', message: 'ticket_already_called: another desk called А001' })).toBeNull();
    expect(queueErrorCode({ code: 'UNAVAILABLE', message: 'back office unreachable' })).toBeNull();
  });

  it('has a sentence in each language for every queue code', () => {
    for (const code of Object.values(QUEUE_ERRORS)) {
      expect(dictionaries.uk[queueErrorKey(code)]).toBeTruthy();
      expect(dictionaries.en[queueErrorKey(code)]).toBeTruthy();
    }
  });
});
