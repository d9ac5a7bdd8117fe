import { describe, expect, it } from 'vitest';
import { QUEUE_ERRORS } from '../../../../shared/queue-protocol';
import { queueCodeIn, queueErrorCode, queueErrorKey } from '../../../../renderer/src/features/queue/queue-errors';
import { dictionaries } from '../../../../renderer/src/i18n/dictionaries';

describe('the queue’s refusals in words', () => {
  it('finds the back office’s code in the message or in an issue', () => {
    expect(queueErrorCode({ code: 'CONFLICT', message: 'ticket_already_called: another desk called А001' })).toBe('ticket_already_called');
    expect(
      queueErrorCode({ code: 'CONFLICT', message: 'Refused', details: { issues: [{ path: ['ticketId'], message: 'desk_busy' }] } }),
    ).toBe('desk_busy');
    expect(queueErrorCode({ code: 'UNAVAILABLE', message: 'back office unreachable' })).toBeNull();
  });

  it('takes a code only as a whole word', () => {
    expect(queueCodeIn('xdesk_busy')).toBeNull();
    expect(queueCodeIn('desk_busy_now')).toBeNull();
    expect(queueCodeIn('(desk_busy)')).toBe('desk_busy');
  });

  it('has a sentence in each language for every queue code', () => {
    for (const code of Object.values(QUEUE_ERRORS)) {
      expect(dictionaries.uk[queueErrorKey(code)]).toBeTruthy();
      expect(dictionaries.en[queueErrorKey(code)]).toBeTruthy();
    }
  });
});
