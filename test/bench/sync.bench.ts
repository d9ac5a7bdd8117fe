import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deskPublicKey, signSession } from '../../main/backend/auth/desk-key';
import { openDatabase } from '../../main/backend/db/open';
import type { Db } from '../../main/backend/db/open';
import { uploadBlob } from '../../main/backend/blobs/upload-blob';
import { uuidv7 } from '../../main/backend/ids';
import type { Logger } from '../../main/backend/log/logger';
import { createSyncEngine } from '../../main/backend/sync/engine';
import { createSyncHttp } from '../../main/backend/sync/http-client';
import type { SyncHttp } from '../../main/backend/sync/http-client';
import { queueCounts } from '../../main/backend/sync/outbox-queue';
import { createChangeApplier } from '../../main/backend/sync/pull-apply';
import { writeSyncState } from '../../main/backend/sync/sync-state';
import { bindDeviceKey } from '../../main/backend/sync/sealed-state';
import { startPostgres } from '../helpers/postgres';
import { quantile } from './report';
import type { Figure } from './report';
import { startServerProcess } from '../helpers/server-process';

type BenchServer = Awaited<ReturnType<typeof startServerProcess>>;
import type { MutationPayload } from '../../shared/sync-mutations';
import { applicantRow } from '../helpers/applicant-row';

/** The repository: this file runs bundled as dist/bench/bench.cjs. */
const root = join(__dirname, '..', '..');

const quiet: Logger = { log: () => undefined, setLevel: () => undefined, close: () => Promise.resolve() };

interface BenchDesk {
  db: Db;
  http: ReturnType<typeof createSyncHttp>;
  /** The center's clerk signed in on this desk: the actor and session of every mutation it queues. */
  stamp: { actor: string; sessionId: string };
}

/** Enrolled with its key, and a clerk of the center signed in (a session signed by the desk), as a working desk is. */
async function enrolledDesk(dir: string, server: BenchServer, deskCode: string): Promise<BenchDesk> {
  const db = openDatabase(join(dir, 'vikno.db'));
  // As createBackend does at start: the desk's private key is stored sealed with a device key.
  bindDeviceKey(db, randomBytes(32));
  let token: string | null = null;
  // The code first: the back office knows a center once a code was issued for one of its desks.
  const code = await server.enrollmentCode('KV01', deskCode);
  const clerkId = await server.clerkAccount('KV01', `bench.${deskCode}`);
  const http = createSyncHttp({ baseUrl: server.url, token: () => token, actor: () => clerkId, fetch, now: () => new Date() });
  const enrolled = await http.enroll(code, 'bench', deskPublicKey(db), { centerCode: 'KV01', deskCode });
  if (enrolled.kind !== 'ok') throw new Error(`enrollment failed: ${enrolled.kind}`);
  token = enrolled.value.deviceToken;
  writeSyncState(db, 'device_token', token);
  writeSyncState(db, 'device_id', enrolled.value.deviceId);
  writeSyncState(db, 'desk_key_registered', new Date().toISOString());
  const session = { sessionId: uuidv7(), clerkId, startedAt: new Date().toISOString() };
  db.prepare(
    "INSERT INTO clerks (id, full_name, roles, is_local, created_at, updated_at) VALUES (?, 'Клерк стенду', '[\"clerk\"]', 0, ?, ?)",
  ).run(clerkId, session.startedAt, session.startedAt);
  db.prepare('INSERT INTO clerk_sessions (id, clerk_id, started_at, signature) VALUES (?, ?, ?, ?)').run(
    session.sessionId,
    clerkId,
    session.startedAt,
    signSession(db, session),
  );
  return { db, http, stamp: { actor: clerkId, sessionId: session.sessionId } };
}

