/**
 * `npm run bench [-- --quick] [-- --out FILE]`: prints the figures as a table, and with
 * --out also writes them as JSON. Figures only, never pass/fail.
 */
import { parseArgs } from 'node:util';
import { printTable, writeJson } from './report';
import { rpcFigures } from './rpc.bench';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } }, strict: true });
  const figures = [...(await rpcFigures(values.quick))];
  printTable(figures);
  if (values.out) writeJson(values.out, figures);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
