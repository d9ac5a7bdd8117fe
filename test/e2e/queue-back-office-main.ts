/**
 * The back office the queue pages' e2e talks to: the server as http/server.ts builds it (its route
 * groups, the pages' among them, the pages' assets, SSE, errors), over a real PGlite storage with
 * the sample catalog and queue (docs/), the pages built as `npm run server` builds them, on loopback.
 *
 * The queue's route groups (kiosk, board, desk, kiosk configuration, bookings) are added to it here
 * while server/http/route-groups.ts does not list them yet (they need the queue's live hub in their
 * deps); once it does, queue-back-office.ts starts `npm run server` instead and nothing in the spec
 * changes. Its own process (bundled by queue-back-office.ts, as scripts/server.ts bundles the
 * server): Playwright's loader cannot import the server's JSON modules.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnrollmentCode, enrollDevice } from '../../server/auth/enrollment';
import { publishCatalog } from '../../server/catalog/publish-catalog';
import { bookingRoutes } from '../../server/queue/booking-routes';
import { kioskConfigRoutes } from '../../server/queue/kiosk-config-routes';
import { parseQueueConfig, publishQueueConfig } from '../../server/queue/publish-config';
import { createStorage } from '../../server/storage/create-storage';
import { ROUTE_GROUPS } from '../../server/http/route-groups';
import type { RouteGroup } from '../../server/http/route-groups';
import { buildServer } from '../../server/http/server';
import { boardRoutes } from '../../server/queue/board-routes';
import { deskQueueRoutes } from '../../server/queue/desk-routes';
import { QueueHub } from '../../server/queue/hub';
import { kioskTicketRoutes } from '../../server/queue/kiosk-routes';
import type { QueueRouteDeps } from '../../server/queue/route-deps';
import { CatalogDocument } from '../../shared/catalog-document';

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
  const now = () => new Date();
  const deps: QueueRouteDeps = {
    storage,
    blobs: { dir: join(dir, 'blobs'), maxBytes: 1024 * 1024 },
    adminToken,
    statistics: null,
    now,
    pagesDir,
    queueHub: new QueueHub(now),
  };
  const app = await buildServer(deps);
  const queueGroups = [deskQueueRoutes, kioskTicketRoutes, boardRoutes, kioskConfigRoutes, bookingRoutes];
  for (const group of queueGroups) if (!ROUTE_GROUPS.includes(group as RouteGroup)) await app.register(group(deps));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const deskTokens: Record<string, string> = {};
  for (const deskCode of ['D1', 'D2']) {
    const enrolled = await enrollDevice(storage, await createEnrollmentCode(storage, { centerCode: 'C01', deskCode }), `C01/${deskCode}`);
    if (!enrolled) throw new Error(`desk ${deskCode} could not enroll`);
    deskTokens[deskCode] = enrolled.deviceToken;
  }
  const ready: QueueBackOfficeReady = { url, adminToken, deskTokens };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  process.once('SIGTERM', () => {
    void (async () => {
      await app.close();
      await storage.close();
      await rm(dir, { recursive: true, force: true });
      process.exit(0);
    })();
  });
}

await start();
