import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

export interface AuditEntry {
  at: string;
  actor: string;
  /** What happened: `application.register`, `applicant.view`, `report.export`… */
  action: string;
  entity: string;
  entityId: string;
  details?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

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

export type AuditVerdict = { ok: true; entries: number } | { ok: false; seq: number; problem: string };

/** Walks the whole chain; the first entry that was edited, removed or inserted is reported. */
export function verifyAudit(db: Db): AuditVerdict {
  const rows = statement(db, 'SELECT * FROM audit_events ORDER BY seq').iterate() as IterableIterator<{
    seq: number;
    at: string;
    actor: string;
    action: string;
    entity: string;
    entity_id: string;
    details: string;
    prev_hash: string;
    hash: string;
  }>;
  let expectedSeq = 1;
  let prevHash = GENESIS;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { ok: false, seq: expectedSeq, problem: `entry ${expectedSeq} is missing` };
    if (row.prev_hash !== prevHash) return { ok: false, seq: row.seq, problem: 'does not follow the previous entry' };
    let details: Record<string, unknown>;
    try {
      details = JSON.parse(row.details) as Record<string, unknown>;
    } catch {
      return { ok: false, seq: row.seq, problem: 'details are not JSON' };
    }
    const hash = entryHash(prevHash, row.seq, {
      at: row.at,
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      details,
    });
    if (hash !== row.hash) return { ok: false, seq: row.seq, problem: 'content does not match its hash (edited)' };
    prevHash = row.hash;
    expectedSeq += 1;
  }
  const head = statement(db, "SELECT value FROM desk_meta WHERE key = 'audit_head'").pluck().get() as string | undefined;
  const entries = expectedSeq - 1;
  if ((head ?? `0:${GENESIS}`) !== `${entries}:${prevHash}`) {
    return { ok: false, seq: entries + 1, problem: 'entries after the last one present were removed' };
  }
  return { ok: true, entries };
}
