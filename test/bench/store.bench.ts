/**
 * The local store at production size (issue goals): registering an application, searching
 * applicants by name prefix (with the looser tiers the short pages bring in), by a Russian or
 * Latin spelling of the name, by a partial and by a full РНОКПП, and a cold open, on a database
 * of 1 M applicants and 1 M applications (`--quick`: 20 k + 20 k, for CI's smoke test).
 */
import { constants, copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { join } from 'node:path';
import type { ApplicantSummary } from '../../shared/domain/applicant';
import { RegisterApplication } from '../../shared/domain/application';
import type { RegisterApplicationInput } from '../../shared/domain/application';
import { latinName } from '../../main/backend/applicants/name-latin';
import { EXACT_NAMES, nameMatches } from '../../main/backend/applicants/name-tier';
import { searchApplicants } from '../../main/backend/applicants/search';
import { normalizeName } from '../../main/backend/applicants/search-text';
import { registerApplication } from '../../main/backend/applications/register-application';
import { DEFAULT_DESK } from '../../main/backend/config/desk-config';
import type { CommandEnv } from '../../main/backend/commands/unit-of-work';
import { createFullChecker } from '../../main/backend/db/full-check';
import { openDatabase } from '../../main/backend/db/open';
import type { Db } from '../../main/backend/db/open';
import { migrations } from '../../main/backend/db/migrations/registry';
import { measureColdOpens } from './cold-open';
import { BENCH_SERVICES, buildStore, DATASET_GENERATOR_VERSION } from './dataset';
import type { BenchStore, SampledPerson } from './dataset';
import { cachedStore } from './dataset-cache';
import { between, pick, seededRandom } from './people';
import type { Random } from './people';
import { quantile } from './report';
import type { Figure } from './report';

/** Fixed, so every run builds the same data set and asks the same queries. */
const SEED = 20261127;
const WARM_UP = 20;
/** How many persons the data set samples for the bench's queries and registrations. */
const SAMPLES = 5000;
/** The page searchApplicants fills by default. */
const PAGE = 20;
const MiB = 2 ** 20;

function registrationInput(random: Random, person: SampledPerson, representativeId: string): RegisterApplicationInput {
  const service = pick(random, BENCH_SERVICES);
  const given = between(random, 1, service.documents.length);
  const items = service.documents
    .slice(0, given)
    .map((d) => ({ name: d.nameUk, original: random() < 0.7, sheets: between(random, 1, 12) }));
  return {
    serviceId: service.id,
    applicantId: person.id,
    items,
    resultDelivery: random() < 0.9 ? 'in_person' : 'post',
    // A package short of required documents registers only when the applicant insists.
    ...(given < service.documents.length ? { insisted: { reason: 'Донесе решту документів' } } : {}),
    // About one in twenty comes through a representative with a power of attorney.
    ...(random() < 0.05 && representativeId !== person.id
      ? {
          representative: {
            applicantId: representativeId,
            authority: {
              basis: 'poa_notarised',
              documentNumber: `НВК ${between(random, 100000, 999999)}`,
              documentDate: '2026-03-02',
              notary: 'Іваненко О. П.',
            },
          },
        }
      : {}),
  };
}

/** What a clerk types: 3–6 letters of a surname, or that and 2–4 letters of the given name, in either case. */
function prefixQuery(random: Random, person: SampledPerson): string {
  const surname = person.surname.slice(0, between(random, 3, 6));
  const query = random() < 0.5 ? surname : `${surname} ${person.givenName.slice(0, between(random, 2, 4))}`;
  return random() < 0.5 ? query.toLowerCase() : query;
}

/** Letters a keyboard without Ukrainian letters or a Russian spelling puts in their place. */
const RUSSIAN_SPELLING: Readonly<Record<string, string>> = { і: 'и', ї: 'и', є: 'е', ґ: 'г', І: 'И', Ї: 'И', Є: 'Е', Ґ: 'Г' };

/**
 * A prefix query as a Russian spelling has it (Шевчинко, Григорий): і ї є ґ replaced, and when
 * the prefix has none of them its first е and и swapped, so the exact letters rarely find it
 * and the folded tier runs.
 */
function foldedQuery(random: Random, person: SampledPerson): string {
  const query = prefixQuery(random, person);
  const replaced = query.replace(/[іїєґІЇЄҐ]/g, (ch) => RUSSIAN_SPELLING[ch] ?? ch);
  return replaced !== query ? replaced : query.replace(/[еи]/, (ch) => (ch === 'е' ? 'и' : 'е'));
}

/** A prefix query in the official Latin spelling (КМУ-55), as a foreign document or an English-speaking colleague gives it. */
function latinQuery(random: Random, person: SampledPerson): string {
  return latinName(normalizeName(prefixQuery(random, person)));
}

/** The first 6–9 digits of the person's РНОКПП. */
function partialRnokpp(random: Random, person: SampledPerson): string {
  return person.rnokpp.slice(0, between(random, 6, 9));
}

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Registrations interleaved with the floor: a single-row INSERT committed on its own, on the
 * same connection and pragmas (WAL, synchronous=FULL). Interleaving gives both the same disk,
 * WAL size and checkpoints, so their ratio is what the command adds over the fsync it must pay.
 */
async function registerAgainstFloor(db: Db, env: CommandEnv, people: readonly SampledPerson[], random: Random, count: number) {
  db.exec('CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, at TEXT NOT NULL) STRICT');
  const floorInsert = db.prepare('INSERT INTO bench_floor (at) VALUES (?)');
  const register: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < WARM_UP + count; i += 1) {
    const input = registrationInput(random, pick(random, people), pick(random, people).id);
    const r = timed(() => registerApplication(env, RegisterApplication.parse(input)));
    const f = timed(() => floorInsert.run(new Date().toISOString()));
    if (i >= WARM_UP) {
      register.push(r);
      floor.push(f);
    }
    // Untimed: a backend serves each call as its own task, so whatever a registration leaves to
    // the event loop or the thread pool runs between calls, as it would at a desk.
    await yieldToLoop();
  }
  return { register, floor };
}

