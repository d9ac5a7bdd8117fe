import type { ChangeRecord, ComparedField, FieldValue, Refusal } from '../../../shared/sync-health';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { splitAggregate } from './outbox-queue';

/** The record a change is about, named as the supervisor knows it: number and applicant. */
export function changeRecord(db: Db, aggregate: string): ChangeRecord {
  const [entity, id] = splitAggregate(aggregate);
  const found =
    entity === 'application'
      ? (statement(
          db,
          'SELECT a.reg_number AS number, p.display_name AS name FROM applications a JOIN applicants p ON p.id = a.applicant_id WHERE a.id = ?',
        ).get(id) as { number: string; name: string } | undefined)
      : entity === 'applicant'
        ? (statement(db, 'SELECT NULL AS number, display_name AS name FROM applicants WHERE id = ?').get(id) as
            { number: null; name: string } | undefined)
        : entity === 'ticket'
          ? (statement(db, 'SELECT number, NULL AS name FROM tickets WHERE id = ?').get(id) as { number: string; name: null } | undefined)
          : undefined;
  return { entity, id, number: found?.number ?? null, applicantName: found?.name ?? null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Keys of nested values that are machine ids, not something a person reads. */
const HIDDEN_KEY = /(^id$|Id$)/;

/** The readable leaves of a nested value (names, numbers, dates), in order, ids left out. */
function leaves(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (isRecord(value)) return Object.entries(value).flatMap(([key, v]) => (HIDDEN_KEY.test(key) ? [] : leaves(v)));
  return [String(value)];
}

/** One field's value typed for display: the renderer words statuses and channels and formats moments in local time. */
export function fieldValue(field: string, value: unknown): FieldValue {
  if (value === null || value === undefined) return { kind: 'none' };
  if (typeof value === 'boolean') return { kind: 'yes_no', value };
  if (typeof value === 'string') {
    if (field === 'status' || field === 'to' || field === 'from') return { kind: 'status', status: value };
    if (field === 'resultDelivery') return { kind: 'delivery', channel: value };
    if (ISO_MOMENT.test(value)) return { kind: 'time', iso: value };
    if (DAY.test(value)) return { kind: 'day', day: value };
    return { kind: 'text', text: value };
  }
  if (typeof value === 'number') return { kind: 'text', text: String(value) };
  const text = leaves(value).join(', ');
  return text === '' ? { kind: 'none' } : { kind: 'text', text };
}

/** Bookkeeping of a mutation's payload: who, when, which record — not what the clerk changed. */
const BOOKKEEPING = new Set(['id', 'actorName', 'at', 'day', 'from', 'registeredAt', 'registeredOn', 'applicationId']);

/** The fields a change sets, this desk's value beside the back office's (a status move's `to` is the record's `status`). */
export function comparedFields(kind: string, payload: Record<string, unknown>, server: Record<string, unknown> | null): ComparedField[] {
  return Object.entries(payload)
    .filter(([key]) => !BOOKKEEPING.has(key))
    .map(([key, mine]) => {
      const field = kind === 'application.status' && key === 'to' ? 'status' : key;
      return { field, mine: fieldValue(field, mine), server: server === null ? null : fieldValue(field, server[field]) };
    });
}

/** Field paths of a refusal's field errors (`payload.items.0.name` → `items`): the top field is what the panel names. */
function topFields(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const fields = value.flatMap((entry) => {
    if (!isRecord(entry) || !Array.isArray(entry.path)) return [];
    const path = entry.path.filter((p): p is string => typeof p === 'string' && p !== 'payload');
    return path.length === 0 ? [] : [path[0]!];
  });
  return [...new Set(fields)];
}

/** What the stored `last_error` says, as data: a refusal's code and fields, or a conflict's fields. */
export function refusalOf(lastError: string | null): { refusal: Refusal; server: Record<string, unknown> | null; version: number | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(lastError ?? '');
  } catch {
    return { refusal: { type: 'other' }, server: null, version: null };
  }
  if (!isRecord(parsed)) return { refusal: { type: 'other' }, server: null, version: null };
  if (typeof parsed.code === 'string')
    return { refusal: { type: 'rejected', code: parsed.code, fields: topFields(parsed.fieldErrors) }, server: null, version: null };
  if (Array.isArray(parsed.fields)) {
    const fields = parsed.fields.filter((f): f is string => typeof f === 'string');
    const server = isRecord(parsed.server) ? parsed.server : null;
    const version = typeof parsed.version === 'number' ? parsed.version : null;
    return { refusal: { type: 'conflict', fields }, server, version };
  }
  return { refusal: { type: 'other' }, server: null, version: null };
}
