import type { Storage } from '../storage/storage';
import { toInt } from '../storage/storage';
import { initial } from './0001-initial';
import { blobs } from './0002-blobs';
import { changesWithoutData } from './0003-changes-without-data';
import { statusHistoryInRecord } from './0004-status-history-in-record';
import { uniqueRegNumber } from './0005-unique-reg-number';
import { mutationLogByAggregate } from './0006-mutation-log-by-aggregate';
import { subsistenceMinimums } from './0007-subsistence-minimums';
import { calendars } from './0008-calendars';
import { queue } from './0009-queue';
import { clerks } from './0010-clerks';
import { auditFromDesks } from './0011-audit-from-desks';
import { centerFilesAndDeskVisits } from './0012-center-files-and-desk-visits';

/** Numbered, append-only: a shipped migration is never edited, a new one is added. */
const MIGRATIONS: readonly string[] = [
  initial,
  blobs,
  changesWithoutData,
  statusHistoryInRecord,
  uniqueRegNumber,
  mutationLogByAggregate,
  subsistenceMinimums,
  calendars,
  queue,
  clerks,
  auditFromDesks,
  centerFilesAndDeskVisits,
];

/** Any constant: two servers starting on one PostgreSQL database must not both migrate. */
const MIGRATION_LOCK = 7_361_001;

/**
 * Applies the migrations this database has not seen, each recorded in `schema_version`, up to
 * `target` (all of them unless a test builds an older schema to migrate from).
 */
export async function migrate(storage: Storage, target = MIGRATIONS.length): Promise<void> {
  await storage.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const [row] = await tx.query<{ v: unknown }>('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version');
    const current = toInt(row?.v);
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index + 1 <= current || index + 1 > target) continue;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [index + 1]);
    }
  });
}
