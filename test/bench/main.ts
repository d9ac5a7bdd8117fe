/**
 * `npm run bench [-- --quick] [-- --only rpc|store|sync|queue|documents] [-- --out FILE]`: prints the figures as a table, and with
 * --out also writes them as JSON. Figures only, never pass/fail: goals are printed in the
 * figure names so a reader can compare, but a slow machine does not fail a build.
 */
import { parseArgs } from 'node:util';
import { COLD_OPEN_ENV, runColdOpenChild } from './cold-open';
import { documentsFigures } from './documents.bench';
import { queueFigures } from './queue.bench';
import { regionFigures } from './region.bench';
import { printTable, writeJson } from './report';
import { rpcFigures } from './rpc.bench';
import { storeFigures } from './store.bench';
import { syncFigures } from './sync.bench';

/** `--only SECTION` runs one part (the store part alone takes minutes to build its data). */
const SECTIONS = ['rpc', 'store', 'sync', 'queue', 'documents', 'region'];

async function main(): Promise<void> {
  // The store bench re-runs this bundle as its cold-open child (cold-open.ts).
  const coldOpenFile = process.env[COLD_OPEN_ENV];
  if (coldOpenFile !== undefined) {
    runColdOpenChild(coldOpenFile);
    return;
  }
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, out: { type: 'string' }, only: { type: 'string' } },
    strict: true,
  });
  const only = values.only;
  if (only !== undefined && !SECTIONS.includes(only)) throw new Error(`--only takes one of ${SECTIONS.join(', ')}, not "${only}"`);
  const wants = (section: string) => only === undefined || only === section;
  const figures = [
    ...(wants('rpc') ? await rpcFigures(values.quick) : []),
    ...(wants('store') ? await storeFigures(values.quick) : []),
    ...(wants('sync') ? await syncFigures(values.quick) : []),
    ...(wants('queue') ? await queueFigures(values.quick) : []),
    ...(wants('documents') ? await documentsFigures(values.quick) : []),
    ...(wants('region') ? await regionFigures(values.quick) : []),
  ];
  printTable(figures);
  if (values.out) writeJson(values.out, figures);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
