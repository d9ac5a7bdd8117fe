import type { AuditQuery, AuditViewEntry } from '../../../shared/audit-view';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** How far `timeZone`'s wall clock is ahead of UTC at `at`. */
function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000;
}

/** The instant a local day begins in `timeZone` (twice round, so a day after a clock change is right too). */
export function localDayStart(day: string, timeZone: string): string {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const first = midnight - zoneOffsetMs(midnight, timeZone);
  return new Date(midnight - zoneOffsetMs(first, timeZone)).toISOString();
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Row {
  seq: number;
  at: string;
  actor: string;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string;
  details: string;
  label: string | null;
}

/** Ids are for machines: a list of them reads as how many there are, a single one is left out. */
const ID_LIKE = /^[0-9a-f-]{32,36}$|^[0-9a-f]{64}$/i;

/** Details as plain key–value lines: nested objects flattened to `a.b`, lists joined or counted. */
export function detailLines(details: unknown, prefix = ''): AuditViewEntry['details'] {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return [];
  return Object.entries(details as Record<string, unknown>).flatMap(([name, value]): AuditViewEntry['details'] => {
    const key = prefix ? `${prefix}.${name}` : name;
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) {
      const plain = value.every((v) => typeof v === 'string' || typeof v === 'number') && !value.some((v) => ID_LIKE.test(String(v)));
      return [{ key, value: plain ? value.join(', ') : String(value.length) }];
    }
    if (typeof value === 'object') return detailLines(value, key);
    // A mutation's or a payment's id tells a person nothing; the entry's record is named beside it.
    if (typeof value === 'string' && ID_LIKE.test(value)) return [];
    return [{ key, value: String(value) }];
  });
}

/** The names a person knows an entry's record by (registration number, applicant's name), where the desk has them. */
const LABEL = `CASE e.entity
    WHEN 'application' THEN (SELECT reg_number FROM applications WHERE id = e.entity_id)
    WHEN 'applicant' THEN (SELECT display_name FROM applicants WHERE id = e.entity_id)
    WHEN 'document' THEN (SELECT a.reg_number FROM documents d JOIN applications a ON a.id = d.application_id WHERE d.id = e.entity_id)
    ELSE NULL END`;

/** The trail newest first, filtered as the supervisor asked; `desk` is this desk, where every entry here was written. */
export function listAudit(db: Db, query: AuditQuery, timeZone: string, desk: string): AuditViewEntry[] {
  const where = ['e.at >= ?', 'e.at < ?'];
  const params: unknown[] = [localDayStart(query.from, timeZone), localDayStart(nextDay(query.to), timeZone)];
  if (query.actor !== undefined) {
    where.push('e.actor = ?');
    params.push(query.actor);
  }
  if (query.action !== undefined) {
    // `export` is the family `export.*`; `applicant.view` the one action.
    where.push(query.action.includes('.') ? 'e.action = ?' : "e.action LIKE ? || '.%'");
    params.push(query.action);
  }
  if (query.entity !== undefined) {
    where.push('e.entity = ?');
    params.push(query.entity);
  }
  if (query.before !== undefined) {
    where.push('e.seq < ?');
    params.push(query.before);
  }
  const rows = statement(
    db,
    `SELECT e.seq, e.at, e.actor, c.full_name AS actor_name, e.action, e.entity, e.entity_id, e.details, ${LABEL} AS label
     FROM audit_events e LEFT JOIN clerks c ON c.id = e.actor
     WHERE ${where.join(' AND ')} ORDER BY e.seq DESC LIMIT ?`,
  ).all(...params, query.limit) as Row[];
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actorId: row.actor,
    actorName: row.actor_name,
    desk,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    entityLabel: row.label,
    details: detailLines(JSON.parse(row.details)),
  }));
}
