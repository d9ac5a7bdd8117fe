/**
 * `npm run mutate`: StrykerJS over the modules whose bugs lose data, one folder at a time, smallest
 * first. Not part of `npm test` (an hour or more on two cores). Each folder gets its own HTML and JSON
 * report and its own incremental file under reports/mutation/<folder>/, so running one folder never
 * throws away another's results and a re-run only retests mutants whose code or tests changed.
 *
 *   npm run mutate                                   every folder below, in order
 *   npm run mutate -- shared/validate main/backend/db   the named folders
 *   npm run mutate -- --mutate 'main/backend/sync/engine.ts'   any globs, comma-separated, `!` to leave out
 *                                                    (own report folder named after them; the tests of the
 *                                                    folder they lie in)
 *   MUTATE_CONCURRENCY=2 npm run mutate              two test runners instead of one
 */
import { join } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';

interface Target {
  folder: string;
  mutate: string[];
  /**
   * Which tests kill this folder's mutants (test/mutation/vitest.<suite>.config.ts): the unit project;
   * unit + integration (real server and desks); or a chosen subset of those for a folder the whole
   * integration project would take a day to run against (see that config for why it holds what it holds).
   */
  suite: 'unit' | 'integration' | 'db' | 'sync-desk' | 'sync-files' | 'sync-server';
}

const ts = (folder: string): string[] => [`${folder}/**/*.ts`];

const TARGETS: Target[] = [
  { folder: 'shared/validate', mutate: ts('shared/validate'), suite: 'unit' },
  { folder: 'shared/domain', mutate: ts('shared/domain'), suite: 'unit' },
  { folder: 'shared/calendar.ts', mutate: ['shared/calendar.ts'], suite: 'unit' },
  { folder: 'main/backend/commands', mutate: ts('main/backend/commands'), suite: 'unit' },
  // Each folder below runs against a chosen set of tests, not a whole project: its config says why.
  { folder: 'main/backend/db', mutate: ts('main/backend/db'), suite: 'db' },
  // The file queue needs a server that stores files; the rest of the desk's sync code runs against its
  // unit tests only (the engine is covered by nearly every end-to-end sync test: hours per run).
  { folder: 'main/backend/sync/file-upload.ts', mutate: ['main/backend/sync/file-upload.ts'], suite: 'sync-files' },
  { folder: 'main/backend/sync', mutate: [...ts('main/backend/sync'), '!main/backend/sync/file-upload.ts'], suite: 'sync-desk' },
  // Against its unit tests: pure functions, and the rest on PGlite without a server process (seconds per mutant).
  { folder: 'server/sync', mutate: ts('server/sync'), suite: 'sync-server' },
];

const REPORTS = 'reports/mutation';

/** `main/backend/db` → main-backend-db; a glob list such as `x/*.ts !x/y.ts` → x-all-not-x-y. */
function slug(folder: string): string {
  return folder
    .replaceAll('.ts', '')
    .replace(/\*+/g, 'all')
    .replaceAll('!', 'not-')
    .replace(/[/\s]+/g, '-');
}

function optionsFor(target: Target, concurrency: number): PartialStrykerOptions {
  const dir = `${REPORTS}/${slug(target.folder)}`;
  return {
    mutate: target.mutate,
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: `test/mutation/vitest.${target.suite}.config.ts`, related: true },
    coverageAnalysis: 'perTest',
    concurrency,
    // Static mutants (module-level constants) need every test re-run with a fresh module graph: hours here.
    ignoreStatic: true,
    incremental: true,
    incrementalFile: `${dir}/incremental.json`,
    reporters: ['html', 'json', 'clear-text', 'progress'],
    htmlReporter: { fileName: `${dir}/mutation.html` },
    jsonReporter: { fileName: `${dir}/mutation.json` },
    tempDirName: '.cache/stryker',
    // Left out of the sandbox copy: build output and caches (another run's sandbox among them).
    ignorePatterns: ['.cache', 'dist', 'release', 'test-results', 'playwright-report', '.vikno-data'],
    cleanTempDir: true,
    // Integration tests start real servers; the default 5 s on top of the dry run's time is too tight on a busy machine.
    timeoutMS: 20_000,
    thresholds: { high: 90, low: 80, break: null },
  };
}

/** Killed and timed-out over every mutant that ran or was not covered (compile and runtime errors left out). */
function score(results: MutantResult[]): { score: number; killed: number; survived: number; noCoverage: number; total: number } {
  const count = (...statuses: MutantResult['status'][]) => results.filter((r) => statuses.includes(r.status)).length;
  const killed = count('Killed', 'Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const total = killed + survived + noCoverage;
  return { score: total === 0 ? 100 : (100 * killed) / total, killed, survived, noCoverage, total };
}

function targetsFrom(args: string[]): Target[] {
  const glob = args.indexOf('--mutate');
  if (glob >= 0) {
    const patterns = args[glob + 1]?.split(',');
    if (!patterns) throw new Error('--mutate needs a glob, e.g. --mutate "shared/validate/**/*.ts"');
    // A glob inside one of the folders above runs against that folder's tests, with its own report.
    const owner = TARGETS.find((t) => patterns.every((p) => p.replace(/^!/, '').startsWith(t.folder)));
    return [{ folder: patterns.join(' '), mutate: patterns, suite: owner?.suite ?? 'integration' }];
  }
  if (args.length === 0) return TARGETS;
  return args.flatMap((name) => {
    const targets = TARGETS.filter((t) => t.folder === name.replace(/\/$/, ''));
    if (targets.length === 0) throw new Error(`unknown folder ${name}; one of: ${TARGETS.map((t) => t.folder).join(', ')}`);
    return targets;
  });
}

const concurrency = Number(process.env.MUTATE_CONCURRENCY ?? 1);
process.chdir(join(import.meta.dirname, '..'));
const lines: string[] = [];
for (const target of targetsFrom(process.argv.slice(2))) {
  const s = score(await new Stryker(optionsFor(target, concurrency)).runMutationTest());
  lines.push(
    `${target.folder.padEnd(24)} ${s.score.toFixed(1).padStart(5)}%  killed ${s.killed}, survived ${s.survived}, no coverage ${s.noCoverage} of ${s.total}`,
  );
}
console.warn(`\nMutation scores (goal: 80% each)\n${lines.join('\n')}`);
