import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  canTransition,
  statusChangeErrors,
  statusChangeFieldErrors,
} from '../../../shared/domain/application-status';
import { TICKET_EFFECTS, TICKET_EVENTS, ticketEventResult, TicketStatus } from '../../../shared/domain/ticket-status';

/** The law's list, written out here rather than read from the module under test. */
const NEEDS_REASON = new Set(['refused', 'withdrawn', 'needs_info', 'returned_unclaimed']);

const status = fc.constantFrom(...APPLICATION_STATUSES);
/** Text a clerk might leave: missing, empty, only spaces, or words. */
const text = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('', ' ', '\t\n'),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const isBlank = (value: string | null | undefined) => (value ?? '').trim() === '';

describe('statusChangeErrors (the one status rule of desk, renderer and back office)', () => {
  it('refuses a move the machine has no arrow for with `to` alone, whatever else is filled in', () => {
    fc.assert(
      fc.property(status, status, text, text, (from, to, reason, receivedBy) => {
        fc.pre(!canTransition(from, to));
        expect(statusChangeErrors(from, { to, reason, receivedBy })).toEqual(['to']);
      }),
    );
  });

  it('on an allowed move, wants a non-blank reason exactly where the law does and a receiver exactly when issuing', () => {
    fc.assert(
      fc.property(status, status, text, text, (from, to, reason, receivedBy) => {
        fc.pre(canTransition(from, to));
        const expected = [
          ...(NEEDS_REASON.has(to) && isBlank(reason) ? ['reason'] : []),
          ...(to === 'issued' && isBlank(receivedBy) ? ['receivedBy'] : []),
        ];
        expect(statusChangeErrors(from, { to, reason, receivedBy })).toEqual(expected);
      }),
    );
  });

  it('accepts every allowed move once reason and receiver are written', () => {
    fc.assert(
      fc.property(
        status,
        status,
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        (from, to, words) => {
          fc.pre(canTransition(from, to));
          expect(statusChangeErrors(from, { to, reason: words, receivedBy: words })).toEqual([]);
        },
      ),
    );
  });

  it('reports each problem as a field error at the move field it names', () => {
    fc.assert(
      fc.property(status, status, text, text, (from, to, reason, receivedBy) => {
        const move = { to, reason, receivedBy };
        expect(statusChangeFieldErrors(from, move).map((error) => error.path)).toEqual(
          statusChangeErrors(from, move).map((field) => [field]),
        );
      }),
    );
  });
});

describe('ticketEventResult (the one ticket rule of desk and back office)', () => {
  const ticketStatus = fc.constantFrom(...TicketStatus.options);
  const event = fc.constantFrom(...TICKET_EVENTS);

  it('moves a ticket to the event’s status exactly when the event may happen from where it stands', () => {
    fc.assert(
      fc.property(ticketStatus, event, (from, name) => {
        const allowed = (TICKET_EFFECTS[name].from as readonly string[]).includes(from);
        expect(ticketEventResult(from, name)).toBe(allowed ? TICKET_EFFECTS[name].to : null);
      }),
    );
  });

  it('lets nothing happen to a finished ticket, and nothing finishes a waiting one at once', () => {
    fc.assert(
      fc.property(fc.constantFrom('done', 'no_show', 'transferred' as const), event, (finished, name) => {
        expect(ticketEventResult(finished, name)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(event, (name) => {
        expect(['called', null]).toContain(ticketEventResult('waiting', name));
      }),
    );
  });
});
