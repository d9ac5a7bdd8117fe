/**
 * The documents child (bundled by scripts/bench.ts as dist/bench/documents.cjs): scans and
 * assembles in a process holding the desk backend's modules, so the peak RSS it samples is a
 * backend's at that work; prints the section's figures as one JSON line and exits.
 */
import { measureDocuments } from './documents.bench';
import { assertDeskBackendLoaded } from './desk-backend-modules';

assertDeskBackendLoaded();
measureDocuments(process.argv.includes('--quick')).then(
  (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
