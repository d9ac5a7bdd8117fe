/**
 * `npm run bench [-- --quick] [-- --out FILE]`: prints the figures as a table, and with
 * --out also writes them as JSON. Figures only, never pass/fail: goals are printed in the
 * figure names so a reader can compare, but a slow machine does not fail a build.
 */
import { parseArgs } from 'node:util';
import { COLD_OPEN_ENV, runColdOpenChild } from './cold-open';
import { printTable, writeJson } from './report';
import { rpcFigures } from './rpc.bench';
import { storeFigures } from './store.bench';
import { syncFigures } from './sync.bench';

async function main(): Promise<void> {
  // The store bench re-runs this bundle as its cold-open child (cold-open.ts).
  const coldOpenFile = process.env[COLD_OPEN_ENV];
  if (coldOpenFile !== undefined) {
    runColdOpenChild(coldOpenFile);
    return;
  }
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } }, strict: true });
  const figures = [...(await rpcFigures(values.quick)), ...storeFigures(values.quick), ...(await syncFigures(values.quick))];
  printTable(figures);
  if (values.out) writeJson(values.out, figures);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
