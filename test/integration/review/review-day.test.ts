/**
 * The supervisor's day (issue 15) from a seeded month on a real desk, through the contract:
 * applications registered at fixed clock times, moved, paid and handed off; walk-ins served at
 * the window. Every figure is checked against numbers worked out by hand below.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViknoApi } from '../../../shared/contract';
import type { ApplicationStatus } from '../../../shared/domain/application-status';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { asAdmin } from '../../helpers/sign-in-first';
import { memoryLogger } from '../../helpers/memory-logger';
import { moveDataFor } from '../../helpers/status-moves';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

const PERSON = { kind: 'person' as const, surname: 'Шевченко', givenName: 'Марʼяна', birthDate: '1948-02-28', rnokpp: '1759013776' };

async function value<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A standalone desk (Europe/Kyiv, UTC+2 in these months) whose clock the test sets. */
function openDesk() {
  let clock = new Date('2026-10-20T07:00:00Z');
  const backend = createBackend({ dataDir: join(tempDir(), 'data'), appVersion: 'test', logger: memoryLogger(), now: () => clock });
  open.push(backend);
  const api: ViknoApi = asAdmin(connectInProcess(backend));
  return {
    api,
    /** Kyiv wall-clock time, e.g. `2026-12-03 09:10`. */
    at(local: string) {
      clock = new Date(`${local.replace(' ', 'T')}:00+02:00`);
    },
  };
}

