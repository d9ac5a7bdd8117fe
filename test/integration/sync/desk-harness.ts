/**
 * Real desks (createBackend on a temp data folder) syncing with the real back office through
 * a fault-injecting proxy, for the end-to-end sync tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import type { SyncStatus, ViknoApi } from '../../../shared/contract';
import type { MoveData } from '../../../shared/domain/status-move';
import type { Application } from '../../../shared/domain/application';
import type { SqlParam } from '../../../server/storage/storage';
import { enrollAndSignIn } from '../../helpers/enroll-and-sign-in';
import type { DeskClerk, EnrollAs } from '../../helpers/enroll-and-sign-in';
import { startFaultProxy } from '../../helpers/fault-proxy';
import type { FaultProxy } from '../../helpers/fault-proxy';
import { memoryLogger } from '../../helpers/memory-logger';
import type { MemoryLogger } from '../../helpers/memory-logger';
import { signInClerk } from '../../helpers/sign-in';
import { afterSignIn } from '../../helpers/sign-in-first';
import { useTempDirs } from '../../helpers/temp-dir';
import type { Harness } from '../server/harness';

const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');

export const CENTER = 'KV01';

export const PERSON = {
  kind: 'person' as const,
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  patronymic: 'Іванівна',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
  phone: '+380671234567',
};

export async function value<T>(
  promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export interface TestDesk {
  /** The desk's window: once the desk is enrolled (or reopened after), its clerk is signed in before any call goes through. */
  api: ViknoApi;
  backend: Backend;
  dataDir: string;
  deskCode: string;
  logger: MemoryLogger;
  /** The desk's SQLite file; read it with `readDb` while the backend runs (WAL), write it only while closed. */
  dbFile: string;
  syncNow(): Promise<SyncStatus>;
  /**
   * The admin enrolls the desk with a back-office account made for it (or the one given), which the
   * enrollment pulls; then that clerk signs in (test/helpers/enroll-and-sign-in.ts). A desk with a
   * back office has no clerk before: work happens after this.
   */
  enroll(account?: Pick<EnrollAs, 'roles' | 'login' | 'fullName'>): Promise<SyncStatus>;
  /**
   * Does `work` (after `enroll`) while the back office answers every push "busy, come back in five
   * minutes", then lets the desk's last try end: what `work` queued waits, and the next sync
   * pushes it in one batch. (Tests used to queue their work before enrolling; a desk with a back
   * office has no clerk before it is enrolled now.)
   */
  backlog<T>(work: () => Promise<T>): Promise<T>;
  /** The clerk signed in since `enroll` (or since this data folder was last enrolled); null before. */
  clerk(): DeskClerk | null;
  /** Saves the sample applicant once per desk and registers one application for a sample-catalog service (MS-01 unless given). */
  register(serviceCode?: string): Promise<Application>;
  changeStatus(id: string, to: Application['status'], extra?: MoveData): Promise<Application>;
  close(): Promise<void>;
}

export interface DeskOptions {
  /** Reuse a data folder (a restart after a crash). */
  dataDir?: string;
  now?: () => Date;
  /** The sync engine's random source: seeded, a run replays. */
  random?: () => number;
  /** The desk's HTTP client (e.g. one a test can switch off per desk). */
  fetch?: typeof fetch;
  /** The desk's center: KV01 unless given. */
  center?: string;
}

export interface SyncWorld {
  proxy: FaultProxy;
  /** A desk of center KV01 (or `options.center`) whose back office is the proxy; a fresh desk code per call unless given. */
  openDesk(deskCode?: string, options?: DeskOptions): TestDesk;
  /** Two enrolled desks of KV01 and an application registered at the first, synced by both. */
  twoDesksWithApplication(): Promise<{ a: TestDesk; b: TestDesk; app: Application }>;
}

