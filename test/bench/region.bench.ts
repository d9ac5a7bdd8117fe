/**
 * The back office at a region's scale (issue 17, docs/SCALING.md): one back office on a real
 * PostgreSQL (fsync on), and 200 desks (20 with --quick) in ten-desk centers that enroll, poll
 * their center alone for a while (the cost of a poll), then push a center's day of mutations
 * (region-visits.ts) in small batches while polling, all at once for a fixed time. Desks are async loops in this process speaking HTTP on loopback through
 * the desk's own sync client (region-desk.ts). Bounded: a fixed number of desks, a fixed time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { configureQueueThrough, publishCatalogThrough } from '../../server/admin/admin-client';
import { liveInstance } from '../../server/admin/instance-file';
import { CatalogDocument } from '../../shared/catalog-document';
import { startPostgres } from '../helpers/postgres';
import { sampleConfig } from '../helpers/queue-sample';
import { startServerProcess } from '../helpers/server-process';
import { enrollDesk, pullToHead, pushBatch } from './region-desk';
import type { SimulatedDesk } from './region-desk';
import { clusterCpuSeconds, cpuSeconds, parentOf, residentMiB } from './region-probe';
import { visitScript } from './region-visits';
import { growthShares, sampleWaits, tableBytes } from './region-postgres';
import type { Figure } from './report';
import { quantile } from './report';

/** The repository: this file runs bundled as dist/bench/bench.cjs. */
const root = join(__dirname, '..', '..');

const DESKS_PER_CENTER = 10;
/**
 * A desk's next push comes this long (mean, exponentially spread) after its last one was answered:
 * a clerk acts about every 2 minutes (a visit of ~10 minutes, 5–6 pushes), compressed 40-fold.
 * A region's day (~270,000 mutations from 600 desks in 9 hours, ~25/s at a peak of 3× the mean)
 * makes ~8/s from 200 desks; at this pace they offer ~85/s, three times the whole region's peak.
 */
const THINK_MS = 3000;
/**
 * How often a desk pulls. The desk's engine pulls after each push and every 30 s when idle
 * (main/backend/sync/engine.ts); a lag of ≤ 2 s needs a poll about this often (or a push
 * notification from the back office): its cost on the server is part of what this measures.
 */
const PULL_EVERY_MS = 1000;
/** Enrollments at once while setting up (a region's desks do not all start in the same second either). */
const SETUP_CONCURRENCY = 10;

