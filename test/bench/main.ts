/**
 * `npm run bench [-- --quick] [-- --only rpc|store|sync|queue|documents|ui|region] [-- --out FILE]`: prints the figures as a table, and with
 * --out also writes them as JSON. Figures only, never pass/fail: goals are printed in the
 * figure names so a reader can compare, but a slow machine does not fail a build.
 */
import { parseArgs } from 'node:util';
import { documentsFigures } from './documents.bench';
import { queueFigures } from './queue.bench';
import { regionFigures } from './region.bench';
import { loadAverage, printTable, writeJson } from './report';
import type { Figure, RunFacts } from './report';
import { rpcFigures } from './rpc.bench';
import { storeFigures } from './store.bench';
import { syncFigures } from './sync.bench';
import { uiFigures } from './ui.bench';

/** Each part of the bench, in the order a full run takes them; `--only SECTION` runs one (the store part alone takes minutes to build its data). */
const SECTIONS: ReadonlyArray<{ name: string; run(quick: boolean): Figure[] | Promise<Figure[]> }> = [
  { name: 'rpc', run: rpcFigures },
  { name: 'store', run: storeFigures },
  { name: 'sync', run: syncFigures },
  { name: 'queue', run: queueFigures },
  { name: 'documents', run: documentsFigures },
  { name: 'ui', run: uiFigures },
  { name: 'region', run: regionFigures },
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, out: { type: 'string' }, only: { type: 'string' } },
    strict: true,
  });
  const only = values.only;
  const names = SECTIONS.map((s) => s.name);
  if (only !== undefined && !names.includes(only)) throw new Error(`--only takes one of ${names.join(', ')}, not "${only}"`);
  const loadStart = loadAverage();
  const figures: Figure[] = [];
  const sections: RunFacts['sections'] = [];
  for (const section of SECTIONS) {
    if (only !== undefined && only !== section.name) continue;
    const started = performance.now();
    figures.push(...(await section.run(values.quick)));
    sections.push({ name: section.name, seconds: (performance.now() - started) / 1000 });
  }
  const run: RunFacts = { loadStart, loadEnd: loadAverage(), sections };
  printTable(figures, run);
  if (values.out) writeJson(values.out, figures, run);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
