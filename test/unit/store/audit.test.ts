import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../main/backend/audit/audit-log';
import type { Db } from '../../../main/backend/db/open';
import { openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function deskWithEntries(n: number): Db {
  const { db } = openTestDesk(tempDir());
  db.transaction(() => {
    for (let i = 1; i <= n; i += 1) {
      appendAudit(db, {
        at: `2026-11-27T10:00:0${i}.000Z`,
        actor: 'c1',
        action: 'applicant.view',
        entity: 'applicant',
        entityId: `p${i}`,
        details: { i },
      });
    }
  })();
  return db;
}

/** Tampering means going around the append-only triggers, as someone with the file would. */
function tamper(db: Db, sql: string): void {
  db.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  db.exec(sql);
}

describe('the audit log', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAudit(deskWithEntries(5))).toEqual({ ok: true, entries: 5 });
  });

  it('is append-only in the database itself', () => {
    const db = deskWithEntries(2);
    expect(() => db.exec("UPDATE audit_events SET actor = 'x' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_events WHERE seq = 1')).toThrow(/append-only/);
  });

  it.each([
    ['an edited actor', "UPDATE audit_events SET actor = 'someone-else' WHERE seq = 3", 3, /edited/],
    ['edited details', `UPDATE audit_events SET details = '{"i":99}' WHERE seq = 2`, 2, /edited/],
    ['an entry deleted in the middle', 'DELETE FROM audit_events WHERE seq = 3', 3, /missing/],
    ['the last entries deleted', 'DELETE FROM audit_events WHERE seq >= 4', 4, /removed/],
    ['an entry re-hashed after editing', "UPDATE audit_events SET actor = 'x', hash = 'f' || substr(hash, 2) WHERE seq = 2", 2, /edited/],
  ])('detects %s', (_label, sql, seq, problem) => {
    const db = deskWithEntries(5);
    tamper(db, sql);
    const verdict = verifyAudit(db);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.seq).toBe(seq);
    expect(verdict.problem).toMatch(problem);
  });

  it('detects a forged entry whose hash was recomputed, at the entry after it', () => {
    const db = deskWithEntries(3);
    tamper(db, "UPDATE audit_events SET actor = 'forger' WHERE seq = 2");
    // Recomputing entry 2's own hash is not enough: entry 3 names the old one.
    const row = db.prepare('SELECT * FROM audit_events WHERE seq = 2').get() as { prev_hash: string };
    const forged = createHash('sha256')
      .update(row.prev_hash)
      .update(JSON.stringify([2, '2026-11-27T10:00:02.000Z', 'forger', 'applicant.view', 'applicant', 'p2', JSON.stringify({ i: 2 })]))
      .digest('hex');
    db.prepare('UPDATE audit_events SET hash = ? WHERE seq = 2').run(forged);
    expect(verifyAudit(db)).toMatchObject({ ok: false, seq: 3 });
  });
});
