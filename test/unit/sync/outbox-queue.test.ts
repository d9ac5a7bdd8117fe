/**
 * The outbox queue on its own (main/backend/sync/outbox-queue.ts), on a real desk database: which
 * mutations the next push takes, how the server's answers are recorded, and what a restored server
 * makes the desk send again.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../main/backend/db/open';
import { queueCounts, recordResults, requeueDelivered, takeBatch } from '../../../main/backend/sync/outbox-queue';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-27T09:30:00.000Z');

/** A desk with `n` applicants saved, each one queued mutation; returns their mutation ids in order. */
function deskWithQueue(n: number): { desk: TestDesk; ids: string[]; applicantIds: string[] } {
  const desk = openTestDesk(tempDir());
  const applicantIds = Array.from(
    { length: n },
    (_, i) => addApplicant(desk.env, { kind: 'person', surname: `Тест${i}`, givenName: 'Іван', rnokppAbsent: 'religious' }).id,
  );
  const ids = desk.db.prepare('SELECT mutation_id FROM outbox ORDER BY seq').pluck().all() as string[];
  return { desk, ids, applicantIds };
}

function row(db: Db, mutationId: string) {
  return db
    .prepare('SELECT status, server_version, last_error, next_attempt_at, acked_at FROM outbox WHERE mutation_id = ?')
    .get(mutationId);
}

const taken = (db: Db, maxCount = 100, maxBytes = Infinity, now = NOW) => takeBatch(db, now, maxCount, maxBytes).map((m) => m.mutationId);

describe('takeBatch', () => {
  it('takes pending mutations in commit order, at most maxCount', () => {
    const { desk, ids } = deskWithQueue(3);
    expect(taken(desk.db)).toEqual(ids);
    expect(taken(desk.db, 2)).toEqual(ids.slice(0, 2));
  });

  it('holds back an aggregate’s later mutations behind one that cannot go, and lets the others flow', () => {
    const { desk, ids, applicantIds } = deskWithQueue(2);
    // A second change of the first applicant, queued after both.
    addApplicant(desk.env, { kind: 'person', surname: 'Тест0', givenName: 'Петро', rnokppAbsent: 'religious', id: applicantIds[0] });
    const later = desk.db.prepare('SELECT mutation_id FROM outbox ORDER BY seq DESC LIMIT 1').pluck().get() as string;
    expect(taken(desk.db)).toEqual([...ids, later]);

    for (const status of ['blocked_on_blob', 'inflight', 'conflict', 'dead']) {
      desk.db.prepare('UPDATE outbox SET status = ? WHERE mutation_id = ?').run(status, ids[0]);
      expect(taken(desk.db), status).toEqual([ids[1]]);
    }
  });

  it('takes a mutation whose retry time has come, to the millisecond, and not before', () => {
    const { desk, ids } = deskWithQueue(1);
    desk.db.prepare('UPDATE outbox SET next_attempt_at = ?').run('2026-11-27T09:30:05.000Z');
    expect(taken(desk.db, 100, Infinity, new Date('2026-11-27T09:30:04.999Z'))).toEqual([]);
    expect(taken(desk.db, 100, Infinity, new Date('2026-11-27T09:30:05.000Z'))).toEqual(ids);
  });

  it('counts each mutation as sent, with its comma, against maxBytes; a first one too large still goes alone', () => {
    const { desk, ids } = deskWithQueue(2);
    const [a, b] = takeBatch(desk.db, NOW, 100, Infinity).map((m) => Buffer.byteLength(JSON.stringify(m)) + 1);
    expect(taken(desk.db, 100, (a ?? 0) + (b ?? 0))).toEqual(ids);
    expect(taken(desk.db, 100, (a ?? 0) + (b ?? 0) - 1)).toEqual([ids[0]]);
    expect(taken(desk.db, 100, 10)).toEqual([ids[0]]);
  });
});

