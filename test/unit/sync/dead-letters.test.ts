import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { getApplicationById } from '../../../main/backend/applications/queries';
import { retryDeadLetter } from '../../../main/backend/sync/dead-letters';
import { recordResults } from '../../../main/backend/sync/outbox-queue';
import { addApplication, openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('a refused status step a supervisor sends again', () => {
  it('stays the step of the clerk who made it; the supervisor’s decision is audited', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    for (const id of desk.db.prepare("SELECT mutation_id FROM outbox WHERE status <> 'acked'").pluck().all() as string[]) {
      recordResults(desk.db, [{ mutationId: id, status: 'applied', version: 1 }], new Date(), () => 0);
    }
    changeApplicationStatus(desk.env, {
      id: app.id,
      to: 'withdrawn',
      reason: 'Неповний пакет',
      withdrawal: { requestNumber: '12', requestDate: '2026-11-27' },
    });
    const refused = desk.db.prepare("SELECT mutation_id FROM outbox WHERE kind = 'application.status'").pluck().get() as string;
    recordResults(
      desk.db,
      [{ mutationId: refused, status: 'rejected', code: 'x', message: 'refused', fieldErrors: [] }],
      new Date(),
      () => 0,
    );

    const at = '2026-11-27T10:00:00.000Z';
    desk.db
      .prepare(
        "INSERT INTO clerks (id, full_name, roles, is_local, created_at, updated_at) VALUES ('supervisor', 'Старша зміни', '[\"supervisor\"]', 1, ?, ?)",
      )
      .run(at, at);
    const newId = retryDeadLetter({ ...desk.env, clerkId: 'supervisor' }, refused);

    expect(desk.db.prepare('SELECT actor FROM outbox WHERE mutation_id = ?').pluck().get(newId)).toBe(desk.env.clerkId);
    expect(getApplicationById(desk.db, app.id)!.history.at(-1)).toMatchObject({
      to: 'withdrawn',
      clerkId: desk.env.clerkId,
      actorName: 'Адміністратор ЦНАП',
      pending: true,
    });
    expect(desk.db.prepare("SELECT actor FROM audit_events WHERE action = 'sync.retry'").pluck().get()).toBe('supervisor');
  });
});
