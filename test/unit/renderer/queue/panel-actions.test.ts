import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKET_EFFECTS, TicketStatus } from '../../../../shared/domain/ticket-status';
import {
  actionAvailability,
  callAvailability,
  currentTicket,
  DESK_ACTIONS,
  deskSituation,
  purposeLink,
  TICKET_ACTIONS,
} from '../../../../renderer/src/features/queue/panel-actions';
import type { DeskSituation, TicketAction } from '../../../../renderer/src/features/queue/panel-actions';
import { desk, panel, ticket } from './ticket-fixture';

const EVENT_OF: Record<TicketAction, keyof typeof TICKET_EFFECTS> = {
  recall: 'recalled',
  arrived: 'arrived',
  no_show: 'no_show',
  park: 'parked',
  transfer: 'transferred',
  finish: 'service_ended',
};

const situationArb = fc.record({
  online: fc.boolean(),
  paused: fc.boolean(),
  current: fc.option(
    fc.record({ status: fc.constantFrom(...TicketStatus.options), recalls: fc.nat(5) }).map((t) => ticket(t)),
    { nil: null },
  ),
  waitingTotal: fc.nat(3),
  recallsBeforeNoShow: fc.nat(4),
});

/** The rule written out once more, plainly, as the clerk's guide states it. */
function expectedTicketAction(situation: DeskSituation, action: TicketAction) {
  if (situation.current === null) return { enabled: false, reason: 'no_ticket' };
  if (!TICKET_EFFECTS[EVENT_OF[action]].from.includes(situation.current.status)) return { enabled: false, reason: 'status' };
  if (action === 'no_show' && situation.current.recalls < situation.recallsBeforeNoShow) return { enabled: false, reason: 'recall_first' };
  return { enabled: true };
}

describe('which counter buttons the panel enables', () => {
  it('a ticket action is enabled only when the ticket machine allows it from the status, and never without a ticket', () => {
    fc.assert(
      fc.property(situationArb, fc.constantFrom(...TICKET_ACTIONS), (situation: DeskSituation, action) => {
        expect(actionAvailability(situation, action)).toEqual(expectedTicketAction(situation, action));
      }),
    );
  });

  it('calling next needs a working desk, a free window and, online, someone waiting (offline the desk’s local queue answers)', () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const expected = !situation.paused && situation.current === null && (!situation.online || situation.waitingTotal > 0);
        expect(actionAvailability(situation, 'call_next').enabled).toBe(expected);
      }),
    );
  });

  it('a walk-in works offline too, but not on a break or with someone at the window', () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        expect(actionAvailability(situation, 'walk_in').enabled).toBe(!situation.paused && situation.current === null);
      }),
    );
  });

  it('exactly one of pause and resume is offered while online, neither offline', () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const pause = actionAvailability(situation, 'pause').enabled;
        const resume = actionAvailability(situation, 'resume').enabled;
        if (!situation.online) expect([pause, resume]).toEqual([false, false]);
        else expect([pause, resume]).toEqual([!situation.paused, situation.paused]);
      }),
    );
  });

  it('the desk actions list is what the panel shows besides the ticket actions', () => {
    expect([...DESK_ACTIONS].sort()).toEqual(['call_next', 'pause', 'resume', 'walk_in']);
  });

  it('no-show waits for the required recalls, then is allowed', () => {
    const at = (recalls: number) => ({ ...deskSituation(panel()), current: ticket({ status: 'called', recalls }), recallsBeforeNoShow: 2 });
    expect(actionAvailability(at(1), 'no_show')).toEqual({ enabled: false, reason: 'recall_first' });
    expect(actionAvailability(at(2), 'no_show')).toEqual({ enabled: true });
  });

  it('a ticket from a list can be called (or a parked one returned) only from waiting or parked, online, with the window free', () => {
    const free = deskSituation(panel());
    expect(callAvailability(free, ticket({ status: 'waiting' })).enabled).toBe(true);
    expect(callAvailability(free, ticket({ status: 'parked' })).enabled).toBe(true);
    expect(callAvailability(free, ticket({ status: 'serving' }))).toEqual({ enabled: false, reason: 'status' });
    expect(callAvailability({ ...free, online: false }, ticket())).toEqual({ enabled: false, reason: 'offline' });
    expect(callAvailability({ ...free, paused: true }, ticket())).toEqual({ enabled: false, reason: 'paused' });
    expect(callAvailability({ ...free, current: ticket({ id: 'T2', status: 'serving' }) }, ticket())).toEqual({
      enabled: false,
      reason: 'busy',
    });
  });
});

describe('the ticket at the window', () => {
  it('online it is the back office’s; offline a local walk-in first, else the last one known', () => {
    const known = ticket({ id: 'S', status: 'serving' });
    const local = ticket({ id: 'L', number: 'Л001', local: true, status: 'serving' });
    expect(currentTicket(panel({ desk: desk({ current: known }), localCurrent: local }))?.id).toBe('S');
    expect(currentTicket(panel({ connection: 'offline', desk: desk({ current: known }), localCurrent: local }))?.id).toBe('L');
    expect(currentTicket(panel({ connection: 'offline', desk: desk({ current: known }) }))?.id).toBe('S');
    expect(currentTicket(panel({ connection: 'standalone', desk: null, localCurrent: local }))?.id).toBe('L');
    expect(currentTicket(panel({ connection: 'standalone', desk: null }))).toBeNull();
  });
});

describe('where a served ticket leads', () => {
  it('submit → intake, collect → issuing, consultation and other → nowhere; only once service started', () => {
    expect(purposeLink(ticket({ purpose: 'submit', status: 'serving' }))).toBe('intake');
    expect(purposeLink(ticket({ purpose: 'collect', status: 'serving' }))).toBe('issue');
    expect(purposeLink(ticket({ purpose: 'consultation', status: 'serving' }))).toBeNull();
    expect(purposeLink(ticket({ purpose: 'other', status: 'serving', serviceCode: null }))).toBeNull();
    expect(purposeLink(ticket({ purpose: 'submit', status: 'called' }))).toBeNull();
    expect(purposeLink(null)).toBeNull();
  });
});
