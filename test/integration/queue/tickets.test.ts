/** Issuing tickets: numbers from the center's daily series, restarting at the center's midnight; refused issues take no number. */
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../server/http/http-error';
import { issueTicket } from '../../../server/queue/tickets';
import type { IssueInput } from '../../../server/queue/tickets';
import { STORAGES } from '../server/harness';
import { sampleConfig, useQueueStorage } from './queue-storage';

describe.each(STORAGES)('issuing queue tickets on %s', (kind) => {
  const db = useQueueStorage(kind);
  let center = 0;
  const fresh = () => {
    center += 1;
    const centerCode = `N${center}`;
    return { centerCode, config: sampleConfig(centerCode) };
  };
  const issue = (input: Omit<IssueInput, 'purpose'> & { purpose?: IssueInput['purpose'] }) =>
    db.storage.transaction((tx) => issueTicket(tx, { purpose: 'submit', ...input }));

  it('numbers each series on its own: queue, priority, booking; a late check-in takes its queue number', async () => {
    const { centerCode, config } = fresh();
    const now = new Date('2026-12-07T08:00:00.000Z');
    const numbers = [
      (await issue({ centerCode, config, serviceCode: 'PASS', now })).number,
      (await issue({ centerCode, config, serviceCode: 'PASS', now })).number,
      (await issue({ centerCode, config, serviceCode: 'LAND', now })).number,
      (await issue({ centerCode, config, serviceCode: 'PASS', priorityCategory: 'disability', priorityReason: 'група II', now })).number,
      (await issue({ centerCode, config, serviceCode: 'PASS', booking: { code: 'K1', slotStart: now, late: false }, now })).number,
      (await issue({ centerCode, config, serviceCode: 'PASS', booking: { code: 'K2', slotStart: now, late: true }, now })).number,
      (await issue({ centerCode, config, serviceCode: null, purpose: 'other', now })).number,
    ];
    expect(numbers).toEqual(['А001', 'А002', 'Б001', 'П001', 'Т001', 'А003', 'В001']);
    const events = await db.storage.query<{ event: string }>("SELECT event FROM queue_events WHERE center_code = $1 AND event = 'issued'", [
      centerCode,
    ]);
    expect(events).toHaveLength(numbers.length);
  });

  it("restarts at the center's midnight (Kyiv), not at UTC's", async () => {
    const { centerCode, config } = fresh();
    // 21:59Z is 23:59 in Kyiv (winter, UTC+2); 22:01Z is already the next day there, the same day in UTC.
    const before = await issue({ centerCode, config, serviceCode: 'PASS', now: new Date('2026-12-07T21:59:00.000Z') });
    const after = await issue({ centerCode, config, serviceCode: 'PASS', now: new Date('2026-12-07T22:01:00.000Z') });
    expect([before.number, after.number]).toEqual(['А001', 'А001']);
  });

  it('refuses past the series end with series_exhausted, and an unknown service with unknown_service, taking no number', async () => {
    const centerCode = 'NX';
    const config = sampleConfig(centerCode);
    config.queues[0]!.series = { prefix: 'А', first: 1, last: 2 };
    const now = new Date('2026-12-07T08:00:00.000Z');
    await issue({ centerCode, config, serviceCode: 'PASS', now });
    await issue({ centerCode, config, serviceCode: 'PASS', now });
    await expect(issue({ centerCode, config, serviceCode: 'PASS', now })).rejects.toMatchObject({ status: 409, code: 'series_exhausted' });
    const unknown = await issue({ centerCode, config, serviceCode: 'NOPE', now }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(HttpError);
    expect(unknown).toMatchObject({ status: 400, code: 'unknown_service' });
    const [series] = await db.storage.query<{ last: unknown }>("SELECT last FROM queue_series WHERE center_code = $1 AND prefix = 'А'", [
      centerCode,
    ]);
    expect(Number(series!.last)).toBe(2);
    const [count] = await db.storage.query<{ n: unknown }>('SELECT count(*) AS n FROM queue_tickets WHERE center_code = $1', [centerCode]);
    expect(Number(count!.n)).toBe(2);
  });

  it('never gives one number twice when issued at once', async () => {
    const { centerCode, config } = fresh();
    const now = new Date('2026-12-07T08:00:00.000Z');
    const tickets = await Promise.all(Array.from({ length: 20 }, () => issue({ centerCode, config, serviceCode: 'PASS', now })));
    expect(tickets.map((t) => t.number).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `А${String(i + 1).padStart(3, '0')}`));
  });
});
