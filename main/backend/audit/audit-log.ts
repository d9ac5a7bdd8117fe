import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { AUDIT_GENESIS as GENESIS } from '../../../shared/audit-upload';

export interface AuditEntry {
  at: string;
  actor: string;
  /** What happened: `application.register`, `applicant.view`, `report.export`… */
  action: string;
  entity: string;
  entityId: string;
  details?: Record<string, unknown>;
}

function entryHash(prevHash: string, seq: number, e: Required<AuditEntry>): string {
  const canonical = JSON.stringify([seq, e.at, e.actor, e.action, e.entity, e.entityId, JSON.stringify(e.details)]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/**
 * Appends one entry chained to the previous one. Call it inside the command's transaction, so
 * the entry exists exactly when the change does. The head (seq and hash of the newest entry)
 * is kept in desk_meta as well, so removing entries from the end is detected too.
 */
export function appendAudit(db: Db, entry: AuditEntry): number {
  const head = statement(db, 'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (head?.seq ?? 0) + 1;
  const full = { details: {}, ...entry } as Required<AuditEntry>;
  const hash = entryHash(head?.hash ?? GENESIS, seq, full);
  statement(
    db,
    'INSERT INTO audit_events (seq, at, actor, action, entity, entity_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, full.at, full.actor, full.action, full.entity, full.entityId, JSON.stringify(full.details), head?.hash ?? GENESIS, hash);
  statement(db, "INSERT INTO desk_meta (key, value) VALUES ('audit_head', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    `${seq}:${hash}`,
  );
  return seq;
}

/** How a chain is broken; `problem` says the same in words for the log. */
export type AuditProblemKind = 'missing' | 'unlinked' | 'unreadable' | 'edited' | 'truncated';

export type AuditVerdict = { ok: true; entries: number } | { ok: false; seq: number; kind: AuditProblemKind; problem: string };

/** An audit_events row as stored. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** A walk along the chain in steps, so a long one can let other calls in between them (audit-check.ts). */
export interface AuditWalk {
  /** Checks up to `limit` more entries: the verdict once the walk has ended, null while there are more. */
  step(limit: number): AuditVerdict | null;
}

/** Walks the whole chain; the first entry that was edited, removed or inserted is reported. */
export function walkAudit(db: Db): AuditWalk {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  const broken = (seq: number, kind: AuditProblemKind, problem: string): AuditVerdict => ({ ok: false, seq, kind, problem });
  return {
    step(limit) {
      const rows = statement(db, 'SELECT * FROM audit_events WHERE seq >= ? ORDER BY seq LIMIT ?').all(expectedSeq, limit) as AuditRow[];
      for (const row of rows) {
        if (row.seq !== expectedSeq) return broken(expectedSeq, 'missing', `entry ${expectedSeq} is missing`);
        if (row.prev_hash !== prevHash) return broken(row.seq, 'unlinked', 'does not follow the previous entry');
        let details: Record<string, unknown>;
        try {
          details = JSON.parse(row.details) as Record<string, unknown>;
        } catch {
          return broken(row.seq, 'unreadable', 'details are not JSON');
        }
        const hash = entryHash(prevHash, row.seq, {
          at: row.at,
          actor: row.actor,
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          details,
        });
        if (hash !== row.hash) return broken(row.seq, 'edited', 'content does not match its hash (edited)');
        prevHash = row.hash;
        expectedSeq += 1;
      }
      if (rows.length === limit) return null;
      // Read in the same step as the last rows: no entry can be appended in between.
      const head = statement(db, "SELECT value FROM desk_meta WHERE key = 'audit_head'").pluck().get() as string | undefined;
      const entries = expectedSeq - 1;
      if ((head ?? `0:${GENESIS}`) !== `${entries}:${prevHash}`) {
        return broken(entries + 1, 'truncated', 'entries after the last one present were removed');
      }
      return { ok: true, entries };
    },
  };
}

/** The whole chain at once. */
export function verifyAudit(db: Db): AuditVerdict {
  const walk = walkAudit(db);
  for (;;) {
    const verdict = walk.step(1000);
    if (verdict) return verdict;
  }
}
