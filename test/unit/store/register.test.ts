import { describe, expect, it } from 'vitest';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { RegisterApplication } from '../../../shared/domain/application';
import { addApplicant, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('registering an application', () => {
  it('assigns a desk-unique number and a due date, and writes outbox and audit rows with it', () => {
    const { db, env } = openTestDesk(tempDir());
    const applicant = addApplicant(env);
    const app = registerApplication(
      env,
      RegisterApplication.parse({
        serviceId: SAMPLE_SERVICE.id,
        applicantId: applicant.id,
        items: [{ name: 'Заява-анкета', original: true, sheets: 1 }],
      }),
    );
    expect(app.regNumber).toBe('KV01-07-20261127-0001');
    expect(app.registeredOn).toBe('2026-11-27');
    expect(app.dueDate).toBe('2026-12-25');
    expect(app.status).toBe('registered');
    expect(app.history).toHaveLength(1);
    const outbox = db.prepare('SELECT kind, aggregate, status FROM outbox WHERE aggregate = ?').all(`application:${app.id}`);
    expect(outbox).toEqual([{ kind: 'application.register', aggregate: `application:${app.id}`, status: 'pending' }]);
    expect(db.prepare('SELECT count(*) FROM audit_events WHERE entity_id = ?').pluck().get(app.id)).toBe(1);
  });
});
