import { describe, expect, it } from 'vitest';
import { createAuditChecker } from '../../../main/backend/audit/audit-check';
import { appendAudit } from '../../../main/backend/audit/audit-log';
import type { Db } from '../../../main/backend/db/open';
import { createBackend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { openTestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { signInAdmin } from '../../helpers/sign-in';

const tempDir = useTempDirs();
const CHECKED_AT = new Date('2026-12-03T08:00:00Z');
const now = () => CHECKED_AT;

function append(db: Db, n: number): void {
  db.transaction(() => {
    for (let i = 0; i < n; i += 1) {
      appendAudit(db, { at: '2026-12-03T07:00:00.000Z', actor: 'c1', action: 'applicant.view', entity: 'applicant', entityId: `p${i}` });
    }
  })();
}

/** What someone with the file does: goes around the append-only trigger and edits one entry. */
function editEntry(db: Db, seq: number): void {
  db.exec('DROP TRIGGER audit_events_no_update');
  db.prepare("UPDATE audit_events SET actor = 'someone-else' WHERE seq = ?").run(seq);
}

/** A real desk database file with `n` entries, more than one step of the check. */
function deskWith(n: number) {
  const desk = openTestDesk(tempDir());
  append(desk.db, n);
  return desk;
}

describe('the audit chain check of the product', () => {
  it('finds a whole chain whole, and says when it checked', async () => {
    const { db } = deskWith(1200);
    const logger = memoryLogger();
    const checker = createAuditChecker({ db, logger, now });
    expect(checker.current()).toEqual({ state: 'pending' });
    const entries = db.prepare('SELECT count(*) FROM audit_events').pluck().get();
    expect(await checker.check()).toEqual({ state: 'ok', entries, checkedAt: CHECKED_AT.toISOString() });
    expect(checker.current()).toEqual({ state: 'ok', entries, checkedAt: CHECKED_AT.toISOString() });
    expect(logger.entries).toContainEqual({ level: 'info', message: 'Audit chain verified', fields: { entries } });
    db.close();
  });

  it('names the edited entry past the first step, logs it as an error and keeps showing it', async () => {
    const { db } = deskWith(1200);
    editEntry(db, 777);
    const logger = memoryLogger();
    const checker = createAuditChecker({ db, logger, now });
    const broken = { state: 'broken', seq: 777, problem: 'edited', checkedAt: CHECKED_AT.toISOString() };
    expect(await checker.check()).toEqual(broken);
    expect(checker.current()).toEqual(broken);
    expect(logger.entries).toContainEqual({
      level: 'error',
      message: 'The audit chain is broken',
      fields: { seq: 777, problem: 'content does not match its hash (edited)' },
    });
    db.close();
  });

  it('lets writes in between its steps and still ends on a consistent head', async () => {
    const { db } = deskWith(1200);
    let pauses = 0;
    // A registration lands between two steps of the check.
    const pause = () => {
      pauses += 1;
      if (pauses === 2) append(db, 3);
      return Promise.resolve();
    };
    const before = db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number;
    const checker = createAuditChecker({ db, logger: memoryLogger(), now, pause });
    expect(await checker.check()).toMatchObject({ state: 'ok', entries: before + 3 });
    expect(pauses).toBeGreaterThan(2);
    db.close();
  });

  it('joins a check already running instead of walking twice', async () => {
    const { db } = deskWith(10);
    const logger = memoryLogger();
    const checker = createAuditChecker({ db, logger, now });
    const [a, b] = [checker.check(), checker.check()];
    expect(b).toBe(a);
    await a;
    expect(logger.entries.filter((e) => e.message === 'Audit chain verified')).toHaveLength(1);
    db.close();
  });

  it('reports a chain it cannot read as failed, logged, not as whole', async () => {
    const { db } = deskWith(10);
    db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; DROP TABLE audit_events');
    const logger = memoryLogger();
    const checker = createAuditChecker({ db, logger, now });
    expect(await checker.check()).toEqual({
      state: 'failed',
      error: expect.stringMatching(/audit_events/),
      checkedAt: CHECKED_AT.toISOString(),
    });
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', message: 'The audit chain could not be checked' }));
    db.close();
  });
});

describe('the backend', () => {
  it('checks the chain in the background after start, reports it in storage.status, and again on demand', async () => {
    const dataDir = tempDir();
    const desk = openTestDesk(dataDir);
    append(desk.db, 20);
    editEntry(desk.db, 12);
    desk.db.close();
    const logger = memoryLogger();
    const backend = createBackend({ dataDir, appVersion: 'test', logger, now });
    const api = connectInProcess(backend);
    try {
      // Off the start-up path: nothing was checked before createBackend returned.
      expect(logger.entries.some((e) => e.message.startsWith('The audit chain'))).toBe(false);
      await signInAdmin(api);
      const broken = { state: 'broken', seq: 12, problem: 'edited', checkedAt: CHECKED_AT.toISOString() };
      await expect
        .poll(async () => {
          const status = await api.call('storage.status', {});
          return status.ok ? status.value.auditCheck : status.error;
        })
        .toEqual(broken);
      expect(logger.entries.filter((e) => e.message === 'The audit chain is broken')).toHaveLength(1);
      expect(await api.call('storage.verifyAudit', {})).toEqual({ ok: true, value: broken });
      expect(logger.entries.filter((e) => e.message === 'The audit chain is broken')).toHaveLength(2);
    } finally {
      api.disconnect();
      await backend.close();
    }
  });
});