/** `count` applicant.create mutations, as commands would have queued them (the desk rows are not needed to push). */
function queueApplicants(desk: BenchDesk, count: number): void {
  const { db, stamp } = desk;
  const insert = db.prepare(
    `INSERT INTO outbox (mutation_id, aggregate, kind, payload, actor, session_id, status, created_at)
     VALUES (?, ?, 'applicant.create', ?, ?, ?, 'pending', ?)`,
  );
  const at = new Date().toISOString();
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const id = uuidv7();
      const payload: MutationPayload<'applicant.create'> = {
        ...applicantRow(id, 'Шевченко'),
        given_name: 'Марʼяна',
        patronymic: 'Іванівна',
        birth_date: '1988-03-14',
        phone: '+380671234567',
        display_name: `Шевченко Марʼяна Іванівна ${i}`,
        search_name: `шевченко маряна іванівна ${i}`,
      };
      insert.run(uuidv7(), `applicant:${id}`, JSON.stringify(payload), stamp.actor, stamp.sessionId, at);
    }
  })();
}

/**
 * The sync engine pushing until the outbox is empty. Its pulls are answered empty (this desk
 * measures pushing alone; the second desk measures pulling).
 */
async function pushAll(desk: BenchDesk): Promise<void> {
  const pushOnly: SyncHttp = {
    ...desk.http,
    pull: (cursor) =>
      Promise.resolve({
        kind: 'ok',
        value: { changes: [], cursor, hasMore: false, serverTime: new Date().toISOString() },
        clockOffsetMs: 0,
      }),
  };
  const engine = createSyncEngine({
    db: desk.db,
    http: pushOnly,
    now: () => new Date(),
    logger: quiet,
    applyChanges: () => undefined,
    onStatus: () => undefined,
  });
  engine.start();
  await engine.waitForIdle();
  await engine.stop();
}

/** A server that writes each POSTed body to disk: the floor a scan upload is compared with. */
async function plainSink(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const sink = createServer((req, res) => {
    const out = createWriteStream(join(dir, 'plain-upload'));
    req.pipe(out);
    out.on('finish', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const { port } = sink.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => sink.close(() => resolve())) };
}

async function secondsOf(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

/**
 * The scan upload against a plain HTTP POST of the same bytes, in turns over several rounds
 * (each round a new file: the server keeps a stored file and would answer "exists"; the order
 * alternates so neither always runs second). One pair of uploads swung from 42 % to 155 % between
 * runs on an idle machine; the median of the rounds and their spread say what the ratio is.
 */
async function uploadFigures(
  kind: 'pglite' | 'postgresql',
  url: string,
  token: string,
  dir: string,
  megabytes: number,
  rounds: number,
): Promise<Figure[]> {
  const sink = await plainSink(dir);
  const ratios: number[] = [];
  const rates: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      const file = join(dir, `scan-${round}.bin`);
      const bytes = randomBytes(megabytes * 1024 * 1024);
      writeFileSync(file, bytes);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const plain = () => secondsOf(async () => (await fetch(sink.url, { method: 'POST', body: readFileSync(file) })).text());
      const scan = () => secondsOf(() => uploadBlob({ baseUrl: url, token: () => token, actor: () => 'bench', fetch }, sha256, file));
      let plainSeconds: number;
      let scanSeconds: number;
      if (round % 2 === 0) {
        plainSeconds = await plain();
        scanSeconds = await scan();
      } else {
        scanSeconds = await scan();
        plainSeconds = await plain();
      }
      ratios.push((100 * plainSeconds) / scanSeconds);
      rates.push(megabytes / scanSeconds);
      rmSync(file);
    }
  } finally {
    await sink.close();
  }
  const goal = kind === 'postgresql' ? ' (goal ≥ 80%)' : '';
  return [
    {
      name: `scan upload, ${kind}, ${rounds} × ${megabytes} MB (resumable, checksummed), median`,
      value: quantile(rates, 0.5),
      unit: 'MB/s',
    },
    { name: `scan upload / plain HTTP upload, ${kind}, median of ${rounds} rounds${goal}`, value: quantile(ratios, 0.5), unit: '%' },
    { name: `scan upload / plain HTTP upload, ${kind}, lowest round`, value: Math.min(...ratios), unit: '%' },
    { name: `scan upload / plain HTTP upload, ${kind}, highest round`, value: Math.max(...ratios), unit: '%' },
  ];
}

