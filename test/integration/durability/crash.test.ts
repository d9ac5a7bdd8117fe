import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../main/backend/audit/audit-log';
import { repoRoot } from '../../helpers/built-app';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const KILLS = 24;
const REG_NUMBER = /^KV01-07-20261127-(\d{4,})$/;

let bundleDir: string;
let childScript: string;

beforeAll(async () => {
  bundleDir = mkdtempSync(join(tmpdir(), 'vikno-crash-child-'));
  childScript = join(bundleDir, 'child.cjs');
  // The fixture is TypeScript with extensionless imports: bundle it so plain Node runs it.
  await build({
    entryPoints: [join(repoRoot, 'test', 'fixtures', 'crash', 'child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
});

afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

interface ChildRun {
  /** Registration numbers whose whole line (newline included) reached us. */
  acknowledged: string[];
  ready: Promise<void>;
  /** Settles when the process is gone and its stdout fully read. */
  closed: Promise<NodeJS.Signals | null>;
  kill(): void;
  stderr(): string;
}

function startChild(deskDir: string): ChildRun {
  const child = spawn(process.execPath, [childScript, deskDir], {
    // The bundle lives outside the repository; this is where its one external resolves from.
    env: { ...process.env, NODE_PATH: join(repoRoot, 'node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let pending = '';
  let err = '';
  let onReady = () => {};
  let onEarlyExit: (error: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    onEarlyExit = reject;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line === 'ready') onReady();
      else acknowledged.push(line);
    }
    // Whatever is left in `pending` is a line cut by the kill: never acknowledged.
  });
  const closed = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('close', (_code, signal) => {
      onEarlyExit(new Error(`the child exited before it was ready: ${err}`));
      resolve(signal);
    }),
  );
  return { acknowledged, ready, closed, kill: () => child.kill('SIGKILL'), stderr: () => err };
}

/** Everything the parent checks after a kill, read from the file the child left. */
/**
 * Resolves once the child has acknowledged `count` registrations (it registers without pause until
 * killed), or has gone by itself: the test's check of how it ended then says why.
 */
async function acknowledgedAtLeast(child: ChildRun, count: number): Promise<void> {
  let gone = false;
  void child.closed.then(() => {
    gone = true;
  });
  while (!gone && child.acknowledged.length < count) await delay(2);
}

function verifyAfterKill(file: string, everAcknowledged: ReadonlySet<string>): void {
  // Read-only, so the next run starts from exactly what the kill left (a hot WAL included).
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    const findApp = db.prepare('SELECT id FROM applications WHERE reg_number = ?').pluck();
    const outboxOf = db.prepare("SELECT count(*) FROM outbox WHERE kind = 'application.register' AND aggregate = ?").pluck();
    const auditOf = db.prepare("SELECT count(*) FROM audit_events WHERE action = 'application.register' AND entity_id = ?").pluck();
    for (const regNumber of everAcknowledged) {
      const id = findApp.get(regNumber) as string | undefined;
      expect(id, `acknowledged ${regNumber} is missing`).toBeDefined();
      expect(outboxOf.get(`application:${id}`), `outbox rows of ${regNumber}`).toBe(1);
      expect(auditOf.get(id), `audit events of ${regNumber}`).toBe(1);
    }
    // Committed but not acknowledged (killed between commit and print) is fine; half-committed is not.
    const numbers = db.prepare('SELECT reg_number FROM applications').pluck().all() as string[];
    expect(new Set(numbers).size).toBe(numbers.length);
    const sequence = numbers.map((n) => Number(REG_NUMBER.exec(n)?.[1])).sort((a, b) => a - b);
    expect(sequence).toEqual(sequence.map((_, i) => i + 1)); // no number lost to a rolled-back registration
    const unique = db.prepare(
      "SELECT count(*) FROM pragma_index_list('applications') l JOIN pragma_index_info(l.name) i WHERE l.[unique] = 1 AND i.name = 'reg_number'",
    );
    expect(unique.pluck().get()).toBe(1);
    expect(
      db
        .prepare(
          `SELECT count(*) FROM applications a
           WHERE (SELECT count(*) FROM outbox o WHERE o.kind = 'application.register' AND o.aggregate = 'application:' || a.id) <> 1
              OR (SELECT count(*) FROM audit_events e WHERE e.action = 'application.register' AND e.entity_id = a.id) <> 1`,
        )
        .pluck()
        .get(),
    ).toBe(0);
    expect(verifyAudit(db)).toEqual({ ok: true, entries: expect.any(Number) });
  } finally {
    db.close();
  }
}

describe('killing the desk at random moments', () => {
  it(`loses no acknowledged registration and leaves no half-written one (${KILLS} SIGKILLs)`, async () => {
    const deskDir = tempDir();
    const file = join(deskDir, 'vikno.db');
    const everAcknowledged = new Set<string>();
    for (let run = 0; run < KILLS; run += 1) {
      const child = startChild(deskDir);
      await child.ready;
      // Killed once it has done some work, a random amount, then at a random moment within the next
      // registrations: counted, not timed, so a loaded machine kills as late in the work as an idle one.
      await acknowledgedAtLeast(child, 1 + Math.floor(Math.random() * 10));
      await delay(Math.floor(Math.random() * 30));
      child.kill();
      expect(await child.closed, child.stderr()).toBe('SIGKILL');
      for (const regNumber of child.acknowledged) {
        expect(regNumber).toMatch(REG_NUMBER);
        expect(everAcknowledged.has(regNumber), `${regNumber} acknowledged twice`).toBe(false);
        everAcknowledged.add(regNumber);
      }
      verifyAfterKill(file, everAcknowledged);
    }
    // The runs did real work: a test whose child never registered anything would prove nothing.
    expect(everAcknowledged.size).toBeGreaterThanOrEqual(KILLS);
  });
});
