import { describe, expect, it } from 'vitest';
import { actLocally } from '../../../main/backend/queue/local-actions';
import { buildPanel } from '../../../main/backend/queue/build-panel';
import { discardDeadLetter, retryDeadLetter } from '../../../main/backend/sync/dead-letters';
import { recordTicketEvent } from '../../../main/backend/tickets/record-ticket-event';
import { issueWalkIn } from '../../../main/backend/tickets/walk-in';
import type { DeskQueueState } from '../../../shared/queue-protocol';
import { openTestDesk } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function counts(desk: TestDesk) {
  const n = (sql: string) => desk.db.prepare(sql).pluck().get() as number;
  return {
    tickets: n('SELECT count(*) FROM tickets'),
    events: n('SELECT count(*) FROM ticket_events'),
    outbox: n("SELECT count(*) FROM outbox WHERE aggregate LIKE 'ticket:%'"),
    audit: n("SELECT count(*) FROM audit_events WHERE action LIKE 'ticket.%'"),
  };
}

function ticket(desk: TestDesk, id: string) {
  return desk.db.prepare('SELECT number, status, local, local_day, recalls, desk_code, window, note FROM tickets WHERE id = ?').get(id);
}

const walkIn = (desk: TestDesk, localPrefix = 'Л') => issueWalkIn(desk.env, { serviceCode: 'ID-01', purpose: 'submit', localPrefix });

/** The last desk state a back office gave: its rules travel with it (recalls before a no-show, the walk-in prefix). */
function known(over: Partial<DeskQueueState> = {}): DeskQueueState {
  return {
    deskCode: '07',
    window: '7',
    paused: false,
    current: null,
    waiting: [],
    waitingTotal: 0,
    parked: [],
    queues: [],
    desks: [],
    recallsBeforeNoShow: 2,
    localPrefix: 'W',
    serverTime: '2026-11-27T09:00:00Z',
    ...over,
  };
}

describe('local walk-ins (the back office unreachable, or a standalone desk)', () => {
  it('issues, calls and starts a walk-in in one transaction: the row, its events, three queued mutations and their audit', () => {
    const desk = openTestDesk(tempDir());
    const id = walkIn(desk);
    expect(ticket(desk, id)).toEqual({
      number: 'Л001',
      status: 'serving',
      local: 1,
      local_day: '2026-11-27',
      recalls: 0,
      desk_code: '07',
      window: '7',
      note: null,
    });
    expect(desk.db.prepare('SELECT event FROM ticket_events WHERE ticket_id = ? ORDER BY seq').pluck().all(id)).toEqual([
      'issued',
      'called',
      'arrived',
    ]);
    expect(desk.db.prepare('SELECT kind FROM outbox WHERE aggregate = ? ORDER BY seq').pluck().all(`ticket:${id}`)).toEqual([
      'ticket.issue',
      'ticket.called',
      'ticket.arrived',
    ]);
    expect(counts(desk).audit).toBe(3);
  });

  it('writes nothing when a step fails half-way', () => {
    const desk = openTestDesk(tempDir());
    const before = counts(desk);
    // The disk refuses the third step (the service start) after the ticket row and two events were written.
    desk.db.exec(
      "CREATE TEMP TRIGGER refuse_start BEFORE INSERT ON ticket_events WHEN NEW.event = 'arrived' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;",
    );
    expect(() => walkIn(desk)).toThrow();
    expect(counts(desk)).toEqual(before);
    desk.db.exec('DROP TRIGGER refuse_start');
    // Nothing of the failed one holds a number: the next walk-in still gets the first.
    expect(ticket(desk, walkIn(desk))).toMatchObject({ number: 'Л001' });
  });

  it('numbers walk-ins per day of the desk’s time zone, with the center’s prefix', () => {
    const desk = openTestDesk(tempDir());
    const first = walkIn(desk);
    recordTicketEvent(desk.env, first, 'service_ended');
    const second = walkIn(desk);
    recordTicketEvent(desk.env, second, 'service_ended');
    const other = walkIn(desk, 'W');
    recordTicketEvent(desk.env, other, 'service_ended');
    // 22:30 UTC on the 27th is already the 28th in Kyiv: a new day, numbers start again.
    desk.setNow('2026-11-27T22:30:00Z');
    const nextDay = walkIn(desk);
    expect([first, second, other, nextDay].map((id) => (ticket(desk, id) as { number: string }).number)).toEqual([
      'Л001',
      'Л002',
      'W001',
      'Л001',
    ]);
    expect(ticket(desk, nextDay)).toMatchObject({ local_day: '2026-11-28' });
  });
});

