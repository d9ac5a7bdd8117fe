/**
 * `npm run mutate`: StrykerJS over the modules whose bugs lose data, one folder at a time, smallest
 * first. Not part of `npm test` (an hour or more on two cores). Each folder gets its own HTML and JSON
 * report and its own incremental file under reports/mutation/<folder>/, so running one folder never
 * throws away another's results and a re-run only retests mutants whose code or tests changed.
 *
 *   npm run mutate                                   every folder below, in order
 *   npm run mutate -- shared/validate main/backend/db   the named folders
 *   npm run mutate -- --mutate 'shared/validate/**\/*.ts'   any glob (reports under reports/mutation/custom/)
 *   MUTATE_CONCURRENCY=2 npm run mutate              two test runners instead of one
 */
import { join } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import type { MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';

interface Target {
  folder: string;
  mutate: string[];
  /** Which tests kill this folder's mutants: the unit project, or unit + integration (real server and desks). */
  suite: 'unit' | 'integration';
}

const ts = (folder: string): string[] => [`${folder}/**/*.ts`];

const TARGETS: Target[] = [
  { folder: 'shared/validate', mutate: ts('shared/validate'), suite: 'unit' },
  { folder: 'shared/domain', mutate: ts('shared/domain'), suite: 'unit' },
  { folder: 'shared/calendar.ts', mutate: ['shared/calendar.ts'], suite: 'unit' },
  { folder: 'main/backend/commands', mutate: ts('main/backend/commands'), suite: 'unit' },
  { folder: 'main/backend/db', mutate: ts('main/backend/db'), suite: 'unit' },
  // The engine, the HTTP client and the service are driven by test/integration/sync (desks against a real server).
  { folder: 'main/backend/sync', mutate: ts('main/backend/sync'), suite: 'integration' },
  { folder: 'server/sync', mutate: ts('server/sync'), suite: 'integration' },
];

const REPORTS = 'reports/mutation';

function slug(folder: string): string {
  return folder.replace(/\.ts$/, '').replaceAll('/', '-');
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
    const suite = patterns.some((p) => p.startsWith('server/') || p.startsWith('main/backend/sync')) ? 'integration' : 'unit';
    return [{ folder: 'custom', mutate: patterns, suite }];
  }
  if (args.length === 0) return TARGETS;
  return args.map((name) => {
    const target = TARGETS.find((t) => t.folder === name.replace(/\/$/, ''));
    if (!target) throw new Error(`unknown folder ${name}; one of: ${TARGETS.map((t) => t.folder).join(', ')}`);
    return target;
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
