/**
 * The cold-open child (bundled by scripts/bench.ts as dist/bench/cold-open.cjs): a fresh process
 * with the desk backend's modules that opens the database named on its command line as the
 * backend does at start (openDatabase, then the issued-numbers file), prints one JSON line
 * (cold-open.ts `ColdOpen`) and exits.
 */
import { issuedNumbersOf } from '../../main/backend/applications/registration-number';
import { startCheckOf } from '../../main/backend/db/integrity';
import { openDatabase } from '../../main/backend/db/open';
import type { ColdOpen } from './cold-open';
import { assertDeskBackendLoaded } from './desk-backend-modules';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: cold-open.cjs DATABASE');
assertDeskBackendLoaded();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const db = openDatabase(file);
issuedNumbersOf(db);
const totalMs = performance.now() - started;
const rssBytes = process.memoryUsage().rss;
const check = startCheckOf(db);
db.close();
if (!check) throw new Error('openDatabase did not record its start check');
const result: ColdOpen = { totalMs, quickCheckMs: check.durationMs, rssBytes, rssGrowthBytes: rssBytes - rssBefore };
process.stdout.write(`${JSON.stringify(result)}\n`);
