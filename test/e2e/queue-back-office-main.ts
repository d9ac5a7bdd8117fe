/**
 * The back office the queue pages' e2e talks to: the real server (`startServer`, every route group,
 * the pages and their assets) over a real PGlite storage with the sample catalog and queue (docs/),
 * the pages built as `npm run server` builds them, on loopback, with desks D1 and D2 enrolled. Its
 * own process (bundled by queue-back-office.ts, as scripts/server.ts bundles the server):
 * Playwright's loader cannot import the server's JSON modules.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/app';
import { createEnrollmentCode, enrollDevice } from '../../server/auth/enrollment';
import { publishCatalog } from '../../server/catalog/publish-catalog';
import { parseQueueConfig, publishQueueConfig } from '../../server/queue/publish-config';
import { createStorage } from '../../server/storage/create-storage';
import { CatalogDocument } from '../../shared/catalog-document';
import { newDeskKey } from '../helpers/desk-session';

/** What the process prints once listening, as one JSON line. */
export interface QueueBackOfficeReady {
  url: string;
  adminToken: string;
  /** Device tokens of the sample queue's desks, enrolled as desks enroll (a one-time code). */
  deskTokens: Record<string, string>;
}

async function start(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vikno-e2e-queue-'));
  const doc = async (name: string): Promise<unknown> => JSON.parse(await readFile(join(process.cwd(), 'docs', name), 'utf8'));
  const storage = await createStorage({ databaseUrl: undefined, dataDir: join(dir, 'pglite') });
  await publishCatalog(storage, CatalogDocument.parse(await doc('catalog.sample.json')));
  await publishQueueConfig(storage, parseQueueConfig(await doc('queue.sample.json')));
  // Built by the parent as `npm run server` builds them, beside this bundle.
  const pagesDir = process.argv[2];
  if (!pagesDir) throw new Error('usage: queue-back-office.mjs <pagesDir>');
  const adminToken = 'e2e-admin-token-'.padEnd(43, 'x');
  const server = await startServer(storage, '127.0.0.1', 0, { dir: join(dir, 'blobs'), maxBytes: 1024 * 1024 }, adminToken, { pagesDir });
  const url = server.url;
  const deskTokens: Record<string, string> = {};
  for (const deskCode of ['D1', 'D2']) {
    const enrolled = await enrollDevice(
      storage,
      await createEnrollmentCode(storage, { centerCode: 'C01', deskCode }),
      `C01/${deskCode}`,
      newDeskKey().publicKey,
    );
    if (!enrolled) throw new Error(`desk ${deskCode} could not enroll`);
    deskTokens[deskCode] = enrolled.deviceToken;
  }
  const ready: QueueBackOfficeReady = { url, adminToken, deskTokens };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  process.once('SIGTERM', () => {
    void (async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
}

await start();
