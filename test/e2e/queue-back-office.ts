/**
 * The back office the queue pages' e2e talks to: a real PGlite storage with the sample catalog
 * and queue (docs/), the queue's real route groups and the pages' route group on a real Fastify
 * server on loopback, the pages built as `npm run server` builds them.
 *
 * Until the back office itself runs on Fastify (branch i11-http), the routes are assembled the way
 * the queue's own tests do (test/integration/queue/queue-app.ts); once it does, this starts
 * `npm run server` instead and nothing in the spec changes.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnrollmentCode, enrollDevice } from '../../server/auth/enrollment';
import { publishCatalog } from '../../server/catalog/publish-catalog';
import { buildPages } from '../../server/pages/build-pages';
import { pageRoutes } from '../../server/pages/page-routes';
import { bookingRoutes } from '../../server/queue/booking-routes';
import { kioskConfigRoutes } from '../../server/queue/kiosk-config-routes';
import { parseQueueConfig, publishQueueConfig } from '../../server/queue/publish-config';
import { createStorage } from '../../server/storage/create-storage';
import { CatalogDocument } from '../../shared/catalog-document';
import { PROTOCOL_VERSION } from '../../shared/sync-protocol';
import { startQueueApp } from '../integration/queue/queue-app';

export interface QueueBackOffice {
  url: string;
  adminToken: string;
  /** The headers of an enrolled desk of the sample queue (a one-time code, then enrollment). */
  deskHeaders(deskCode: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

export async function startQueueBackOffice(): Promise<QueueBackOffice> {
  const dir = await mkdtemp(join(tmpdir(), 'vikno-e2e-queue-'));
  const doc = async (name: string): Promise<unknown> => JSON.parse(await readFile(join(import.meta.dirname, '../../docs', name), 'utf8'));
  const storage = await createStorage({ databaseUrl: undefined, dataDir: join(dir, 'pglite') });
  await publishCatalog(storage, CatalogDocument.parse(await doc('catalog.sample.json')));
  await publishQueueConfig(storage, parseQueueConfig(await doc('queue.sample.json')));
  const pagesDir = join(dir, 'pages');
  await buildPages(pagesDir);
  const adminToken = 'e2e-admin-token-'.padEnd(43, 'x');
  const app = await startQueueApp(storage, () => new Date(), {
    adminToken,
    groups: [kioskConfigRoutes, bookingRoutes, (deps) => pageRoutes({ ...deps, pagesDir })],
  });
  return {
    url: app.url,
    adminToken,
    deskHeaders: async (deskCode) => {
      const enrolled = await enrollDevice(storage, await createEnrollmentCode(storage, { centerCode: 'C01', deskCode }), `C01/${deskCode}`);
      if (!enrolled) throw new Error(`desk ${deskCode} could not enroll`);
      return {
        authorization: `Bearer ${enrolled.deviceToken}`,
        'x-vikno-actor': 'clerk-e2e',
        'x-vikno-protocol': String(PROTOCOL_VERSION),
        'content-type': 'application/json',
      };
    },
    stop: async () => {
      await app.close();
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
