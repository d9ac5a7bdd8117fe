import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  APPLICATION_STATUSES,
  canTransition,
  roleMayMove,
  statusMoveProblems,
} from '../../../shared/domain/application-status';
import type { ApplicationStatus, MoveContext, StatusMove } from '../../../shared/domain/application-status';
import { dueAfterSuspensions, statusFlags, suspendedLength } from '../../../shared/domain/status-flags';
import { factsAfterMove, NO_FACTS } from '../../../shared/domain/status-facts';
import { addDays, dueDate, EMPTY_CALENDAR, isWorkingDay } from '../../../shared/calendar';
import { ROLES } from '../../../shared/roles';
import {
  FINISHED_TICKET_STATUSES,
  TICKET_EFFECTS,
  TICKET_EVENTS,
  ticketEventResult,
  TicketStatus,
} from '../../../shared/domain/ticket-status';

/** Where an application's life ends, written out rather than read from the module under test. */
const FINAL = new Set(['issued', 'delivered', 'transferred', 'withdrawn', 'registered_in_error', 'returned_unclaimed', 'refused']);
/** Who decides: the provider-side moves, also written out. */
const PROVIDER_TARGETS = new Set(['in_progress', 'needs_info', 'result_ready', 'transferred']);

const status = fc.constantFrom(...APPLICATION_STATUSES);
const role = fc.constantFrom(...ROLES);
const day = fc
  .date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const words = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');

/** Every data field, each present or not: the machine must ask for exactly what the move lacks. */
const moveData = fc.record(
  {
    reason: words,
    outcome: fc.constant({ kind: 'positive' as const }),
    receiver: fc.constant({ party: 'applicant' as const, name: 'Іваненко Марія', document: 'ID 000000001' }),
    trackingNumber: words,
    transferTo: words,
    withdrawal: fc.constant({ requestNumber: '5', requestDate: '2026-11-02' }),
  },
  { requiredKeys: [] },
);
const CTX: MoveContext = {
  refusalGrounds: null,
  representativeMayReceive: false,
  resultReadyOn: '2026-01-01',
  today: '2026-12-03',
  unclaimedAfterDays: 30,
};

describe('statusMoveProblems (the one status rule of desk, renderer and back office)', () => {
  it('refuses a move the machine has no arrow for with `to` alone, whatever data comes with it', () => {
    fc.assert(
      fc.property(status, status, moveData, (from, to, data) => {
        fc.pre(!canTransition(from, to));
        expect(statusMoveProblems(from, { to, ...data }, CTX).map((p) => p.path)).toEqual([['to']]);
      }),
    );
  });

  it('on an allowed move, names each missing field the move needs and nothing else', () => {
    fc.assert(
      fc.property(status, status, moveData, (from, to, data) => {
        fc.pre(canTransition(from, to));
        const problems = statusMoveProblems(from, { to, ...data }, CTX);
        for (const p of problems) expect(data[p.path[0] as keyof typeof data]).toBeUndefined();
        const full = {
          reason: 'r',
          outcome: { kind: 'positive' as const },
          receiver: { party: 'applicant' as const, name: 'n', document: 'd' },
          trackingNumber: 't',
          transferTo: 'b',
          withdrawal: { requestNumber: '1', requestDate: '2026-01-01' },
        };
        expect(statusMoveProblems(from, { to, ...full }, CTX)).toEqual([]);
      }),
    );
  });

  it('gives provider-side moves to the provider alone, and no provider move to anyone else', () => {
    fc.assert(
      fc.property(status, status, role, (from, to, who) => {
        fc.pre(canTransition(from, to));
        const providerMove = PROVIDER_TARGETS.has(to);
        if (providerMove) expect(roleMayMove(from, to, [who])).toBe(who === 'provider');
        if (providerMove) expect(roleMayMove(from, to, ['clerk', 'supervisor', 'admin'])).toBe(false);
        if (!providerMove) expect(roleMayMove(from, to, ['provider'])).toBe(false);
      }),
    );
  });
});

describe('an application’s life under random moves by random roles', () => {
  const attempt = fc.record({ to: fc.oneof(status, fc.nat()), who: role, data: moveData });

  it('moves only along the arrows its role may take, with what each needs, and stops for good at a final status', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        let current: ApplicationStatus = 'registered';
        for (const { to: target, who, data } of attempts) {
          const offered = allowedTransitions(current, [who]);
          const to = typeof target === 'string' ? target : (offered[target % Math.max(offered.length, 1)] ?? 'registered');
          const move: StatusMove = { to, ...data };
          const accepted = roleMayMove(current, to, [who]) && statusMoveProblems(current, move, CTX).length === 0;
          if (FINAL.has(current)) expect(accepted, `${current} → ${to}`).toBe(false);
          if (!accepted) continue;
          expect(canTransition(current, to)).toBe(true);
          current = to;
        }
      }),
    );
  });

  it('can reach every status but the legacy refused from registration, and a final one from every status', () => {
    const reachable = (from: ApplicationStatus) => {
      const seen = new Set([from]);
      for (const at of seen) for (const to of APPLICATION_STATUSES) if (canTransition(at, to)) seen.add(to);
      return seen;
    };
    expect(reachable('registered')).toEqual(new Set(APPLICATION_STATUSES.filter((s) => s !== 'refused')));
    for (const from of APPLICATION_STATUSES)
      expect(
        [...reachable(from)].some((at) => FINAL.has(at)),
        from,
      ).toBe(true);
  });
});

