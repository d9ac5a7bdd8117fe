import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../server/http/http-error';
import { publishQueueConfig } from '../../../server/queue/publish-config';
import { loadQueueStatistics } from '../../../server/queue/statistics';
import type { Storage } from '../../../server/storage/storage';
import { STORAGES } from '../server/harness';
import { sampleQueueConfig, useSampleStorage } from './sample-storage';

const T0 = Date.parse('2026-12-01T07:00:00Z'); // 09:00 in Kyiv
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

async function ticket(storage: Storage, id: string, issued: number, local = false): Promise<void> {
  await storage.query(
    `INSERT INTO queue_tickets (id, center_code, day, number, queue_code, service_code, purpose, status, local, issued_at)
     VALUES ($1, 'S1', '2026-12-01', $2, 'passports', 'ID-01', 'submit', 'done', $3, $4)`,
    [id, local ? `Л-${id}` : id, local, at(issued)],
  );
}

async function events(storage: Storage, ticketId: string, list: [string, number, string | null][]): Promise<void> {
  for (const [event, s, desk] of list)
    await storage.query(
      `INSERT INTO queue_events (center_code, ticket_id, event, at, desk_code, clerk_id, queue_code, service_code)
       VALUES ('S1', $1, $2, $3, $4, $5, 'passports', 'ID-01')`,
      [ticketId, event, at(s), desk, desk === null ? null : `clerk-${desk}`],
    );
}

describe.each(STORAGES)('statistics from stored events on %s', (kind) => {
  const db = useSampleStorage(kind);

  it('counts the tickets issued in the range, a desk’s synced walk-in among them, from their last calls', async () => {
    await publishQueueConfig(db.storage, sampleQueueConfig('S1'));
    await ticket(db.storage, 'a', 0);
    await events(db.storage, 'a', [
      ['issued', 0, null],
      ['called', 300, 'D1'],
      ['recalled', 360, 'D1'],
      ['arrived', 370, 'D1'],
      ['transferred', 400, 'D1'],
      ['called', 900, 'D2'],
      ['arrived', 910, 'D2'],
      ['service_ended', 1500, 'D2'],
    ]);
    await ticket(db.storage, 'w', 600, true);
    await events(db.storage, 'w', [
      ['issued', 600, 'D3'],
      ['called', 600, 'D3'],
      ['arrived', 600, 'D3'],
      ['service_ended', 840, 'D3'],
    ]);
    await ticket(db.storage, 'before', -60);
    await events(db.storage, 'before', [['issued', -60, null]]);

    const stats = await loadQueueStatistics(db.storage, 'S1', new Date(at(0)), new Date(at(3600)));
    expect(stats.total).toEqual({
      key: 'total',
      tickets: 2,
      served: 2,
      noShows: 0,
      waiting: { count: 2, avgSeconds: 450, p90Seconds: 900 },
      service: { count: 2, avgSeconds: 420, p90Seconds: 600 },
    });
    expect(stats.byDesk.map((r) => [r.key, r.service.avgSeconds])).toEqual([
      ['D2', 600],
      ['D3', 240],
    ]);
    expect(stats.byClerk.map((r) => r.key)).toEqual(['clerk-D2', 'clerk-D3']);
    expect(stats.byHour.map((r) => [r.key, r.tickets])).toEqual([['09', 2]]);
  });

  it('answers 404 for a center with no queue', async () => {
    const error = await loadQueueStatistics(db.storage, 'NONE', new Date(at(0)), new Date(at(60))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).code).toBe('queue_not_configured');
  });
});