describe('counter actions the desk takes locally', () => {
  it('refuses what the ticket machine forbids, and a no-show before the center’s recalls, writing nothing', () => {
    const desk = openTestDesk(tempDir());
    const id = walkIn(desk);
    const before = counts(desk);
    expect(() => actLocally(desk.env, { action: 'recall', ticketId: id }, known())).toThrow(
      expect.objectContaining({ code: 'CONFLICT', issues: [{ path: ['action'], message: 'action_not_allowed' }] }),
    );
    actLocally(desk.env, { action: 'park', ticketId: id, note: 'Пішла по копію' }, known());
    actLocally(desk.env, { action: 'call', ticketId: id }, known());
    actLocally(desk.env, { action: 'recall', ticketId: id }, known());
    const afterRecall = counts(desk);
    // The center asks for two recalls: one is not enough.
    expect(() => actLocally(desk.env, { action: 'no_show', ticketId: id }, known())).toThrow(
      expect.objectContaining({ code: 'CONFLICT', issues: [{ path: ['action'], message: 'recall_first' }] }),
    );
    expect(counts(desk)).toEqual(afterRecall);
    actLocally(desk.env, { action: 'recall', ticketId: id }, known());
    actLocally(desk.env, { action: 'no_show', ticketId: id }, known());
    expect(ticket(desk, id)).toMatchObject({ status: 'no_show', recalls: 2, note: 'Пішла по копію' });
    expect(counts(desk).outbox - before.outbox).toBe(5);
    expect(() => actLocally(desk.env, { action: 'call', ticketId: 'no-such-ticket' }, known())).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('serves one ticket at a time, calls next only among local tickets, and cannot pause without the back office', () => {
    const desk = openTestDesk(tempDir());
    const first = walkIn(desk);
    expect(() => actLocally(desk.env, { action: 'walk_in', serviceCode: null, purpose: 'other' }, known())).toThrow(
      expect.objectContaining({ issues: [{ path: ['action'], message: 'desk_busy' }] }),
    );
    actLocally(desk.env, { action: 'transfer', ticketId: first, toDeskCode: '03', note: 'До юриста' }, known());
    expect(ticket(desk, first)).toMatchObject({ status: 'waiting' });
    actLocally(desk.env, { action: 'walk_in', serviceCode: null, purpose: 'other' }, known());
    const panel = buildPanel(desk.db, { deskCode: '07', connection: 'offline', desk: known(), lastContactAt: null });
    expect(panel.localCurrent).toMatchObject({ number: 'W001', status: 'serving', local: true, purpose: 'other' });
    actLocally(desk.env, { action: 'finish', ticketId: panel.localCurrent!.id }, known());
    // The transferred walk-in waits again: call-next takes it; then nothing is left to call.
    actLocally(desk.env, { action: 'call_next' }, known());
    expect(ticket(desk, first)).toMatchObject({ status: 'called' });
    actLocally(desk.env, { action: 'arrived', ticketId: first }, known());
    actLocally(desk.env, { action: 'finish', ticketId: first }, known());
    expect(() => actLocally(desk.env, { action: 'call_next' }, known())).toThrow(
      expect.objectContaining({ issues: [{ path: ['action'], message: 'nothing_waiting' }] }),
    );
    expect(() => actLocally(desk.env, { action: 'pause' }, known())).toThrow(expect.objectContaining({ code: 'UNAVAILABLE' }));
    expect(buildPanel(desk.db, { deskCode: '07', connection: 'offline', desk: known(), lastContactAt: null })).toMatchObject({
      localCurrent: null,
      // Walk-in, transfer, walk-in, finish, call, arrival, finish.
      localPending: 3 + 1 + 3 + 1 + 1 + 1 + 1,
      refused: [],
    });
  });

  it('lists the back office’s refusals of queued ticket actions with their reasons as data, and nothing else', () => {
    const desk = openTestDesk(tempDir());
    const id = walkIn(desk);
    const [called, arrived] = desk.db
      .prepare("SELECT mutation_id FROM outbox WHERE kind IN ('ticket.called', 'ticket.arrived') ORDER BY seq")
      .pluck()
      .all() as string[];
    desk.db
      .prepare("UPDATE outbox SET status = 'conflict', last_error = ? WHERE mutation_id = ?")
      .run(JSON.stringify({ fields: ['status'], server: { status: 'done' }, version: 3 }), called);
    desk.db
      .prepare("UPDATE outbox SET status = 'dead', last_error = ? WHERE mutation_id = ?")
      .run(JSON.stringify({ code: 'not_found', message: `No ticket ${id}` }), arrived);
    const panel = buildPanel(desk.db, { deskCode: '07', connection: 'online', desk: null, lastContactAt: null });
    expect(panel.refused).toEqual([
      expect.objectContaining({
        mutationId: called,
        ticketNumber: 'Л001',
        event: 'called',
        reason: { kind: 'moved', ticketStatus: 'done' },
      }),
      expect.objectContaining({
        mutationId: arrived,
        ticketNumber: 'Л001',
        event: 'arrived',
        reason: { kind: 'refused', code: 'not_found', message: `No ticket ${id}` },
      }),
    ]);
    expect(panel.localPending).toBe(1);
  });

  it('never sends a refused queue action again: a supervisor can only discard it', () => {
    const desk = openTestDesk(tempDir());
    walkIn(desk);
    const called = desk.db.prepare("SELECT mutation_id FROM outbox WHERE kind = 'ticket.called'").pluck().get() as string;
    desk.db
      .prepare("UPDATE outbox SET status = 'conflict', last_error = ? WHERE mutation_id = ?")
      .run(JSON.stringify({ fields: ['status'], server: { status: 'done' }, version: 3 }), called);
    const before = desk.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    expect(() => retryDeadLetter(desk.env, called)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(desk.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(before);
    expect(desk.db.prepare('SELECT status FROM outbox WHERE mutation_id = ?').pluck().get(called)).toBe('conflict');
    discardDeadLetter(desk.env, called, 'Талон обслужено на іншому місці');
    expect(buildPanel(desk.db, { deskCode: '07', connection: 'online', desk: null, lastContactAt: null }).refused).toEqual([]);
  });
});