describe('suspensions and the due date', () => {
  const unit = fc.constantFrom('working_days' as const, 'calendar_days' as const);

  it('a suspension stops as many days of the term as it lasted, in the term’s unit', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), (from, length) => {
        const to = addDays(from, length);
        expect(suspendedLength({ from, to }, 'calendar_days', EMPTY_CALENDAR)).toBe(length);
        let working = 0;
        for (let d = from; d < to; d = addDays(d, 1)) if (isWorkingDay(d, EMPTY_CALENDAR)) working += 1;
        expect(suspendedLength({ from, to }, 'working_days', EMPTY_CALENDAR)).toBe(working);
      }),
    );
  });

  it('moves the due date on by each finished suspension, never back, and not for one still open', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 30 }), unit, (due, from, length, u) => {
        const closed = dueAfterSuspensions(due, [{ from, to: addDays(from, length), reason: 'r' }], u, EMPTY_CALENDAR);
        expect(closed >= due).toBe(true);
        expect(closed > due).toBe(suspendedLength({ from, to: addDays(from, length) }, u, EMPTY_CALENDAR) > 0);
        expect(dueAfterSuspensions(due, [{ from, to: null, reason: 'r' }], u, EMPTY_CALENDAR)).toBe(due);
      }),
    );
  });

  it('moves a working-day term by the working days suspended: a week stopped (Mon–Mon) adds 5 working days', () => {
    expect(dueAfterSuspensions('2026-12-10', [{ from: '2026-11-30', to: '2026-12-07', reason: 'r' }], 'working_days', EMPTY_CALENDAR)).toBe(
      dueDate('2026-12-10', 5, 'working_days', EMPTY_CALENDAR),
    );
    expect(
      dueAfterSuspensions('2026-12-10', [{ from: '2026-11-30', to: '2026-12-07', reason: 'r' }], 'calendar_days', EMPTY_CALENDAR),
    ).toBe('2026-12-17');
  });

  it('records a suspension when the case stops and closes it when it resumes', () => {
    const stopped = factsAfterMove(NO_FACTS, 'in_progress', { to: 'needs_info', reason: 'немає довідки' }, '2026-11-30');
    expect(stopped.suspensions).toEqual([{ from: '2026-11-30', to: null, reason: 'немає довідки' }]);
    const resumed = factsAfterMove(stopped, 'needs_info', { to: 'in_progress' }, '2026-12-07');
    expect(resumed.suspensions).toEqual([{ from: '2026-11-30', to: '2026-12-07', reason: 'немає довідки' }]);
  });
});

describe('statusFlags', () => {
  const facts = fc.record({
    status,
    registeredOn: day,
    dueDate: day,
    dueKind: fc.constantFrom('not_after' as const, 'not_before' as const),
  });
  const RULES = { handoffWorkingDays: 1, dueSoonWorkingDays: 3 };

  it('is overdue exactly when the term runs, is a latest date, and today is past it; due soon never together with overdue', () => {
    fc.assert(
      fc.property(facts, day, (f, today) => {
        const flags = statusFlags(f, today, EMPTY_CALENDAR, RULES);
        const runs = ['registered', 'sent_to_provider', 'in_progress'].includes(f.status) && f.dueKind === 'not_after';
        expect(flags.overdue).toBe(runs && today > f.dueDate);
        expect(flags.dueSoon && flags.overdue).toBe(false);
        if (flags.dueSoon) expect(f.dueDate <= dueDate(today, 3, 'working_days', EMPTY_CALENDAR)).toBe(true);
      }),
    );
  });

  it('flags a hand-off overdue only while registered, once the next working day has passed', () => {
    const f = { status: 'registered' as const, registeredOn: '2026-12-04', dueDate: '2027-01-04', dueKind: 'not_after' as const };
    expect(statusFlags(f, '2026-12-07', EMPTY_CALENDAR, RULES).handoffOverdue).toBe(false);
    expect(statusFlags(f, '2026-12-08', EMPTY_CALENDAR, RULES).handoffOverdue).toBe(true);
    expect(statusFlags({ ...f, status: 'sent_to_provider' }, '2026-12-08', EMPTY_CALENDAR, RULES).handoffOverdue).toBe(false);
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
      fc.property(fc.constantFrom(...FINISHED_TICKET_STATUSES), event, (finished, name) => {
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
    // A transfer is no longer an end: the ticket waits again in another queue or for another desk.
    const FINISHED = new Set<TicketStatus>(FINISHED_TICKET_STATUSES);
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
