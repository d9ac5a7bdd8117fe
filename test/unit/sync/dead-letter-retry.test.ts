/**
 * A supervisor's retry and discard of refused changes (main/backend/sync/dead-letters.ts) beyond the
 * status-step rebuild of dead-letter-rebuild.test.ts: what the list shows, what the audit log keeps,
 * changes of records without a server version table or missing from the desk, and the tie between
 * the conflict answer and the desk's own record.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import type { Db } from '../../../main/backend/db/open';
import { discardDeadLetter, listDeadLetters, retryDeadLetter } from '../../../main/backend/sync/dead-letters';
import { recordResults } from '../../../main/backend/sync/outbox-queue';
import { AppError } from '../../../shared/errors';
import { addApplicant, addApplication, openTestDesk } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const NOW = new Date('2026-11-27T09:30:00.000Z');

function newest(db: Db) {
  return db.prepare('SELECT mutation_id, base_version, payload, status FROM outbox ORDER BY seq DESC LIMIT 1').get() as {
    mutation_id: string;
    base_version: number | null;
    payload: string;
    status: string;
  };
}

/** A dead (refused) outbox row written as the commands write them, for an aggregate of the test's choosing. */
function deadRow(desk: TestDesk, aggregate: string, kind: string, payload: Record<string, unknown>): string {
  const id = randomUUID();
  desk.db
    .prepare(
      "INSERT INTO outbox (mutation_id, aggregate, kind, payload, actor, status, last_error, created_at) VALUES (?, ?, ?, ?, ?, 'dead', ?, ?)",
    )
    .run(
      id,
      aggregate,
      kind,
      JSON.stringify(payload),
      desk.env.clerkId,
      JSON.stringify({ code: 'invalid', message: 'no' }),
      NOW.toISOString(),
    );
  return id;
}

describe('the dead-letter list', () => {
  it('shows why each change was refused', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env);
    const id = desk.db.prepare('SELECT mutation_id FROM outbox').pluck().get() as string;
    recordResults(desk.db, [{ mutationId: id, status: 'rejected', code: 'invalid', message: 'no surname', fieldErrors: [] }], NOW, () => 0);
    expect(listDeadLetters(desk.db)).toEqual([
      expect.objectContaining({
        mutationId: id,
        status: 'dead',
        reason: JSON.stringify({ code: 'invalid', message: 'no surname', fieldErrors: [] }),
      }),
    ]);
  });
});

describe('retrying and discarding a refused change', () => {
  it('audits the retry under the supervisor, naming the old change and the new one', () => {
    const desk = openTestDesk(tempDir());
    const old = deadRow(desk, 'document:d1', 'document.attach', { documentId: 'd1' });
    const fresh = retryDeadLetter(desk.env, old);
    const audit = desk.db.prepare("SELECT actor, entity, entity_id, details FROM audit_events WHERE action = 'sync.retry'").get() as {
      actor: string;
      entity: string;
      entity_id: string;
      details: string;
    };
    expect(audit).toMatchObject({ actor: desk.env.clerkId, entity: 'mutation', entity_id: old });
    expect(JSON.parse(audit.details)).toEqual({ newMutationId: fresh });
    // A document has no server version of its own on the desk: the change goes again as it was.
    expect(newest(desk.db)).toEqual({
      mutation_id: fresh,
      base_version: null,
      payload: JSON.stringify({ documentId: 'd1' }),
      status: 'pending',
    });
  });

  it('audits a discard as a decision about that change', () => {
    const desk = openTestDesk(tempDir());
    const old = deadRow(desk, 'document:d1', 'document.attach', { documentId: 'd1' });
    discardDeadLetter(desk.env, old, 'сканування повторне');
    expect(desk.db.prepare("SELECT entity, entity_id FROM audit_events WHERE action = 'sync.discard'").get()).toEqual({
      entity: 'mutation',
      entity_id: old,
    });
  });

  it('an id not in the list is NOT_FOUND, naming the field', () => {
    const desk = openTestDesk(tempDir());
    const error = (() => {
      try {
        retryDeadLetter(desk.env, 'no-such-change');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'No refused change no-such-change',
      issues: [{ path: ['mutationId'], message: 'not in the dead-letter list' }],
    });
  });

  it('a refused status step of an application the desk does not hold goes again as it was made', () => {
    const desk = openTestDesk(tempDir());
    const payload = { id: 'gone', from: 'registered', to: 'in_progress' };
    const old = deadRow(desk, 'application:gone', 'application.status', payload);
    retryDeadLetter(desk.env, old);
    expect(newest(desk.db)).toMatchObject({ base_version: null, payload: JSON.stringify(payload) });
  });

  it('an edit other than a status step keeps its payload; it is rebased on the desk’s server version', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    desk.db.prepare('UPDATE applications SET server_version = 4 WHERE id = ?').run(app.id);
    // An application has a status; only a status step is moved on from it.
    const payload = { id: app.id, note: 'уточнено' };
    const old = deadRow(desk, `application:${app.id}`, 'application.update', payload);
    retryDeadLetter(desk.env, old);
    expect(newest(desk.db)).toMatchObject({ base_version: 4, payload: JSON.stringify(payload) });
  });

  it('when the conflict answer and the desk hold the same version, the conflict answer’s status is the one moved from', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    changeApplicationStatus(desk.env, { id: app.id, to: 'sent_to_provider' });
    const step = desk.db.prepare("SELECT mutation_id FROM outbox WHERE kind = 'application.status'").pluck().get() as string;
    recordResults(
      desk.db,
      [{ mutationId: step, status: 'conflict', fields: ['status'], server: { id: app.id, status: 'in_progress' }, version: 3 }],
      NOW,
      () => 0,
    );
    // The desk's row is at the same server version, still showing its own refused step.
    desk.db.prepare('UPDATE applications SET server_version = 3 WHERE id = ?').run(app.id);
    retryDeadLetter(desk.env, step);
    const resent = newest(desk.db);
    expect(resent.base_version).toBe(3);
    expect(JSON.parse(resent.payload)).toMatchObject({ from: 'in_progress', to: 'sent_to_provider' });
  });

  it('a conflict on a record the desk no longer holds is rebuilt on the conflict answer alone', () => {
    const desk = openTestDesk(tempDir());
    const id = randomUUID();
    const old = deadRow(desk, `applicant:${id}`, 'applicant.update', { id, phone: '+380671112233' });
    desk.db
      .prepare("UPDATE outbox SET status = 'conflict', last_error = ? WHERE mutation_id = ?")
      .run(JSON.stringify({ fields: ['phone'], server: { id }, version: 6 }), old);
    retryDeadLetter(desk.env, old);
    expect(newest(desk.db).base_version).toBe(6);
  });
});
