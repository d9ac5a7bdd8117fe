import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearestRank, queueStatistics } from '../../../../server/queue/statistics';
import type { StatisticsEvent, StatisticsTicket } from '../../../../server/queue/statistics';
import { QueueStatistics } from '../../../../shared/queue-protocol';

const T0 = Date.parse('2026-12-01T07:00:00Z'); // 09:00 in Kyiv
const at = (s: number) => new Date(T0 + s * 1000);
const ticket = (id: string, issued: number, rest: Partial<StatisticsTicket> = {}): StatisticsTicket => ({
  id,
  queueCode: 'passports',
  serviceCode: 'ID-01',
  purpose: 'submit',
  issuedAt: at(issued),
  ...rest,
});
const ev = (
  ticketId: string,
  event: string,
  s: number,
  deskCode: string | null = null,
  clerkId: string | null = null,
): StatisticsEvent => ({
  ticketId,
  event,
  at: at(s),
  deskCode,
  clerkId,
});
const stats = (tickets: StatisticsTicket[], events: StatisticsEvent[]) =>
  QueueStatistics.parse(queueStatistics({ from: at(-3600), to: at(36_000), timeZone: 'Europe/Kyiv', tickets, events }));

describe('queue statistics from events (the last call counts)', () => {
  it('a recall moves the waiting time to the last call, and service counts from it', () => {
    const s = stats(
      [ticket('a', 0)],
      [
        ev('a', 'issued', 0),
        ev('a', 'called', 300, 'D1', 'k1'),
        ev('a', 'recalled', 420, 'D1', 'k1'),
        ev('a', 'arrived', 450, 'D1', 'k1'),
        ev('a', 'service_ended', 1020, 'D1', 'k1'),
      ],
    );
    expect(s.total).toEqual({
      key: 'total',
      tickets: 1,
      served: 1,
      noShows: 0,
      waiting: { count: 1, avgSeconds: 420, p90Seconds: 420 },
      service: { count: 1, avgSeconds: 600, p90Seconds: 600 },
    });
    expect(s.byHour.map((r) => r.key)).toEqual(['09']);
  });

  it('a transferred ticket counts once, for the desk, clerk and queue of its last call, its first desk inside its waiting', () => {
    const s = stats(
      [ticket('t', 60, { queueCode: 'residence', serviceCode: 'RM-01' })],
      [
        ev('t', 'issued', 60),
        ev('t', 'called', 120, 'D1', 'k1'),
        ev('t', 'arrived', 150, 'D1', 'k1'),
        ev('t', 'transferred', 400, 'D1', 'k1'),
        ev('t', 'called', 700, 'D2', 'k2'),
        ev('t', 'arrived', 730, 'D2', 'k2'),
        ev('t', 'service_ended', 1000, 'D2', 'k2'),
      ],
    );
    expect(s.total.waiting).toEqual({ count: 1, avgSeconds: 640, p90Seconds: 640 });
    expect(s.total.service).toEqual({ count: 1, avgSeconds: 300, p90Seconds: 300 });
    expect(s.byDesk.map((r) => [r.key, r.tickets])).toEqual([['D2', 1]]);
    expect(s.byClerk.map((r) => [r.key, r.tickets])).toEqual([['k2', 1]]);
    expect(s.byQueue.map((r) => r.key)).toEqual(['residence']);
  });

  it('a parked ticket returned is served from its return call', () => {
    const s = stats(
      [ticket('p', 0)],
      [
        ev('p', 'issued', 0),
        ev('p', 'called', 100, 'D1', 'k1'),
        ev('p', 'arrived', 110, 'D1', 'k1'),
        ev('p', 'parked', 200, 'D1', 'k1'),
        ev('p', 'called', 500, 'D1', 'k1'),
        ev('p', 'arrived', 505, 'D1', 'k1'),
        ev('p', 'service_ended', 800, 'D1', 'k1'),
      ],
    );
    expect(s.total.waiting.avgSeconds).toBe(500);
    expect(s.total.service.avgSeconds).toBe(300);
  });

  it('no-shows count with their waiting but no service; a ticket never called has neither and no desk', () => {
    const s = stats(
      [
        ticket('n', 0, { purpose: 'consultation' }),
        ticket('w', 30, { serviceCode: null, purpose: 'other', queueCode: 'general' }),
        ticket('s', 3600),
      ],
      [
        ev('n', 'issued', 0),
        ev('n', 'called', 240, 'D1', 'k1'),
        ev('n', 'recalled', 300, 'D1', 'k1'),
        ev('n', 'no_show', 400, 'D1', 'k1'),
        ev('w', 'issued', 30),
        ev('s', 'issued', 3600),
        ev('s', 'called', 3600, 'D3', 'k3'),
        ev('s', 'arrived', 3600, 'D3', 'k3'),
        ev('s', 'service_ended', 3900, 'D3', 'k3'),
      ],
    );
    expect(s.total).toMatchObject({ tickets: 3, served: 1, noShows: 1 });
    expect(s.total.waiting).toEqual({ count: 2, avgSeconds: 150, p90Seconds: 300 });
    expect(s.byDesk.map((r) => [r.key, r.noShows, r.served])).toEqual([
      ['D1', 1, 0],
      ['D3', 0, 1],
    ]);
    expect(s.byService.map((r) => [r.key, r.tickets])).toEqual([
      ['-', 1],
      ['ID-01', 2],
    ]);
    expect(s.byPurpose.map((r) => r.key)).toEqual(['consultation', 'other', 'submit']);
    expect(s.byHour.map((r) => [r.key, r.tickets])).toEqual([
      ['09', 2],
      ['10', 1],
    ]);
  });

  it('p90 is the nearest rank: of ten waits, the ninth smallest', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `x${i}`);
    const s = stats(
      ids.map((id) => ticket(id, 0)),
      ids.flatMap((id, i) => [ev(id, 'issued', 0), ev(id, 'called', (i + 1) * 60, 'D1', 'k1')]),
    );
    expect(s.total.waiting).toEqual({ count: 10, avgSeconds: 330, p90Seconds: 540 });
  });

  it('every grouping covers each ticket once; averages and p90 lie between the smallest and largest wait', () => {
    const visit = fc.record({
      issued: fc.integer({ min: 0, max: 30_000 }),
      wait: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
      purpose: fc.constantFrom('consultation' as const, 'submit' as const, 'collect' as const),
      desk: fc.constantFrom('D1', 'D2'),
    });
    fc.assert(
      fc.property(fc.array(visit, { maxLength: 40 }), (visits) => {
        const tickets = visits.map((v, i) => ticket(`v${i}`, v.issued, { purpose: v.purpose }));
        const events = visits.flatMap((v, i) => [
          ev(`v${i}`, 'issued', v.issued),
          ...(v.wait === null ? [] : [ev(`v${i}`, 'called', v.issued + v.wait, v.desk, 'k')]),
        ]);
        const s = stats(tickets, events);
        for (const rows of [s.byPurpose, s.byHour, s.byQueue, s.byService])
          expect(rows.reduce((n, r) => n + r.tickets, 0)).toBe(visits.length);
        const waits = visits.flatMap((v) => (v.wait === null ? [] : [v.wait]));
        expect(s.byDesk.reduce((n, r) => n + r.tickets, 0)).toBe(waits.length);
        expect(s.total.waiting.count).toBe(waits.length);
        if (waits.length > 0) {
          expect(s.total.waiting.avgSeconds!).toBeGreaterThanOrEqual(Math.min(...waits) - 1e-9);
          expect(s.total.waiting.avgSeconds!).toBeLessThanOrEqual(Math.max(...waits) + 1e-9);
          expect(waits).toContain(s.total.waiting.p90Seconds);
        }
      }),
    );
  });

  it('nearest rank on unsorted values', () => {
    expect(nearestRank([], 0.9)).toBeNull();
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([5, 1, 4, 2, 3], 0.9)).toBe(5);
    expect(nearestRank([5, 1, 4, 2, 3], 0.5)).toBe(3);
  });
});