/** Reads a desk's database through a second (read-only) connection. */
export function readDb<T>(desk: Pick<TestDesk, 'dbFile'>, read: (db: Database.Database) => T): T {
  const db = new Database(desk.dbFile, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Writes to a desk's database; the backend must be closed. */
export function writeDb<T>(dbFile: string, write: (db: Database.Database) => T): T {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    return write(db);
  } finally {
    db.close();
  }
}

/**
 * Who made a change on `desk` as the desk stamps it: its clerk (since `enroll`) and that clerk's
 * latest sign-in session, for changes a test writes into the desk's database itself.
 */
export function stampOf(desk: Pick<TestDesk, 'dbFile' | 'clerk'>): { actor: string; sessionId: string } {
  const clerk = desk.clerk();
  if (!clerk) throw new Error('No clerk works at this desk yet: enroll it first');
  const sessionId = readDb(desk, (db) =>
    db.prepare('SELECT id FROM clerk_sessions WHERE clerk_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1').pluck().get(clerk.id),
  ) as string | undefined;
  if (!sessionId) throw new Error(`${clerk.login} never signed in at this desk`);
  return { actor: clerk.id, sessionId };
}

export function outboxRows(
  desk: Pick<TestDesk, 'dbFile'>,
): Array<{ mutation_id: string; aggregate: string; kind: string; status: string; server_version: number | null }> {
  return readDb(
    desk,
    (db) => db.prepare('SELECT mutation_id, aggregate, kind, status, server_version FROM outbox ORDER BY seq').all() as never,
  );
}

export function pullCursor(desk: Pick<TestDesk, 'dbFile'>): number {
  return Number(readDb(desk, (db) => db.prepare("SELECT value FROM sync_state WHERE key = 'pull_cursor'").pluck().get() ?? '0'));
}

/** A JSON array parameter for `= ANY(ids($1))`-style queries: `IN (SELECT jsonb_array_elements_text($1::jsonb))`. */
export const ids = (values: readonly string[]): string => JSON.stringify(values);

/** A number on the server, from a query returning one row with column `n`. */
export async function count(harness: Harness, sql: string, params: SqlParam[] = []): Promise<number> {
  const [row] = await harness.storage.query<{ n: number | string }>(sql, params);
  return Number(row?.n ?? 0);
}

let deskSeq = 0;

/** The proxy in front of `harness` for the enclosing describe block, and desks closed after each test. */
export function useSyncWorld(harness: Harness): SyncWorld {
  const tempDir = useTempDirs();
  const world = {} as SyncWorld;
  const open: TestDesk[] = [];
  /** Who works at each data folder: a desk reopened on it signs that clerk in again, as after a restart. */
  const clerks = new Map<string, DeskClerk>();
  beforeAll(async () => {
    world.proxy = await startFaultProxy(harness.url);
  });
  afterEach(async () => {
    world.proxy.setMode('pass');
    for (const desk of open.splice(0)) await desk.close();
  });
  afterAll(async () => {
    await world.proxy.close();
  });
  world.openDesk = (deskCode = String(10 + (deskSeq++ % 89)), options = {}) => {
    const dataDir = options.dataDir ?? join(tempDir(), 'data');
    const centerCode = options.center ?? CENTER;
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({
        center: { code: centerCode, name: 'ЦНАП Київ' },
        desk: { code: deskCode, window: deskCode },
        backOffice: { url: world.proxy.url },
      }),
    );
    const logger = memoryLogger();
    const { now, random, fetch } = options;
    const backend = createBackend({
      dataDir,
      appVersion: 'test',
      logger,
      fontDir: RECEIPT_FONTS,
      ...(now ? { now } : {}),
      ...(random ? { random } : {}),
      ...(fetch ? { fetch } : {}),
    });
    const connection = connectInProcess(backend);
    const known = clerks.get(dataDir);
    // Reopened on an enrolled data folder: its clerk signs in again, as after a restart.
    const api = afterSignIn(connection, (window) => (known ? signInClerk(window, known.login, known.password) : Promise.resolve()));
    let applicantId: string | null = null;
    let closed = false;
    const desk: TestDesk = {
      api,
      backend,
      dataDir,
      deskCode,
      logger,
      dbFile: join(dataDir, 'vikno.db'),
      syncNow: () => value(api.call('sync.now', {})),
      enroll: async (account = {}) => {
        const { clerk, status } = await enrollAndSignIn(api, harness.storage, { centerCode, deskCode, ...account });
        clerks.set(dataDir, clerk);
        return status;
      },
      backlog: async (work) => {
        world.proxy.setMode({ kind: 'busy', path: '/sync/push' });
        try {
          const done = await work();
          // Waits for the attempt in flight and makes one more: the desk's next try is minutes away.
          await desk.syncNow();
          return done;
        } finally {
          world.proxy.setMode('pass');
        }
      },
      clerk: () => clerks.get(dataDir) ?? null,
      register: async (serviceCode = 'MS-01') => {
        // The desk's first registration brings the applicant; later ones pick it (also one pulled from another desk).
        applicantId ??=
          (readDb(desk, (db) => db.prepare('SELECT id FROM applicants WHERE deleted_at IS NULL LIMIT 1').pluck().get()) as
            string | undefined) ?? null;
        // By default a service whose result may go by post as well, so the scenarios can correct the delivery.
        const [service] = await value(api.call('catalog.search', { q: serviceCode }));
        // Every document the card requires, so the registration needs no "applicant insists".
        const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
        const app = await value(
          api.call(
            'intake.register',
            applicantId === null ? { serviceId: service!.id, applicant: PERSON, items } : { serviceId: service!.id, applicantId, items },
          ),
        );
        applicantId = app.applicant.id;
        return app;
      },
      changeStatus: (id, to, extra = {}) => value(api.call('applications.changeStatus', { id, to, ...extra })),
      close: async () => {
        if (closed) return;
        closed = true;
        api.disconnect();
        await backend.close();
      },
    };
    open.push(desk);
    return desk;
  };
  world.twoDesksWithApplication = async () => {
    const [a, b] = [world.openDesk(), world.openDesk()];
    await a.enroll();
    await b.enroll();
    const app = await a.register();
    await a.syncNow();
    await b.syncNow();
    return { a, b, app };
  };
  return world;
}
