/**
 * recordResults writes a push's acknowledgements set-wise (one statement for the outbox rows, one
 * per aggregate table): it must store exactly what recording each answer on its own did.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../main/backend/db/open';
import { AGGREGATE_TABLES, recordResults, splitAggregate } from '../../../main/backend/sync/outbox-queue';
import type { MutationResult } from '../../../shared/sync-protocol';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-27T09:30:00.000Z');
const delay = (attempts: number) => 1000 * (attempts + 1);

/** The answers one at a time, as recordResults did before it wrote acknowledgements set-wise: the reference (its own code, all of it). */
function recordOneByOne(db: Db, results: readonly MutationResult[]): void {
  const at = NOW.toISOString();
  const setStatus = db.prepare(
    'UPDATE outbox SET status = ?, acked_at = ?, server_version = ?, last_error = ?, next_attempt_at = ? WHERE mutation_id = ?',
  );
  for (const result of results) {
    const row = db.prepare('SELECT aggregate, attempts FROM outbox WHERE mutation_id = ?').get(result.mutationId) as
      { aggregate: string; attempts: number } | undefined;
    if (!row) continue;
    const { mutationId } = result;
    if (result.status === 'applied' || result.status === 'duplicate') {
      setStatus.run('acked', at, result.version, null, null, mutationId);
      const [kind, id] = splitAggregate(row.aggregate);
      const table = AGGREGATE_TABLES[kind];
      if (table && result.version !== null)
        db.prepare(`UPDATE ${table} SET server_version = max(coalesce(server_version, 0), ?) WHERE id = ?`).run(result.version, id);
    } else if (result.status === 'conflict') {
      const error = JSON.stringify({ fields: result.fields, server: result.server, version: result.version });
      setStatus.run('conflict', null, null, error, null, mutationId);
    } else if (result.status === 'rejected') {
      const error = JSON.stringify({ code: result.code, message: result.message, fieldErrors: result.fieldErrors });
      setStatus.run('dead', null, null, error, null, mutationId);
    } else {
      const next = new Date(NOW.getTime() + delay(row.attempts)).toISOString();
      setStatus.run(result.reason === 'blob_missing' ? 'blocked_on_blob' : 'pending', null, null, result.reason, next, mutationId);
    }
  }
}

/** Four applicants, each with its create queued, and two more queued edits of the first: acks of one record more than once. */
function queuedDesk(): { db: Db; ids: string[] } {
  const desk = openTestDesk(tempDir());
  for (let i = 0; i < 4; i += 1)
    addApplicant(desk.env, { kind: 'person', surname: `Тест${i}`, givenName: 'Іван', rnokppAbsent: 'religious' });
  const first = desk.db.prepare('SELECT * FROM outbox ORDER BY seq LIMIT 1').get() as { aggregate: string; payload: string; actor: string };
  for (const n of [1, 2]) {
    desk.db
      .prepare(
        "INSERT INTO outbox (mutation_id, aggregate, kind, payload, actor, status, created_at) VALUES (?, ?, 'applicant.update', ?, ?, 'inflight', ?)",
      )
      .run(`extra-${n}`, first.aggregate, first.payload, first.actor, NOW.toISOString());
  }
  desk.db.prepare('UPDATE applicants SET server_version = 3 WHERE rowid = (SELECT min(rowid) FROM applicants)').run();
  return { db: desk.db, ids: desk.db.prepare('SELECT mutation_id FROM outbox ORDER BY seq').pluck().all() as string[] };
}

const state = (db: Db) => ({
  outbox: db.prepare('SELECT mutation_id, status, acked_at, server_version, last_error, next_attempt_at FROM outbox ORDER BY seq').all(),
  applicants: db.prepare('SELECT id, server_version FROM applicants ORDER BY id').all(),
});

const Answer = fc.oneof(
  fc.record({ status: fc.constantFrom('applied' as const, 'duplicate' as const), version: fc.option(fc.integer({ min: 1, max: 6 })) }),
  fc.constant({ status: 'conflict' as const, fields: ['surname'], server: { surname: 'Інше' }, version: 4 }),
  fc.constant({ status: 'rejected' as const, code: 'invalid', message: 'Ні', fieldErrors: [] }),
  fc.constantFrom('blob_missing', 'predecessor_missing').map((reason) => ({ status: 'retry_later' as const, reason })),
);

// Two real desk databases a run: over the default 5 s when the shared machine is busy.
describe('recordResults, acknowledgements set-wise', { timeout: 30_000 }, () => {
  it('stores exactly what recording each answer on its own stored: statuses, versions, errors and each record’s highest version', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(7), Answer), { maxLength: 10 }), (answers) => {
        const { db, ids } = queuedDesk();
        // A copy of the same desk: the reference path runs on it.
        const copy = join(tempDir(), 'reference.db');
        db.prepare('VACUUM INTO ?').run(copy);
        const reference = new Database(copy) as unknown as Db;
        // Each mutation answered once, as the server does; index 7 names a mutation this desk does not hold.
        const seen = new Set<number>();
        const results = answers.flatMap(([n, answer]): MutationResult[] => {
          if (seen.has(n)) return [];
          seen.add(n);
          return [{ mutationId: ids[n] ?? `unknown-${n}`, ...answer } as MutationResult];
        });
        recordResults(db, results, NOW, delay);
        recordOneByOne(reference, results);
        expect(state(db)).toEqual(state(reference));
        reference.close();
        db.close();
      }),
      { numRuns: 30 },
    );
  });
});
