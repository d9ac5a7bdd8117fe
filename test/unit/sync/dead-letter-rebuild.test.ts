import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { discardDeadLetter, listDeadLetters, retryDeadLetter } from '../../../main/backend/sync/dead-letters';
import { recordResults } from '../../../main/backend/sync/outbox-queue';
import { addApplication, openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/**
 * A status step the back office answered with a conflict, sent again by a supervisor: it must be
 * rebuilt on the newer of the two states the desk knows (the server's record in the conflict
 * answer, or a record pulled since), or it would be merged against a stale version.
 */
function deskWithConflictingStep(serverStatus: string, serverVersion: number) {
  const desk = openTestDesk(tempDir());
  const { app } = addApplication(desk.env);
  const ack = (id: string) => recordResults(desk.db, [{ mutationId: id, status: 'applied', version: 1 }], new Date(), () => 0);
  (desk.db.prepare("SELECT mutation_id FROM outbox WHERE status <> 'acked'").pluck().all() as string[]).forEach(ack);
  changeApplicationStatus(desk.env, { id: app.id, to: 'sent_to_provider' });
  const step = desk.db.prepare("SELECT mutation_id FROM outbox WHERE kind = 'application.status'").pluck().get() as string;
  recordResults(
    desk.db,
    [{ mutationId: step, status: 'conflict', fields: ['status'], server: { id: app.id, status: serverStatus }, version: serverVersion }],
    new Date(),
    () => 0,
  );
  const resent = (newId: string) =>
    desk.db.prepare('SELECT base_version, payload, status FROM outbox WHERE mutation_id = ?').get(newId) as {
      base_version: number | null;
      payload: string;
      status: string;
    };
  return { desk, app, step, resent };
}

describe('a conflicting status step sent again', () => {
  it('is rebuilt on the server record the conflict answer carried when the desk holds nothing newer', () => {
    const { desk, step, resent } = deskWithConflictingStep('in_progress', 3);
    expect(listDeadLetters(desk.db)).toMatchObject([{ mutationId: step, status: 'conflict', kind: 'application.status' }]);

    const row = resent(retryDeadLetter(desk.env, step));
    expect(row).toMatchObject({ base_version: 3, status: 'pending' });
    expect(JSON.parse(row.payload)).toMatchObject({ from: 'in_progress', to: 'sent_to_provider' });
    expect(listDeadLetters(desk.db)).toEqual([]);
  });

  it('is rebuilt on the record pulled since when that is newer than the conflict answer', () => {
    const { desk, app, step, resent } = deskWithConflictingStep('in_progress', 3);
    desk.db.prepare("UPDATE applications SET status = 'needs_info', server_version = 5 WHERE id = ?").run(app.id);

    const row = resent(retryDeadLetter(desk.env, step));
    expect(row.base_version).toBe(5);
    expect(JSON.parse(row.payload)).toMatchObject({ from: 'needs_info', to: 'sent_to_provider' });
  });

  it('a discarded one leaves the list, is never sent, and its reason is audited', () => {
    const { desk, step } = deskWithConflictingStep('in_progress', 3);
    discardDeadLetter(desk.env, step, 'Дубль, уже виконано');

    expect(listDeadLetters(desk.db)).toEqual([]);
    expect(desk.db.prepare("SELECT count(*) FROM outbox WHERE status IN ('pending', 'inflight')").pluck().get()).toBe(0);
    const audit = desk.db.prepare("SELECT details FROM audit_events WHERE action = 'sync.discard'").pluck().get() as string;
    expect(JSON.parse(audit)).toEqual({ reason: 'Дубль, уже виконано' });
    expect(() => discardDeadLetter(desk.env, step, 'знову')).toThrow(/No refused change/);
  });
});
