import { describe, expect, it } from 'vitest';
import {
  listCalendarDays,
  putCalendarDay,
  readCalendarSettings,
  removeCalendarDay,
  setMartialLaw,
} from '../../../main/backend/calendar/calendar-days';
import { loadCalendar } from '../../../main/backend/catalog/services';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { recordResults } from '../../../main/backend/sync/outbox-queue';
import { isWorkingDay } from '../../../shared/calendar';
import type { CenterCalendarData } from '../../../shared/domain/center-calendar';
import type { Change } from '../../../shared/sync-protocol';
import { openTestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A desk of KV01 that syncs (its calendar edits are queued for the back office). */
function syncedDesk() {
  const desk = openTestDesk(tempDir());
  const env = { ...desk.env, desk: { ...desk.env.desk, backOfficeUrl: 'http://127.0.0.1:9/' } };
  return { ...desk, env };
}

const pulledCalendar = (seq: number, version: number, data: CenterCalendarData | null): Change => ({
  seq,
  entity: 'calendar',
  id: 'KV01',
  version,
  data,
});

const apply = (db: Parameters<ReturnType<typeof createChangeApplier>>[0], ...changes: Change[]) =>
  createChangeApplier(memoryLogger())(db, changes);

const YEAR = { from: '2027-01-01', to: '2027-12-31' };

describe('the center calendar pulled to a desk', () => {
  it('replaces the switch and the set days, tombstoning those the record no longer has', () => {
    const { db } = syncedDesk();
    db.prepare("INSERT INTO calendar_days (day, kind, name, updated_at) VALUES ('2027-03-09', 'day_off', 'старий', 'x')").run();
    apply(db, pulledCalendar(1, 3, { martialLaw: false, days: { '2027-01-06': { kind: 'day_off', name: 'Рішення ради' } } }));
    expect(listCalendarDays(db, YEAR.from, YEAR.to)).toEqual([
      { day: '2027-01-06', kind: 'day_off', name: 'Рішення ради', pending: false },
    ]);
    expect(db.prepare("SELECT server_version, deleted_at IS NOT NULL AS gone FROM calendar_days WHERE day = '2027-03-09'").get()).toEqual({
      server_version: 3,
      gone: 1,
    });
    expect(readCalendarSettings(db, true).martialLaw).toBe(false);
    // The switch off: the template counts (1 January and Easter Monday off), the day set too.
    const calendar = loadCalendar(db);
    expect(['2027-01-01', '2027-05-03', '2027-01-06'].map((day) => isWorkingDay(day, calendar))).toEqual([false, false, false]);

    apply(db, pulledCalendar(2, 4, { martialLaw: true, days: {} }));
    expect(listCalendarDays(db, YEAR.from, YEAR.to)).toEqual([]);
    const worked = loadCalendar(db);
    expect(['2027-01-01', '2027-05-03', '2027-01-06'].map((day) => isWorkingDay(day, worked))).toEqual([true, true, true]);
  });

  it('a tombstone puts the center back to the defaults: martial law on, no days', () => {
    const { db } = syncedDesk();
    apply(db, pulledCalendar(1, 1, { martialLaw: false, days: { '2027-01-06': { kind: 'day_off', name: '' } } }));
    apply(db, pulledCalendar(2, 2, null));
    expect(readCalendarSettings(db, true).martialLaw).toBe(true);
    expect(listCalendarDays(db, YEAR.from, YEAR.to)).toEqual([]);
  });

  it('leaves this desk’s undelivered edits on top, and takes the record once they are acknowledged', () => {
    const { db, env } = syncedDesk();
    setMartialLaw(env, false);
    putCalendarDay(env, { day: '2027-01-06', kind: 'working_day', name: 'наш' });
    expect(readCalendarSettings(db, true)).toEqual({ martialLaw: false, pending: true, centerOwned: true });
    expect(listCalendarDays(db, YEAR.from, YEAR.to)).toEqual([{ day: '2027-01-06', kind: 'working_day', name: 'наш', pending: true }]);

    apply(db, pulledCalendar(1, 1, { martialLaw: true, days: {} }));
    expect(readCalendarSettings(db, true).martialLaw).toBe(false);
    expect(listCalendarDays(db, YEAR.from, YEAR.to)).toHaveLength(1);

    const ids = db.prepare("SELECT mutation_id FROM outbox WHERE aggregate = 'calendar:KV01'").pluck().all() as string[];
    recordResults(
      db,
      ids.map((mutationId, n) => ({ mutationId, status: 'applied' as const, version: n + 2 })),
      new Date(),
      () => 0,
    );
    expect(readCalendarSettings(db, true).pending).toBe(false);
    apply(db, pulledCalendar(2, 3, { martialLaw: false, days: { '2027-01-06': { kind: 'working_day', name: 'наш' } } }));
    expect(listCalendarDays(db, YEAR.from, YEAR.to)).toEqual([{ day: '2027-01-06', kind: 'working_day', name: 'наш', pending: false }]);
  });
});

describe('calendar edits on the desk', () => {
  it('queue one mutation each on the center’s aggregate, with the audit event, on a desk that syncs', () => {
    const { db, env } = syncedDesk();
    putCalendarDay(env, { day: '2027-01-06', kind: 'day_off', name: 'Рішення ради' });
    removeCalendarDay(env, '2027-01-06');
    setMartialLaw(env, false);
    const rows = db.prepare('SELECT kind, aggregate, payload, base_version FROM outbox ORDER BY seq').all() as Array<{ payload: string }>;
    expect(rows.map((row) => ({ ...row, payload: JSON.parse(row.payload) as unknown }))).toEqual([
      {
        kind: 'calendar.day',
        aggregate: 'calendar:KV01',
        payload: { id: 'KV01', day: '2027-01-06', entry: { kind: 'day_off', name: 'Рішення ради' } },
        base_version: null,
      },
      { kind: 'calendar.day', aggregate: 'calendar:KV01', payload: { id: 'KV01', day: '2027-01-06', entry: null }, base_version: null },
      { kind: 'calendar.settings', aggregate: 'calendar:KV01', payload: { id: 'KV01', martialLaw: false }, base_version: null },
    ]);
    const audit = db.prepare("SELECT action FROM audit_events WHERE action LIKE 'calendar.%' ORDER BY seq").pluck().all();
    expect(audit).toEqual(['calendar.put', 'calendar.remove', 'calendar.martial_law']);
  });

  it('queue nothing on a standalone desk, which keeps its calendar (audited) and shows nothing pending', () => {
    const { db, env } = openTestDesk(tempDir());
    putCalendarDay(env, { day: '2027-01-06', kind: 'day_off', name: '' });
    setMartialLaw(env, false);
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(readCalendarSettings(db, false)).toEqual({ martialLaw: false, pending: false, centerOwned: false });
    expect(listCalendarDays(db, YEAR.from, YEAR.to)).toEqual([{ day: '2027-01-06', kind: 'day_off', name: '', pending: false }]);
    expect(db.prepare("SELECT count(*) FROM audit_events WHERE action LIKE 'calendar.%'").pluck().get()).toBe(2);
  });
});
