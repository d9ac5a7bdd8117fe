/**
 * Enrollment at first start with no clerk action (issue 16): a desk whose machine-wide config
 * holds the back office's address and an enrollment code enrolls itself against a real back
 * office on PGlite over loopback; a refused code is shown and not sent again; an unreachable
 * back office is tried again until it answers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { startServer } from '../../../server/app';
import { createEnrollmentCode } from '../../../server/auth/enrollment';
import { DEFAULT_MAX_BLOB_BYTES } from '../../../server/blobs/blob-routes';
import { createStorage } from '../../../server/storage/create-storage';
import type { SyncStatus } from '../../../shared/contract';
import { freePort } from '../../helpers/free-port';
import { memoryLogger } from '../../helpers/memory-logger';
import type { MemoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { useServer } from '../server/harness';

const tempDir = useTempDirs();
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

interface StartedDesk {
  dataDir: string;
  logger: MemoryLogger;
  /** Every sync.status the backend announced, newest last. */
  statuses: SyncStatus[];
  backend: Backend;
}

/** A desk whose machine-wide config names the back office and a code; nobody signs in or calls anything. */
function startDesk(url: string, code: string, dataDir = tempDir('vikno-first-start-')): StartedDesk {
  const machineConfigFile = join(dataDir, '..', `${dataDir.split('/').at(-1)}-machine.json`);
  writeFileSync(
    machineConfigFile,
    JSON.stringify({
      center: { code: 'KV01', name: 'ЦНАП' },
      desk: { code: '07', window: '7' },
      backOffice: { url, enrollmentCode: code },
    }),
  );
  const logger = memoryLogger();
  // Small jitter: the retries of an unreachable back office come within a second or two.
  const backend = createBackend({ dataDir, appVersion: '0.0.0-test', logger, machineConfigFile, random: () => 0.05 });
  open.push(backend);
  const statuses: SyncStatus[] = [];
  backend.connect((frame) => {
    if (frame.kind === 'event' && frame.name === 'sync.status') statuses.push(frame.payload as SyncStatus);
  });
  return { dataDir, logger, statuses, backend };
}

function syncState(dataDir: string): Record<string, string> {
  const db = new Database(join(dataDir, 'vikno.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT key, value FROM sync_state').all() as Array<{ key: string; value: string }>;
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  } finally {
    db.close();
  }
}

describe('a desk with a back office and an enrollment code in its machine config', () => {
  const server = useServer('pglite');

  it('enrolls itself at start: the back office holds the device, the desk says which center and desk it is', async () => {
    const code = await createEnrollmentCode(server.storage, { centerCode: 'KV01', deskCode: '07' });
    const desk = startDesk(server.url, code);
    await vi.waitFor(() => expect(syncState(desk.dataDir).device_token).toBeDefined(), { timeout: 15_000 });
    const [device] = await server.storage.query<{ center_code: string; desk_code: string; name: string }>(
      'SELECT center_code, desk_code, name FROM devices ORDER BY enrolled_at DESC LIMIT 1',
    );
    expect(device).toEqual({ center_code: 'KV01', desk_code: '07', name: 'Vikno KV01/07' });
    await vi.waitFor(() =>
      expect(desk.statuses.at(-1)).toMatchObject({
        enrollment: { centerCode: 'KV01', deskCode: '07', since: expect.any(String) },
        enrollmentRefused: null,
      }),
    );
    expect(desk.logger.entries.map((e) => JSON.stringify(e))).not.toContain(code);
  });

  it('a refused code: the reason is in the sync status, and it is not sent again, not even at the next start', async () => {
    const code = await createEnrollmentCode(server.storage, { centerCode: 'KV01', deskCode: '08' });
    const first = startDesk(server.url, code);
    await vi.waitFor(() => expect(first.statuses.at(-1)?.enrollmentRefused).toMatchObject({ reason: 'other_desk' }), { timeout: 15_000 });
    expect(first.statuses.at(-1)).toMatchObject({
      state: 'not_enrolled',
      enrollment: null,
      enrollmentRefused: { message: expect.stringContaining('for center KV01, desk 08; this desk is configured as center KV01, desk 07') },
    });
    const refusals = () => first.logger.entries.filter((e) => e.message === 'The back office refused the enrollment code').length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(refusals()).toBe(1);
    // The code stays unused for desk 08.
    const [row] = await server.storage.query<{ used_at: unknown }>(`SELECT used_at FROM enrollment_codes WHERE desk_code = '08'`);
    expect(row?.used_at).toBeNull();

    await first.backend.close();
    open.splice(open.indexOf(first.backend), 1);
    const again = startDesk(server.url, code, first.dataDir);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(again.logger.entries.filter((e) => e.message.includes('enrollment code'))).toEqual([]);
    expect(syncState(again.dataDir).device_token).toBeUndefined();
    expect(JSON.parse(syncState(again.dataDir).enrollment_refused ?? 'null')).toMatchObject({ reason: 'other_desk' });
  });
});

describe('a desk whose back office is down at its first start', () => {
  let stopServer: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await stopServer?.();
  });

  it('starts anyway, tries again with backoff, and enrolls once the back office answers', async () => {
    const dir = tempDir('vikno-late-office-');
    const port = await freePort();
    const storage = await createStorage({ dataDir: join(dir, 'pglite') });
    const code = await createEnrollmentCode(storage, { centerCode: 'KV01', deskCode: '07' });
    const desk = startDesk(`http://127.0.0.1:${port}/`, code);
    const retries = () =>
      desk.logger.entries.filter((e) => e.message.startsWith('Enrollment at start: the back office was not reached')).length;
    await vi.waitFor(() => expect(retries()).toBeGreaterThanOrEqual(3), { timeout: 15_000 });
    expect(syncState(desk.dataDir).device_token).toBeUndefined();

    const server = await startServer(storage, '127.0.0.1', port, { dir: join(dir, 'blobs'), maxBytes: DEFAULT_MAX_BLOB_BYTES });
    // Closing the server closes its storage too.
    stopServer = () => server.close();
    await vi.waitFor(() => expect(syncState(desk.dataDir).device_token).toBeDefined(), { timeout: 30_000, interval: 200 });
    expect(desk.statuses.at(-1)?.enrollment).toMatchObject({ centerCode: 'KV01', deskCode: '07' });
  });
});