/** The center's queues for the two services the visits use, and its ten desks calling from both. */
function queueConfig(centerCode: string, deskCodes: readonly string[]) {
  const base = sampleConfig(centerCode);
  return {
    ...base,
    areas: [{ code: 'docs', nameUk: 'Документи', nameEn: 'Documents', serviceCodes: ['ID-01', 'RM-01'] }],
    queues: [{ ...base.queues[0]!, serviceCodes: ['ID-01'] }, { ...base.queues[1]!, serviceCodes: ['RM-01'] }, base.queues[2]!],
    desks: deskCodes.map((deskCode, i) => ({
      deskCode,
      window: String(i + 1),
      profile: { queues: [{ queueCode: 'A' }, { queueCode: 'B' }, { queueCode: 'V' }] },
    })),
    booking: undefined,
  };
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

/** What the load measured, filled by every desk's loop. */
interface Tally {
  pushMs: number[];
  /** Each poll, to the head. */
  pullMs: number[];
  firstTry: number;
  pushes: number;
  applied: number;
  /** Codes of results other than applied: a figure of refusals would mean nothing, so any makes the bench fail. */
  refused: string[];
  lagMs: number[];
  /** Each record pushed: its author desk, its center, when its push was answered (null until then), who of its center saw it. */
  records: Map<string, { author: number; center: string; answeredAt: number | null; seenBy: Set<number> }>;
}

function observe(tally: Tally, observer: SimulatedDesk, index: number, record: string): void {
  const pushed = tally.records.get(record);
  if (!pushed || pushed.center !== observer.identity.centerCode || pushed.author === index || pushed.seenBy.has(index)) return;
  pushed.seenBy.add(index);
  // Seen before the author had its answer: committed, and visible at once.
  tally.lagMs.push(pushed.answeredAt === null ? 0 : Math.max(0, performance.now() - pushed.answeredAt));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A clerk at work: the next action's push a think time after the last one's answer. */
async function pushLoop(desk: SimulatedDesk, index: number, stopAt: number, tally: Tally): Promise<void> {
  const next = visitScript(desk.identity);
  while (Date.now() < stopAt) {
    await pause(Math.min(-THINK_MS * Math.log(1 - Math.random()), stopAt - Date.now()));
    if (Date.now() >= stopAt) break;
    const { mutations, records } = next();
    for (const record of records)
      tally.records.set(record, { author: index, center: desk.identity.centerCode, answeredAt: null, seenBy: new Set() });
    const started = performance.now();
    // A push still waiting out a 503 when the time is up may finish: it is part of the load.
    const { results, retries } = await pushBatch(desk, mutations, stopAt + 30_000);
    const answeredAt = performance.now();
    tally.pushMs.push(answeredAt - started);
    tally.pushes += 1;
    if (retries === 0) tally.firstTry += 1;
    for (const result of results) {
      if (result.status === 'applied') tally.applied += 1;
      else tally.refused.push(result.status === 'rejected' ? `${result.status}: ${result.code} ${result.message}` : result.status);
    }
    for (const record of records) tally.records.get(record)!.answeredAt = answeredAt;
  }
}

/**
 * The desk's sync polling its center every PULL_EVERY_MS (from a random phase, as desks start at
 * different moments) until every desk's pushes are answered, then once more for the last of them.
 */
async function pullLoop(desk: SimulatedDesk, index: number, pushing: { done: boolean }, tally: Tally): Promise<void> {
  await pause(Math.random() * PULL_EVERY_MS);
  for (let last = false; !last;) {
    last = pushing.done;
    const started = performance.now();
    await pullToHead(desk, (record) => observe(tally, desk, index, record));
    tally.pullMs.push(performance.now() - started);
    if (!last) await pause(PULL_EVERY_MS);
  }
}

async function databaseBytes(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ bytes: string }>("SELECT pg_database_size('vikno') AS bytes");
  return Number(rows[0]!.bytes);
}

function emptyTally(): Tally {
  return { pushMs: [], pullMs: [], firstTry: 0, pushes: 0, applied: 0, refused: [], lagMs: [], records: new Map() };
}

/** The figures of one run with `deskCount` desks polling alone for `idleSeconds`, then pushing and pulling for `seconds`. */
async function measure(deskCount: number, idleSeconds: number, seconds: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-region-bench-'));
  const postgres = await startPostgres({ durable: true });
  const client = new pg.Client({ connectionString: postgres.url });
  let connected = false;
  try {
    const dataDir = join(dir, 'server');
    const server = await startServerProcess(root, dataDir, postgres.url);
    try {
      const instance = liveInstance(dataDir);
      if (!instance) throw new Error('the bench server wrote no instance file');
      await publishCatalogThrough(
        instance,
        CatalogDocument.parse(JSON.parse(readFileSync(join(root, 'docs', 'catalog.sample.json'), 'utf8'))),
      );
      const places = Array.from({ length: deskCount }, (_, i) => {
        const center = Math.floor(i / DESKS_PER_CENTER) + 1;
        // Each center from its own address, as a region's centers reach the back office.
        return {
          centerCode: `R${String(center).padStart(2, '0')}`,
          deskCode: `D${(i % DESKS_PER_CENTER) + 1}`,
          sourceAddress: `127.0.1.${center}`,
        };
      });
      // The codes first: the back office knows a center once a code was issued for one of its desks.
      const codes = await inBatches(places, SETUP_CONCURRENCY, (place) => server.enrollmentCode(place.centerCode, place.deskCode));
      const centers = [...new Set(places.map((p) => p.centerCode))];
      // One clerk account per center (a scrypt hash each on the server): its desks each sign their own session of it.
      const clerks = new Map(
        await inBatches(centers, SETUP_CONCURRENCY, async (centerCode) => {
          const deskCodes = places.filter((p) => p.centerCode === centerCode).map((p) => p.deskCode);
          await configureQueueThrough(instance, queueConfig(centerCode, deskCodes));
          const id = await server.clerkAccount(centerCode, `bench.${centerCode.toLowerCase()}`);
          return [centerCode, { id, name: 'Клерк стенду' }] as const;
        }),
      );
      const desks = await inBatches(
        places.map((place, i) => ({ place, code: codes[i]! })),
        SETUP_CONCURRENCY,
        ({ place, code }) => enrollDesk(server.url, place, code, clerks.get(place.centerCode)!),
      );
      // Every desk at the head first, as desks that worked yesterday are: the load's pulls carry only the load's changes.
      await inBatches(desks, SETUP_CONCURRENCY, (desk) => pullToHead(desk, () => undefined));

      await client.connect();
      connected = true;
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const postmaster = parentOf(rows[0]!.pid);
      const bytesBefore = await databaseBytes(client);
      const tablesBefore = await tableBytes(client);
      const cpuDuring = async (run: () => Promise<void>) => {
        const before = { server: cpuSeconds(instance.pid), cluster: clusterCpuSeconds(postmaster) };
        await run();
        return { server: cpuSeconds(instance.pid) - before.server, cluster: clusterCpuSeconds(postmaster) - before.cluster };
      };

      // Polls alone first: what idle desks cost, so that the load's CPU splits into polls and mutations.
      const idle = emptyTally();
      const idleCpu = await cpuDuring(async () => {
        const quiet = { done: false };
        const polls = Promise.all(desks.map((desk, i) => pullLoop(desk, i, quiet, idle)));
        await pause(idleSeconds * 1000);
        quiet.done = true;
        await polls;
      });

      const tally = emptyTally();
      let loadSeconds = 0;
      const waits = sampleWaits(client);
      const loadCpu = await cpuDuring(async () => {
        const started = performance.now();
        const stopAt = Date.now() + seconds * 1000;
        const pushing = { done: false };
        const pulls = Promise.all(desks.map((desk, i) => pullLoop(desk, i, pushing, tally)));
        await Promise.all(desks.map((desk, i) => pushLoop(desk, i, stopAt, tally)));
        loadSeconds = (performance.now() - started) / 1000;
        pushing.done = true;
        await pulls;
      });
      // A profile, not a figure (a share may be 0): where PostgreSQL's sessions spent the load.
      process.stderr.write(`region, ${deskCount} desks: the back office's PostgreSQL sessions under load: ${await waits.stop()}\n`);

      if (tally.refused.length > 0)
        throw new Error(`the back office did not apply ${tally.refused.length} mutations, e.g. ${tally.refused[0]}`);
      const peers = (center: string) => places.filter((p) => p.centerCode === center).length - 1;
      const unseen = [...tally.records].filter(([, r]) => r.seenBy.size < peers(r.center));
      if (unseen.length > 0)
        throw new Error(`${unseen.length} pushed records never reached every desk of their center, e.g. ${unseen[0]![0]}`);
      const applications = [...tally.records.keys()].filter((r) => /^application:.*:1$/.test(r)).length;
      const bytesPerApplication = ((await databaseBytes(client)) - bytesBefore) / applications;
      process.stderr.write(
        `region, ${deskCount} desks: what the load's bytes went to: ${growthShares(tablesBefore, await tableBytes(client))}\n`,
      );
      const { rows: connections } = await client.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = 'vikno' AND pid <> pg_backend_pid()",
      );
      const memory = residentMiB(instance.pid);
      const perPoll = { server: idleCpu.server / idle.pullMs.length, cluster: idleCpu.cluster / idle.pullMs.length };
      // The load's CPU less its polls at the idle cost of a poll: what the mutations (and the changes they add to pulls) cost.
      const perThousand = (cpu: number, poll: number) => (1000 * 1000 * (cpu - poll * tally.pullMs.length)) / tally.applied;
      const at = `${deskCount} desks`;
      return [
        {
          name: `region, ${at}: sustained mutations/s (a desk acts every ~${THINK_MS / 1000} s)`,
          value: tally.applied / loadSeconds,
          unit: 'mutations/s',
        },
        { name: `region, ${at}: push p50`, value: quantile(tally.pushMs, 0.5), unit: 'ms' },
        { name: `region, ${at}: push p99 (goal ≤ 250 ms at 200 desks)`, value: quantile(tally.pushMs, 0.99), unit: 'ms' },
        { name: `region, ${at}: pushes taken at the first try (no 503)`, value: (100 * tally.firstTry) / tally.pushes, unit: '%' },
        { name: `region, ${at}: pull p99 (a poll to the head)`, value: quantile(tally.pullMs, 0.99), unit: 'ms' },
        {
          name: `region, ${at}: pull lag p50 (push answered → seen in another desk's poll every ${PULL_EVERY_MS / 1000} s)`,
          value: quantile(tally.lagMs, 0.5),
          unit: 'ms',
        },
        { name: `region, ${at}: pull lag p99 (goal ≤ 2,000 ms at 200 desks)`, value: quantile(tally.lagMs, 0.99), unit: 'ms' },
        { name: `region, ${at}: back-office RSS at the end`, value: memory.now, unit: 'MiB' },
        { name: `region, ${at}: back-office RSS peak`, value: memory.peak, unit: 'MiB' },
        { name: `region, ${at}: back-office CPU per 1,000 idle polls`, value: 1000 * 1000 * perPoll.server, unit: 'ms' },
        { name: `region, ${at}: PostgreSQL CPU per 1,000 idle polls`, value: 1000 * 1000 * perPoll.cluster, unit: 'ms' },
        {
          name: `region, ${at}: back-office CPU per 1,000 mutations (polls apart)`,
          value: perThousand(loadCpu.server, perPoll.server),
          unit: 'ms',
        },
        {
          name: `region, ${at}: PostgreSQL CPU per 1,000 mutations (polls apart)`,
          value: perThousand(loadCpu.cluster, perPoll.cluster),
          unit: 'ms',
        },
        { name: `region, ${at}: PostgreSQL connections of the back office`, value: Number(connections[0]!.n), unit: 'connections' },
        {
          name: `region: PostgreSQL size per 1M applications (extrapolated from ${applications} with their day's applicants, moves, tickets)`,
          value: (bytesPerApplication * 1_000_000) / 2 ** 30,
          unit: 'GiB',
        },
      ];
    } finally {
      const code = await server.stop();
      if (code !== 0) process.stderr.write(`the region bench's server exited with ${code}:\n${server.output()}\n`);
    }
  } finally {
    if (connected) await client.end();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 200 desks, 20 s of polls then 90 s of load (20 desks, 5 s and 15 s with --quick). */
export async function regionFigures(quick: boolean): Promise<Figure[]> {
  return quick ? measure(20, 5, 15) : measure(200, 20, 90);
}
