import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  APPLICATION_STATUSES,
  canTransition,
  isOverdue,
  statusChangeErrors,
  statusChangeFieldErrors,
} from '../../../shared/domain/application-status';
import type { ApplicationStatus } from '../../../shared/domain/application-status';
import { TICKET_EFFECTS, TICKET_EVENTS, ticketEventResult, TicketStatus } from '../../../shared/domain/ticket-status';

/** The law's list, written out here rather than read from the module under test. */
const NEEDS_REASON = new Set(['refused', 'withdrawn', 'needs_info', 'returned_unclaimed']);
/** Where an application's life ends, also written out. */
const FINAL = new Set(['issued', 'refused', 'withdrawn', 'returned_unclaimed']);

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

describe('an application’s life under random clerk actions', () => {
  /** A target named outright, or the nth move the machine offers from wherever the application stands (so walks get far). */
  const attempt = fc.record({ to: fc.oneof(status, fc.nat()), reason: text, receivedBy: text });

  it('moves only along the machine’s arrows, each move with what the law asks, and stops for good at a final status', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        let current: ApplicationStatus = 'registered';
        for (const { to: target, reason, receivedBy } of attempts) {
          const offered = allowedTransitions(current);
          const to = typeof target === 'string' ? target : (offered[target % Math.max(offered.length, 1)] ?? 'registered');
          const accepted = statusChangeErrors(current, { to, reason, receivedBy }).length === 0;
          if (FINAL.has(current)) expect(accepted, `${current} → ${to}`).toBe(false);
          if (!accepted) continue;
          expect(canTransition(current, to)).toBe(true);
          if (NEEDS_REASON.has(to)) expect(isBlank(reason)).toBe(false);
          if (to === 'issued') expect(isBlank(receivedBy)).toBe(false);
          current = to;
        }
      }),
    );
  });

  it('can reach every status from registration, and a final one from every status', () => {
    const reachable = (from: ApplicationStatus) => {
      const seen = new Set([from]);
      for (const at of seen) for (const to of APPLICATION_STATUSES) if (canTransition(at, to)) seen.add(to);
      return seen;
    };
    expect(reachable('registered')).toEqual(new Set(APPLICATION_STATUSES));
    for (const from of APPLICATION_STATUSES)
      expect(
        [...reachable(from)].some((at) => FINAL.has(at)),
        from,
      ).toBe(true);
  });

  it('is overdue exactly when open, not waiting at the counter, and past its due date', () => {
    const day = fc
      .date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(status, day, day, (at, due, today) => {
        expect(isOverdue(at, due, today)).toBe(!FINAL.has(at) && at !== 'result_ready' && today > due);
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

  it('over any run of counter actions: a finished ticket stays finished, and only a served one is done', () => {
    const FINISHED = new Set(['done', 'no_show', 'transferred']);
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let current: TicketStatus = 'waiting';
        for (const name of events) {
          const next = ticketEventResult(current, name);
          if (FINISHED.has(current)) expect(next).toBeNull();
          if (next === 'done') expect(current).toBe('serving');
          if (next !== null) current = next;
        }
      }),
    );
  });
});