describe('review.day', () => {
  it('adds up a seeded period as worked out by hand', async () => {
    const desk = openDesk();
    const { api } = desk;
    let applicantId: string | null = null;
    const register = async (code: string) => {
      const [service] = await value(api.call('catalog.search', { q: code }));
      const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
      const app = await value(
        api.call(
          'intake.register',
          applicantId === null ? { serviceId: service!.id, applicant: PERSON, items } : { serviceId: service!.id, applicantId, items },
        ),
      );
      applicantId = app.applicant.id;
      return app;
    };
    const move = async (id: string, from: ApplicationStatus, to: ApplicationStatus) =>
      value(api.call('applications.changeStatus', { id, to, ...moveDataFor(from, to, 'R1') }));
    const pay = (applicationId: string, component: 'admin_fee' | 'blank', amountKopecks: number) =>
      value(
        api.call('applications.addPayment', {
          applicationId,
          entry: { type: 'payment', component, amountKopecks, reference: `КВ-${component}`, paidOn: '2026-12-03' },
        }),
      );

    // 20 Oct: MS-01 (30 calendar days, no fee); its result is ready on 25 Oct and still waits on 3 Dec: 39 days.
    desk.at('2026-10-20 09:00');
    const waiting = await register('MS-01');
    await move(waiting.id, 'registered', 'sent_to_provider');
    await move(waiting.id, 'sent_to_provider', 'in_progress');
    desk.at('2026-10-25 12:00');
    await move(waiting.id, 'in_progress', 'result_ready');
    // 2 Nov: MS-01 due 2 Dec, handed off: overdue on 3 Dec.
    desk.at('2026-11-02 10:00');
    const late = await register('MS-01');
    await move(late.id, 'registered', 'sent_to_provider');
    // 5 Nov: MS-01 due 5 Dec, a Saturday → Monday 7 Dec: within 3 working days of 3 Dec; never handed off (due 6 Nov).
    desk.at('2026-11-05 10:00');
    const stuck = await register('MS-01');

    // 3 Dec, the day under review.
    desk.at('2026-12-03 09:10');
    const idCard = await register('ID-01'); // 279 + 279 грн due; only the fee is paid.
    await pay(idCard.id, 'admin_fee', 27900);
    desk.at('2026-12-03 10:20');
    const exchange = await register('ID-03'); // 279 + 279 грн, both paid; handed off.
    await pay(exchange.id, 'admin_fee', 27900);
    await pay(exchange.id, 'blank', 27900);
    await move(exchange.id, 'registered', 'sent_to_provider');
    desk.at('2026-12-03 11:30');
    const mistake = await register('MS-01');
    await value(
      api.call('applications.correct', { applicationId: mistake.id, status: { to: 'registered_in_error' }, reason: 'Зареєстровано двічі' }),
    );
    // Walk-ins: served 12, 5, 30 and 6 minutes, issued in the hours 09, 09, 10 and 14.
    for (const [start, end] of [
      ['09:05', '09:17'],
      ['09:40', '09:45'],
      ['10:10', '10:40'],
      ['14:00', '14:06'],
    ] as const) {
      desk.at(`2026-12-03 ${start}`);
      const panel = await value(api.call('queue.act', { action: 'walk_in', serviceCode: null, purpose: 'other' }));
      desk.at(`2026-12-03 ${end}`);
      await value(api.call('queue.act', { action: 'finish', ticketId: panel.localCurrent!.id }));
    }
    desk.at('2026-12-03 17:00');

    const day = await value(api.call('review.day', { from: '2026-12-03', to: '2026-12-03' }));
    const me = await value(api.call('clerk.me', {}));
    const ids = (rows: ReadonlyArray<{ id: string }>) => rows.map((r) => r.id);
    expect(day).toMatchObject({ from: '2026-12-03', to: '2026-12-03', today: '2026-12-03', waitingDays: 30 });
    expect(day.byClerk).toEqual([{ clerkId: me.id, clerkName: me.fullName, count: 3 }]);
    expect(day.byService.map((s) => [s.code, s.count])).toEqual([
      ['ID-01', 1],
      ['ID-03', 1],
      ['MS-01', 1],
    ]);
    expect(day.byStatus.map((s) => [s.status, s.count])).toEqual([
      ['registered', 1],
      ['registered_in_error', 1],
      ['sent_to_provider', 1],
    ]);
    expect(ids(day.registered)).toEqual([idCard.id, exchange.id, mistake.id]);
    expect(day.registered[0]).toMatchObject({
      regNumber: idCard.regNumber,
      applicantName: idCard.applicant.displayName,
      service: { code: 'ID-01' },
      clerkName: me.fullName,
      status: 'registered',
      dueDate: idCard.dueDate,
    });
    expect(ids(day.handoffsDue)).toEqual([stuck.id, idCard.id]);
    expect(ids(day.handoffsOverdue)).toEqual([stuck.id]);
    expect(ids(day.dueSoon)).toEqual([stuck.id]);
    expect(ids(day.overdue)).toEqual([late.id]);
    expect(day.waitingCollection.map((r) => [r.id, r.resultReadyOn, r.waitingDays])).toEqual([[waiting.id, '2026-10-25', 39]]);
    expect(day.unpaid.map((r) => [r.id, r.outstandingKopecks])).toEqual([[idCard.id, 27900]]);

    expect(day.queue.source).toBe('desk');
    const total = day.queue.statistics.total;
    expect(total).toMatchObject({ tickets: 4, served: 4, noShows: 0 });
    // (720 + 300 + 1800 + 360) / 4 = 795 s; the 90th percentile by nearest rank of 4 is the 4th: 1800 s.
    expect(total.service).toEqual({ count: 4, avgSeconds: 795, p90Seconds: 1800 });
    // A walk-in is called the moment it is issued.
    expect(total.waiting).toEqual({ count: 4, avgSeconds: 0, p90Seconds: 0 });
    expect(day.queue.statistics.byHour.map((h) => [h.key, h.tickets])).toEqual([
      ['09', 2],
      ['10', 1],
      ['14', 1],
    ]);

    // A wider period takes in 2 and 5 Nov too (20 Oct stays out); the result waiting 39 days is past 38, not past 39.
    const month = await value(api.call('review.day', { from: '2026-11-01', to: '2026-12-03', waitingDays: 39 }));
    expect(month.byService.map((s) => [s.code, s.count])).toEqual([
      ['MS-01', 3],
      ['ID-01', 1],
      ['ID-03', 1],
    ]);
    expect(month.waitingCollection).toEqual([]);
    expect((await value(api.call('review.day', { from: '2026-11-01', to: '2026-12-03', waitingDays: 38 }))).waitingCollection).toHaveLength(
      1,
    );
  });

  it('refuses a reversed period and one longer than 92 days', async () => {
    const { api } = openDesk();
    for (const input of [
      { from: '2026-12-03', to: '2026-12-02' },
      { from: '2026-09-01', to: '2026-12-02' },
    ]) {
      const answer = await api.call('review.day', input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['to'] }] } } });
    }
    expect(await api.call('review.day', { from: '2026-09-02', to: '2026-12-02' })).toMatchObject({ ok: true });
  });
});