/** Frames in the write-ahead log: each is one page written (a WAL header, then per frame a header and a page). */
function walFrames(db: Db): number {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const size = statSync(`${db.name}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  return size <= 32 ? 0 : (size - 32) / (pageSize + 24);
}

/**
 * Pages a registration writes, and a bare INSERT + commit for comparison: with automatic
 * checkpoints off for the count, every page a commit writes is a new frame at the end of the
 * log, so the log's growth over `count` commits is their pages. Checkpoints go back on after.
 */
function pagesPerCommit(db: Db, env: CommandEnv, people: readonly SampledPerson[], random: Random, count: number) {
  const floorInsert = db.prepare('INSERT INTO bench_floor (at) VALUES (?)');
  db.pragma('wal_autocheckpoint = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < count; i += 1) {
      registerApplication(env, RegisterApplication.parse(registrationInput(random, pick(random, people), pick(random, people).id)));
    }
    const register = walFrames(db) / count;
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < count; i += 1) floorInsert.run(new Date().toISOString());
    return { register, floor: walFrames(db) / count };
  } finally {
    db.pragma('wal_autocheckpoint = 1000');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

function searchTimes(db: Db, queries: readonly string[], check: (query: string, found: ApplicantSummary[]) => void): number[] {
  const samples: number[] = [];
  queries.forEach((query, i) => {
    let found: ApplicantSummary[] = [];
    const t = timed(() => {
      found = searchApplicants(db, query);
    });
    check(query, found);
    if (i >= WARM_UP) samples.push(t);
  });
  return samples;
}

/**
 * Prefix queries timed twice, back to back, taking turns which goes first: the whole search and
 * the exact-letters tier alone (what the name search was before the looser tiers). Interleaved, both see the same machine
 * load, so their ratio is what the tiers add. Also counts the queries whose first tier left the
 * page short, the ones the looser tiers run for.
 */
function prefixAgainstExactTier(db: Db, queries: readonly string[]) {
  const full: number[] = [];
  const exact: number[] = [];
  let short = 0;
  queries.forEach((query, i) => {
    let found: ApplicantSummary[] = [];
    let firstTier = 0;
    const tokens = normalizeName(query).split(' ');
    const runFull = () =>
      timed(() => {
        found = searchApplicants(db, query);
      });
    const runExact = () =>
      timed(() => {
        firstTier = nameMatches(db, EXACT_NAMES, tokens, PAGE).length;
      });
    // Whichever runs second finds the pages the first read in the cache: take turns.
    const [f, e] = i % 2 === 0 ? [runFull(), runExact()] : [runExact(), runFull()].reverse();
    if (found.length === 0) throw new Error(`Prefix search for "${query}" found nobody, but the query came from an applicant's name`);
    if (i < WARM_UP) return;
    full.push(f!);
    exact.push(e!);
    if (firstTier < PAGE) short += 1;
  });
  return { full, exact, shortShare: short / full.length };
}

