/** Server migrations carry the data of every earlier schema forward, on both storages. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/migrations/migrate';
import { openPGlite } from '../../../server/storage/pglite-storage';
import { openPostgres } from '../../../server/storage/postgres-storage';
import type { Storage, StorageKind } from '../../../server/storage/storage';
import { pull } from '../../../server/sync/pull';
import { readPage } from '../../helpers/pull-page';
import { OWN_VERSIONS_SQL } from '../../../server/sync/push';
import { startPostgres } from '../../helpers/postgres';
import { STORAGES } from './harness';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function openEmpty(kind: StorageKind): Promise<Storage> {
  if (kind === 'postgresql') {
    const postgres = await startPostgres();
    cleanups.push(() => postgres.stop());
    const storage = await openPostgres(postgres.url);
    cleanups.push(() => storage.close());
    return storage;
  }
  const dir = mkdtempSync(join(tmpdir(), 'vikno-server-migrate-'));
  const storage = await openPGlite(dir);
  cleanups.push(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return storage;
}

describe.each(STORAGES)('server migrations on %s', (kind) => {
  it('3 moves change data into the history it duplicated: pull still sends every version in order', async () => {
    const storage = await openEmpty(kind);
    await migrate(storage, 2);
    await storage.exec(`
      INSERT INTO applications (id, center_code, version, data) VALUES ('a-1', 'C1', 2, '{"status": "sent_to_provider"}');
      INSERT INTO entity_versions (entity, id, version, data) VALUES
        ('application', 'a-1', 1, '{"status": "registered"}'), ('application', 'a-1', 2, '{"status": "sent_to_provider"}');
      INSERT INTO changes (center_code, entity, id, version, data) VALUES
        ('C1', 'application', 'a-1', 1, '{"status": "registered"}'), ('C1', 'application', 'a-1', 2, '{"status": "sent_to_provider"}');
    `);
    await migrate(storage, 3);
    const page = readPage(await pull(storage, 'C1', 0, 10));
    expect(page.changes.map((c) => [c.id, c.version, c.data])).toEqual([
      ['a-1', 1, { status: 'registered' }],
      ['a-1', 2, { status: 'sent_to_provider' }],
    ]);
  });

  it('4 puts each stored application’s status history into the record as a new version every desk pulls; pull of older versions is unchanged', async () => {
    const storage = await openEmpty(kind);
    await migrate(storage, 3);
    await storage.exec(`
      INSERT INTO applications (id, center_code, version, data) VALUES ('a-1', 'C1', 2, '{"status": "refused"}'), ('a-2', 'C2', 1, '{"status": "registered"}');
      INSERT INTO entity_versions (entity, id, version, data) VALUES
        ('application', 'a-1', 1, '{"status": "registered"}'), ('application', 'a-1', 2, '{"status": "refused"}'),
        ('application', 'a-2', 1, '{"status": "registered"}');
      INSERT INTO changes (center_code, entity, id, version) VALUES ('C1', 'application', 'a-1', 1), ('C1', 'application', 'a-1', 2), ('C2', 'application', 'a-2', 1);
      INSERT INTO application_status_history (application_id, from_status, to_status, reason, received_by, at, clerk_id, mutation_id) VALUES
        ('a-1', NULL, 'registered', NULL, NULL, '2026-11-27T09:00:00.000Z', 'clerk-1', 'm-1'),
        ('a-2', NULL, 'registered', NULL, NULL, '2026-11-27T09:30:00.000Z', 'clerk-3', 'm-3'),
        ('a-1', 'registered', 'refused', 'Неповний пакет', NULL, '2026-11-27T10:00:00.000Z', 'clerk-2', 'm-2');
    `);
    await migrate(storage);
    const history = [
      {
        from: null,
        to: 'registered',
        reason: null,
        receivedBy: null,
        at: '2026-11-27T09:00:00.000Z',
        actorId: 'clerk-1',
        actorName: null,
        mutationId: 'm-1',
      },
      {
        from: 'registered',
        to: 'refused',
        reason: 'Неповний пакет',
        receivedBy: null,
        at: '2026-11-27T10:00:00.000Z',
        actorId: 'clerk-2',
        actorName: null,
        mutationId: 'm-2',
      },
    ];
    const page = readPage(await pull(storage, 'C1', 0, 10));
    expect(page.changes.map((c) => [c.id, c.version, c.data])).toEqual([
      ['a-1', 1, { status: 'registered' }],
      ['a-1', 2, { status: 'refused' }],
      ['a-1', 3, { status: 'refused', statusHistory: history }],
    ]);
    const [row] = await storage.query<{ version: number; data: unknown }>("SELECT version, data FROM applications WHERE id = 'a-1'");
    expect(row).toEqual({ version: 3, data: { status: 'refused', statusHistory: history } });
    const other = readPage(await pull(storage, 'C2', 0, 10));
    expect(
      other.changes.map((c) => [c.id, c.version, Array.isArray(c.data?.statusHistory) ? c.data.statusHistory.length : 'none']),
    ).toEqual([
      ['a-2', 1, 'none'],
      ['a-2', 2, 1],
    ]);
  });

  it('5 makes numbers unique per center; numbers already given twice stay, the later holders marked, the earliest keeping it', async () => {
    const storage = await openEmpty(kind);
    await migrate(storage, 4);
    await storage.exec(`
      INSERT INTO applications (id, center_code, version, data) VALUES
        ('a-late', 'C1', 1, '{"regNumber": "C1-07-20261127-0004", "registeredAt": "2026-11-28T08:00:00.000Z"}'),
        ('a-early', 'C1', 1, '{"regNumber": "C1-07-20261127-0004", "registeredAt": "2026-11-27T12:00:00.000Z"}'),
        ('a-other', 'C2', 1, '{"regNumber": "C1-07-20261127-0004", "registeredAt": "2026-11-29T08:00:00.000Z"}'),
        ('a-own', 'C1', 1, '{"regNumber": "C1-07-20261127-0005", "registeredAt": "2026-11-27T13:00:00.000Z"}');
    `);
    await migrate(storage, 5);
    const rows = await storage.query<{ id: string; reg_number_duplicate: boolean }>(
      'SELECT id, reg_number_duplicate FROM applications ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 'a-early', reg_number_duplicate: false },
      { id: 'a-late', reg_number_duplicate: true },
      { id: 'a-other', reg_number_duplicate: false },
      { id: 'a-own', reg_number_duplicate: false },
    ]);
    await expect(
      storage.exec(
        `INSERT INTO applications (id, center_code, version, data) VALUES ('a-new', 'C1', 1, '{"regNumber": "C1-07-20261127-0005"}')`,
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('6 lets the merge find a device’s applied mutations of one aggregate by index, not by reading the whole log', async () => {
    const storage = await openEmpty(kind);
    await migrate(storage, 6);
    await storage.exec(`
      INSERT INTO devices (id, center_code, desk_code, name, token_hash) VALUES ('dev-1', 'C1', '07', 'C1/07', 'h1');
      INSERT INTO mutation_log (mutation_id, device_id, aggregate, kind, actor, payload_hash, result)
        SELECT 'm-' || n, 'dev-1', 'application:a-' || (n % 50), 'application.update', 'clerk', 'h', '{"status": "applied", "version": 2}'
        FROM generate_series(1, 500) AS n;
      ANALYZE mutation_log;
    `);
    const plan = await storage.transaction(async (tx) => {
      // A table this small would be read whole anyway: forbid that, so the plan shows whether an index can serve.
      await tx.exec('SET LOCAL enable_seqscan = off');
      const explained = `EXPLAIN ${OWN_VERSIONS_SQL.replace('$1', "'dev-1'").replace('$2', "'application:a-7'")}`;
      return (await tx.query<{ 'QUERY PLAN': string }>(explained)).map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('mutation_log_device_aggregate');
  });
  it('8 adds the centers’ calendars beside what was stored, and pull still sends the older records', async () => {
    const storage = await openEmpty(kind);
    await migrate(storage, 7);
    await storage.exec(`
      INSERT INTO applications (id, center_code, version, data) VALUES ('a-1', 'C1', 1, '{"status": "registered"}');
      INSERT INTO entity_versions (entity, id, version, data) VALUES ('application', 'a-1', 1, '{"status": "registered"}');
      INSERT INTO changes (center_code, entity, id, version) VALUES ('C1', 'application', 'a-1', 1);
    `);
    await migrate(storage, 8);
    await storage.exec(`
      INSERT INTO calendars (id, center_code, version, data) VALUES ('C1', 'C1', 1, '{"martialLaw": false, "days": {}}');
      INSERT INTO entity_versions (entity, id, version, data) VALUES ('calendar', 'C1', 1, '{"martialLaw": false, "days": {}}');
      INSERT INTO changes (center_code, entity, id, version) VALUES ('C1', 'calendar', 'C1', 1);
    `);
    const page = readPage(await pull(storage, 'C1', 0, 10));
    expect(page.changes.map((c) => [c.entity, c.id, c.version, c.data])).toEqual([
      ['application', 'a-1', 1, { status: 'registered' }],
      ['calendar', 'C1', 1, { martialLaw: false, days: {} }],
    ]);
  });

  it('12 gives each stored file to the centers whose documents name it; a file no document names belongs to no center', async () => {
    const storage = await openEmpty(kind);
    await migrate(storage, 11);
    const [shared, other, loose] = ['a', 'b', 'c'].map((d) => d.repeat(64));
    await storage.exec(`
      INSERT INTO blobs (sha256, size) VALUES ('${shared}', 10), ('${other}', 20), ('${loose}', 30);
      INSERT INTO applications (id, center_code, version, data) VALUES
        ('a-1', 'C1', 2, '{"documents": [{"id": "d-1", "blobSha256": "${shared}"}, {"id": "d-2", "blobSha256": "${other}"}]}'),
        ('a-2', 'C2', 2, '{"documents": [{"id": "d-3", "blobSha256": "${shared}"}]}'),
        ('a-3', 'C3', 1, '{"status": "registered"}');
    `);
    await migrate(storage, 12);
    const rows = await storage.query<{ center_code: string; sha256: string }>('SELECT center_code, sha256 FROM blob_centers ORDER BY 1, 2');
    expect(rows.map((r) => [r.center_code, r.sha256[0]])).toEqual([
      ['C1', 'a'],
      ['C1', 'b'],
      ['C2', 'a'],
    ]);
    expect(await storage.query('SELECT last_seen_at, app_version FROM devices')).toEqual([]);
  });
});
