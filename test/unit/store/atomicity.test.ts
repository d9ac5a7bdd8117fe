import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { upsertApplicant } from '../../../main/backend/applicants/upsert-applicant';
import type { Db } from '../../../main/backend/db/open';
import { ApplicantInput } from '../../../shared/domain/applicant';
import { RegisterApplication } from '../../../shared/domain/application';
import { addApplicant, openTestDesk, SAMPLE_PERSON, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** Row counts of every table a command writes. */
function counts(db: Db): Record<string, number> {
  const tables = [
    'applicants',
    'applications',
    'application_items',
    'application_status_history',
    'outbox',
    'audit_events',
    'registration_sequences',
  ];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

/** A real failure injected by the database itself: the insert into `table` aborts after the domain rows were written. */
function failInsertsInto(db: Db, table: 'outbox' | 'audit_events'): void {
  db.exec(`CREATE TEMP TRIGGER inject_failure BEFORE INSERT ON main.${table} BEGIN SELECT RAISE(ABORT, 'injected failure'); END;`);
}

const registration = () =>
  RegisterApplication.parse({
    serviceId: SAMPLE_SERVICE.id,
    applicantId: 'set-below',
    items: [{ name: 'Заява', original: true, sheets: 2 }],
  });

describe('a command that fails midway leaves nothing behind', () => {
  it.each(['outbox', 'audit_events'] as const)(
    'registration failing at the %s insert: no row, no mutation, no audit event, no number used',
    (table) => {
      const { db, env } = openTestDesk(tempDir());
      const applicant = addApplicant(env);
      const before = counts(db);
      failInsertsInto(db, table);
      expect(() => registerApplication(env, { ...registration(), applicantId: applicant.id })).toThrow(/injected failure/);
      expect(counts(db)).toEqual(before);
      db.exec('DROP TRIGGER temp.inject_failure');
      expect(registerApplication(env, { ...registration(), applicantId: applicant.id }).regNumber).toMatch(/-0001$/);
    },
  );

  it.each(['outbox', 'audit_events'] as const)(
    'applicant creation failing at the %s insert writes nothing (and nothing in the search index)',
    (table) => {
      const { db, env } = openTestDesk(tempDir());
      const before = counts(db);
      failInsertsInto(db, table);
      expect(() => upsertApplicant(env, ApplicantInput.parse(SAMPLE_PERSON))).toThrow(/injected failure/);
      expect(counts(db)).toEqual(before);
      expect(db.prepare("SELECT count(*) FROM applicants_fts WHERE applicants_fts MATCH 'шевч*'").pluck().get()).toBe(0);
    },
  );

  it('a status change failing at the audit insert keeps the old status and history', () => {
    const { db, env } = openTestDesk(tempDir());
    const app = registerApplication(env, { ...registration(), applicantId: addApplicant(env).id });
    const before = counts(db);
    failInsertsInto(db, 'audit_events');
    expect(() => changeApplicationStatus(env, { id: app.id, to: 'sent_to_provider' })).toThrow(/injected failure/);
    expect(counts(db)).toEqual(before);
    expect(db.prepare('SELECT status FROM applications WHERE id = ?').pluck().get(app.id)).toBe('registered');
  });
});