/**
 * The data set from the cache under the system temp folder (built there on first use), copied
 * into `dir`: the bench registers into its copy, and the cached one stays as built.
 */
function benchStore(dir: string, rows: number): BenchStore {
  const params = {
    rows,
    seed: SEED,
    samples: SAMPLES,
    migrations: migrations.map((m) => `${m.version}:${m.name}`),
    generatorVersion: DATASET_GENERATOR_VERSION,
  };
  const cached = cachedStore(join(tmpdir(), 'vikno-bench-datasets'), params, (folder) => buildStore(folder, rows, SEED, SAMPLES));
  // On stderr, not a figure: every figure is a measurement above zero (test/integration/bench.test.ts).
  process.stderr.write(`store data set: ${cached.built ? 'built' : 'reused'} ${cached.folder}\n`);
  const file = join(dir, 'vikno.db');
  // A copy-on-write clone where the file system has them, a plain copy elsewhere.
  copyFileSync(cached.store.file, file, constants.COPYFILE_FICLONE);
  return { ...cached.store, file };
}

/** The whole-file check a desk runs on its worker thread after start (db/full-check.ts), timed by the worker. */
async function wholeFileCheckMs(file: string, backupsDir: string): Promise<number> {
  const db = openDatabase(file);
  try {
    const check = await createFullChecker(db, file, { backupsDir }).run();
    if (check.state !== 'ok') throw new Error(`The whole-file check of the bench database did not pass: ${JSON.stringify(check)}`);
    return check.durationMs;
  } finally {
    db.close();
  }
}

