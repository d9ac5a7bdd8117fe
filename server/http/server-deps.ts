import type { FastifyBaseLogger } from 'fastify';
import type { BlobOptions } from '../blobs/blob-options';
import type { QueueHub } from '../queue/hub';
import type { StatisticsKeeper } from '../storage/statistics';
import type { Storage } from '../storage/storage';

/** What every route group of the back office is given (docs/ARCHITECTURE.md §8). */
export interface ServerDeps {
  storage: Storage;
  blobs: BlobOptions;
  /** The admin routes answer to this token; null: they are off. */
  adminToken: string | null;
  statistics: Pick<StatisticsKeeper, 'written'> | null;
  /** The server's clock: injectable so booking tests move time instead of waiting. */
  now: () => Date;
  /** Where the built kiosk, board and booking pages are (`dist/server/pages`); null: not served. */
  pagesDir: string | null;
  /** The live side of the queue: desks' and boards' event streams hear commands through it (docs/ARCHITECTURE.md §6.8). */
  queueHub: QueueHub;
  /** The back office's log (server/log/server-log.ts); none: Fastify logs nothing and failures go to stderr. */
  log?: FastifyBaseLogger;
}