describe('recordResults', () => {
  it('acks applied and duplicate answers with their version, which the record takes as its server version', () => {
    const { desk, ids, applicantIds } = deskWithQueue(2);
    recordResults(
      desk.db,
      [
        { mutationId: ids[0] ?? '', status: 'applied', version: 3 },
        { mutationId: ids[1] ?? '', status: 'duplicate', version: 2 },
        { mutationId: 'not-in-this-outbox', status: 'applied', version: 9 },
      ],
      NOW,
      () => 0,
    );
    expect(row(desk.db, ids[0] ?? '')).toMatchObject({ status: 'acked', server_version: 3, acked_at: NOW.toISOString() });
    expect(row(desk.db, ids[1] ?? '')).toMatchObject({ status: 'acked', server_version: 2 });
    const serverVersion = desk.db.prepare('SELECT server_version FROM applicants WHERE id = ?').pluck();
    expect(applicantIds.map((id) => serverVersion.get(id))).toEqual([3, 2]);
  });

  it('a duplicate without a version leaves the record’s server version alone; a lower version never lowers it', () => {
    const { desk, ids, applicantIds } = deskWithQueue(1);
    desk.db.prepare('UPDATE applicants SET server_version = 5 WHERE id = ?').run(applicantIds[0]);
    recordResults(desk.db, [{ mutationId: ids[0] ?? '', status: 'duplicate', version: null }], NOW, () => 0);
    expect(desk.db.prepare('SELECT server_version FROM applicants').pluck().get()).toBe(5);
    expect(row(desk.db, ids[0] ?? '')).toMatchObject({ status: 'acked', server_version: null });
  });

  it('keeps a refusal’s code, message and field errors, and a conflict’s fields and server record, for the supervisor', () => {
    const { desk, ids } = deskWithQueue(2);
    const fieldErrors = [{ path: ['surname'], message: 'required' }];
    recordResults(
      desk.db,
      [
        { mutationId: ids[0] ?? '', status: 'rejected', code: 'invalid', message: 'no surname', fieldErrors },
        { mutationId: ids[1] ?? '', status: 'conflict', fields: ['phone'], server: { phone: '+380' }, version: 4 },
      ],
      NOW,
      () => 0,
    );
    const dead = row(desk.db, ids[0] ?? '') as { status: string; last_error: string };
    expect(dead.status).toBe('dead');
    expect(JSON.parse(dead.last_error)).toEqual({ code: 'invalid', message: 'no surname', fieldErrors });
    const conflict = row(desk.db, ids[1] ?? '') as { status: string; last_error: string };
    expect(conflict.status).toBe('conflict');
    expect(JSON.parse(conflict.last_error)).toEqual({ fields: ['phone'], server: { phone: '+380' }, version: 4 });
    expect(queueCounts(desk.db)).toMatchObject({ pending: 0, dead: 1, conflicts: 1, blockedOnFiles: 0 });
  });

  it('retry_later: a missing file blocks the mutation on it, a missing predecessor waits; both until now + the delay for their attempts', () => {
    const { desk, ids } = deskWithQueue(2);
    desk.db.prepare('UPDATE outbox SET attempts = 3').run();
    const delays: number[] = [];
    recordResults(
      desk.db,
      [
        { mutationId: ids[0] ?? '', status: 'retry_later', reason: 'blob_missing' },
        { mutationId: ids[1] ?? '', status: 'retry_later', reason: 'predecessor_missing' },
      ],
      NOW,
      (attempts) => {
        delays.push(attempts);
        return 4000;
      },
    );
    expect(delays).toEqual([3, 3]);
    expect(row(desk.db, ids[0] ?? '')).toMatchObject({
      status: 'blocked_on_blob',
      last_error: 'blob_missing',
      next_attempt_at: '2026-11-27T09:30:04.000Z',
    });
    expect(row(desk.db, ids[1] ?? '')).toMatchObject({
      status: 'pending',
      last_error: 'predecessor_missing',
      next_attempt_at: '2026-11-27T09:30:04.000Z',
    });
    expect(queueCounts(desk.db)).toMatchObject({ pending: 2, blockedOnFiles: 1, dead: 0, conflicts: 0 });
  });
});

describe('requeueDelivered', () => {
  it('queues again every acknowledged mutation and makes its record forget its server version; closed ones stay closed', () => {
    const { desk, ids, applicantIds } = deskWithQueue(3);
    recordResults(
      desk.db,
      [
        { mutationId: ids[0] ?? '', status: 'applied', version: 2 },
        { mutationId: ids[1] ?? '', status: 'applied', version: 1 },
      ],
      NOW,
      () => 0,
    );
    // The third was refused and discarded by a supervisor: closed as acked, with no server version.
    desk.db.prepare("UPDATE outbox SET status = 'acked', server_version = NULL WHERE mutation_id = ?").run(ids[2]);

    expect(requeueDelivered(desk.db)).toBe(2);
    expect([ids[0], ids[1]].map((id) => row(desk.db, id ?? ''))).toEqual([
      { status: 'pending', server_version: null, last_error: null, next_attempt_at: null, acked_at: null },
      { status: 'pending', server_version: null, last_error: null, next_attempt_at: null, acked_at: null },
    ]);
    expect(row(desk.db, ids[2] ?? '')).toMatchObject({ status: 'acked' });
    const serverVersion = desk.db.prepare('SELECT server_version FROM applicants WHERE id = ?').pluck();
    expect(applicantIds.map((id) => serverVersion.get(id))).toEqual([null, null, null]);
  });
});
