import { describe, expect, it } from 'vitest';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { recordResults } from '../../../main/backend/sync/outbox-queue';
import type { Change } from '../../../shared/sync-protocol';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { pulledApplicant, pulledApplication } from '../../helpers/pulled-changes';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A desk holding one applicant it made itself, its change not yet acknowledged. */
function deskWithLocalApplicant() {
  const desk = openTestDesk(tempDir());
  const { id } = addApplicant(desk.env);
  const surname = () => desk.db.prepare('SELECT surname FROM applicants WHERE id = ?').pluck().get(id);
  const mutationId = desk.db.prepare('SELECT mutation_id FROM outbox WHERE aggregate = ?').pluck().get(`applicant:${id}`) as string;
  return { desk, id, surname, mutationId, local: surname() };
}

describe('a pulled change to a record this desk is still sending', () => {
  it.each(['pending', 'inflight', 'blocked_on_blob'])('leaves the local record alone while its change is %s', (status) => {
    const { desk, id, surname, local } = deskWithLocalApplicant();
    desk.db.prepare('UPDATE outbox SET status = ?').run(status);
    createChangeApplier(memoryLogger())(desk.db, [pulledApplicant(1, id, 'Сервер')]);
    expect(surname()).toBe(local);
  });

  it('leaves it alone too when another change of the page fails and the page is applied change by change', () => {
    const { desk, id, surname, local } = deskWithLocalApplicant();
    const logger = memoryLogger();
    // A service this desk has never pulled: the application's foreign key fails, so the page falls back.
    createChangeApplier(logger)(desk.db, [pulledApplication(1, 'a-bad', 'svc-unknown', id), pulledApplicant(2, id, 'Сервер')]);
    expect(surname()).toBe(local);
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        message: 'Pulled change could not be applied; skipped',
        fields: expect.objectContaining({ entity: 'application', id: 'a-bad' }),
      },
    ]);
  });

  it('takes the server state once the local change was acknowledged', () => {
    const { desk, id, surname, mutationId } = deskWithLocalApplicant();
    recordResults(desk.db, [{ mutationId, status: 'applied', version: 1 }], new Date(), () => 0);
    createChangeApplier(memoryLogger())(desk.db, [pulledApplicant(2, id, 'Сервер')]);
    expect(surname()).toBe('Сервер');
  });

  it('takes the server state when the local change was refused (it stays listed for the supervisor)', () => {
    const { desk, id, surname, mutationId } = deskWithLocalApplicant();
    recordResults(desk.db, [{ mutationId, status: 'rejected', code: 'x', message: 'refused', fieldErrors: [] }], new Date(), () => 0);
    createChangeApplier(memoryLogger())(desk.db, [pulledApplicant(2, id, 'Сервер')]);
    expect(surname()).toBe('Сервер');
  });
});

describe('a pulled change of a kind this desk does not keep', () => {
  it('is logged and skipped without failing the page', () => {
    const { db } = openTestDesk(tempDir());
    const logger = memoryLogger();
    const unknown: Change = { seq: 1, entity: 'future_entity', id: 'x-1', version: 1, data: { anything: true } };
    const tombstone: Change = { seq: 2, entity: 'future_entity', id: 'x-2', version: 2, data: null };
    createChangeApplier(logger)(db, [unknown, tombstone, pulledApplicant(3, 'p-1', 'Коваль')]);
    expect(db.prepare('SELECT surname FROM applicants WHERE id = ?').pluck().get('p-1')).toBe('Коваль');
    expect(logger.entries).toEqual([
      { level: 'info', message: 'Pulled a change of a kind this desk does not keep yet', fields: { entity: 'future_entity', id: 'x-1' } },
    ]);
  });
});