export async function storeFigures(quick: boolean): Promise<Figure[]> {
  const rows = quick ? 20_000 : 1_000_000;
  const operations = quick ? 200 : 2000;
  const dir = mkdtempSync(join(tmpdir(), 'vikno-store-bench-'));
  try {
    const store = benchStore(dir, rows);
    const random = seededRandom(SEED + 1);
    const db = openDatabase(store.file);
    let timings: Awaited<ReturnType<typeof registerAgainstFloor>>;
    let pages: ReturnType<typeof pagesPerCommit>;
    let prefix: ReturnType<typeof prefixAgainstExactTier>;
    let folded: number[];
    let latin: number[];
    let partial: number[];
    let exact: number[];
    try {
      const env: CommandEnv = {
        db,
        clerkId: store.clerkId,
        roles: ['clerk'],
        now: () => new Date(),
        // Desk 07 of the center whose six other desks registered the bulk applications.
        desk: { ...DEFAULT_DESK, center: { code: 'KV01', name: 'ЦНАП' }, desk: { code: '07', window: '7' }, source: 'file' },
      };
      timings = await registerAgainstFloor(db, env, store.people, random, operations);
      pages = pagesPerCommit(db, env, store.people, random, quick ? 50 : 200);
      const people = Array.from({ length: WARM_UP + operations }, () => pick(random, store.people));
      prefix = prefixAgainstExactTier(
        db,
        people.map((p) => prefixQuery(random, p)),
      );
      const found = (tier: string) => (query: string, hits: ApplicantSummary[]) => {
        if (hits.length === 0) throw new Error(`${tier} search for "${query}" found nobody, but the query came from an applicant`);
      };
      folded = searchTimes(
        db,
        people.map((p) => foldedQuery(random, p)),
        found('Folded'),
      );
      latin = searchTimes(
        db,
        people.map((p) => latinQuery(random, p)),
        found('Latin'),
      );
      partial = searchTimes(
        db,
        people.map((p) => partialRnokpp(random, p)),
        (query, hits) => {
          if (!hits.some((a) => a.match === 'rnokpp_prefix')) throw new Error(`Partial РНОКПП ${query} found nobody`);
        },
      );
      const byRnokpp = new Map(people.map((p) => [p.rnokpp, p.id]));
      exact = searchTimes(
        db,
        people.map((p) => p.rnokpp),
        (query, found) => {
          if (!found.some((a) => a.match === 'rnokpp' && a.id === byRnokpp.get(query)))
            throw new Error(`РНОКПП lookup ${query} missed its applicant`);
        },
      );
    } finally {
      db.close();
    }
    // Three restarts, the median reported: one slow process spawn on a busy machine is not the figure.
    const opens = measureColdOpens(store.file, 3).sort((a, b) => a.totalMs - b.totalMs);
    const open = opens[1] ?? opens[0];
    if (!open) throw new Error('No cold open was measured');
    const fullCheckMs = await wholeFileCheckMs(store.file, join(dir, 'backups'));
    const { register, floor } = timings;
    return [
      { name: 'store data set applicants', value: rows, unit: 'rows' },
      { name: 'store data set applications', value: rows, unit: 'rows' },
      { name: 'store data set generation (untimed setup)', value: store.generationMs / 1000, unit: 's' },
      { name: 'store database file size', value: store.fileBytes / MiB, unit: 'MiB' },
      { name: 'register application p50', value: quantile(register, 0.5), unit: 'ms' },
      { name: 'register application p99 (goal ≤ 2 ms)', value: quantile(register, 0.99), unit: 'ms' },
      { name: 'bare INSERT + commit p50', value: quantile(floor, 0.5), unit: 'ms' },
      { name: 'bare INSERT + commit p99', value: quantile(floor, 0.99), unit: 'ms' },
      { name: 'register / bare commit p50 ratio (goal ≤ 3×)', value: quantile(register, 0.5) / quantile(floor, 0.5), unit: '×' },
      { name: 'register / bare commit p99 ratio (goal ≤ 3×)', value: quantile(register, 0.99) / quantile(floor, 0.99), unit: '×' },
      { name: 'pages written per registration (WAL frames)', value: pages.register, unit: 'pages' },
      { name: 'pages written per bare INSERT + commit (WAL frames)', value: pages.floor, unit: 'pages' },
      { name: 'applicant prefix search p50', value: quantile(prefix.full, 0.5), unit: 'ms' },
      { name: 'applicant prefix search p99 (goal ≤ 10 ms)', value: quantile(prefix.full, 0.99), unit: 'ms' },
      { name: 'prefix queries the exact letters left short (looser tiers ran)', value: prefix.shortShare * 100, unit: '%' },
      { name: 'exact-letters tier alone p50', value: quantile(prefix.exact, 0.5), unit: 'ms' },
      { name: 'exact-letters tier alone p99', value: quantile(prefix.exact, 0.99), unit: 'ms' },
      { name: 'prefix search / exact tier alone p50 ratio', value: quantile(prefix.full, 0.5) / quantile(prefix.exact, 0.5), unit: '×' },
      { name: 'prefix search / exact tier alone p99 ratio', value: quantile(prefix.full, 0.99) / quantile(prefix.exact, 0.99), unit: '×' },
      { name: 'Russian-spelling search (folded tier) p50', value: quantile(folded, 0.5), unit: 'ms' },
      { name: 'Russian-spelling search (folded tier) p99', value: quantile(folded, 0.99), unit: 'ms' },
      { name: 'Latin-spelling search (КМУ-55 tier) p50', value: quantile(latin, 0.5), unit: 'ms' },
      { name: 'Latin-spelling search (КМУ-55 tier) p99', value: quantile(latin, 0.99), unit: 'ms' },
      { name: 'partial РНОКПП search p50', value: quantile(partial, 0.5), unit: 'ms' },
      { name: 'partial РНОКПП search p99', value: quantile(partial, 0.99), unit: 'ms' },
      { name: 'exact РНОКПП lookup p50', value: quantile(exact, 0.5), unit: 'ms' },
      { name: 'exact РНОКПП lookup p99 (goal ≤ 0.5 ms)', value: quantile(exact, 0.99), unit: 'ms' },
      { name: 'cold open: open + start check of the hot tables + migrations (goal ≤ 500 ms)', value: open.totalMs, unit: 'ms' },
      { name: 'cold open: of which the start check', value: open.quickCheckMs, unit: 'ms' },
      { name: 'whole-file check (worker thread after start, not on the start path)', value: fullCheckMs, unit: 'ms' },
      {
        name: 'backend RSS after cold open (goal ≤ 150 MiB)',
        value: open.rssBytes / MiB,
        unit: 'MiB',
      },
      { name: 'RSS the cold open added', value: open.rssGrowthBytes / MiB, unit: 'MiB' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