async function measure(kind: 'pglite' | 'postgresql', count: number, upload: { megabytes: number; rounds: number }): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), `vikno-sync-bench-${kind}-`));
  const postgres = kind === 'postgresql' ? await startPostgres({ durable: true }) : null;
  try {
    // Its own process, as in production (another machine): its work and the desk's overlap as they would.
    const server = await startServerProcess(root, join(dir, 'server'), postgres?.url, ['--max-file-mb', '300']);
    try {
      const pusher = await enrolledDesk(mkdtempSync(join(dir, 'a-')), server, '01');
      queueApplicants(pusher, count);
      const pushStart = performance.now();
      await pushAll(pusher);
      const pushSeconds = (performance.now() - pushStart) / 1000;
      if (queueCounts(pusher.db).pending !== 0) throw new Error('push left mutations behind');
      // Applied, not refused: a figure of refusals (e.g. a session the server does not take) would mean nothing.
      const acked = pusher.db.prepare("SELECT count(*) FROM outbox WHERE status = 'acked'").pluck().get() as number;
      if (acked !== count) throw new Error(`the back office applied ${acked} of ${count} mutations`);

      const puller = await enrolledDesk(mkdtempSync(join(dir, 'b-')), server, '02');
      // The desk's share of a pull: writing the records (and indexing names for search).
      const applier = createChangeApplier(quiet);
      let applyMs = 0;
      const engine = createSyncEngine({
        db: puller.db,
        http: puller.http,
        now: () => new Date(),
        logger: quiet,
        applyChanges: (db, changes) => {
          const start = performance.now();
          applier(db, changes);
          applyMs += performance.now() - start;
        },
        onStatus: () => undefined,
      });
      const pullStart = performance.now();
      engine.start();
      await engine.waitForIdle();
      const pullSeconds = (performance.now() - pullStart) / 1000;
      await engine.stop();
      const pulled = puller.db.prepare('SELECT count(*) FROM applicants').pluck().get() as number;
      if (pulled !== count) throw new Error(`pulled ${pulled} applicants of ${count}`);
      const token = puller.db.prepare("SELECT value FROM sync_state WHERE key = 'device_token'").pluck().get() as string;
      const uploads = await uploadFigures(kind, server.url, token, dir, upload.megabytes, upload.rounds);
      pusher.db.close();
      puller.db.close();
      const goal = kind === 'postgresql';
      return [
        ...uploads,
        {
          name: `sync push, ${kind}, ${count} mutations${goal ? ' (goal ≥ 8,000/s)' : ''}`,
          value: count / pushSeconds,
          unit: 'mutations/s',
        },
        {
          name: `sync pull + apply, ${kind}, ${count} changes${goal ? ' (goal ≥ 20,000/s)' : ''}`,
          value: count / pullSeconds,
          unit: 'changes/s',
        },
        { name: `sync pull, ${kind}: applying on the desk, per change`, value: (1000 * applyMs) / count, unit: 'µs' },
        { name: `sync pull, ${kind}: applying on the desk, share of the pull`, value: (100 * applyMs) / (1000 * pullSeconds), unit: '%' },
      ];
    } finally {
      // Figures from a server that did not stop cleanly are still figures; say so, but keep them.
      const code = await server.stop();
      if (code !== 0) process.stderr.write(`the bench's server exited with ${code}:\n${server.output()}\n`);
    }
  } finally {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Push, pull and scan-upload throughput over loopback, on both storages the back office supports. */
export async function syncFigures(quick: boolean): Promise<Figure[]> {
  const count = quick ? 500 : 100_000;
  // Scans are a few MB each; 64 MB a round keeps the five rounds' uploads to about a minute.
  const upload = quick ? { megabytes: 8, rounds: 3 } : { megabytes: 64, rounds: 5 };
  return [...(await measure('pglite', count, upload)), ...(await measure('postgresql', count, upload))];
}
