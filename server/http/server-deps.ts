import type { BlobOptions } from '../blobs/blob-options';
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
}
