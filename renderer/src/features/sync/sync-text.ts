import type { RecordSync } from '../../../../shared/domain/application';
import type { PlainMessageKey } from '../../i18n/dictionary';

/** The badge each record carries: where its latest change stands with the back office. */
export const RECORD_SYNC_TEXT: Readonly<Record<RecordSync, PlainMessageKey>> = {
  local: 'syncBadge.local',
  synced: 'syncBadge.synced',
  attention: 'syncBadge.attention',
};

const KIND_TEXT: Readonly<Record<string, PlainMessageKey>> = {
  'application.register': 'syncKind.applicationRegister',
  'application.status': 'syncKind.applicationStatus',
  'application.update': 'syncKind.applicationUpdate',
  'applicant.create': 'syncKind.applicant',
  'applicant.update': 'syncKind.applicant',
  'calendar.day': 'calendar.syncKindDay',
  'calendar.settings': 'calendar.syncKindSettings',
};

const KIND_FAMILY_TEXT: Readonly<Record<string, PlainMessageKey>> = {
  document: 'syncKind.document',
  ticket: 'syncKind.ticket',
};

/** A human name for a mutation kind, or null when there is none (the raw kind is shown then). */
export function kindTextKey(kind: string): PlainMessageKey | null {
  if (Object.hasOwn(KIND_TEXT, kind)) return KIND_TEXT[kind] ?? null;
  const family = kind.split('.')[0] ?? '';
  return Object.hasOwn(KIND_FAMILY_TEXT, family) ? (KIND_FAMILY_TEXT[family] ?? null) : null;
}

/** Refusals a supervisor must act on in a known way: what happened and what to do, in the desk's language. */
const REJECTION_TEXT: Readonly<Record<string, PlainMessageKey>> = {
  reg_number_taken: 'syncPanel.regNumberTaken',
};

export function rejectionTextKey(code: string): PlainMessageKey | null {
  return Object.hasOwn(REJECTION_TEXT, code) ? (REJECTION_TEXT[code] ?? null) : null;
}

/** Why the back office did not take a change, read from the JSON text the desk stored. */
export type SyncReason =
  | { type: 'rejected'; code: string; message: string; fields: string[] }
  | { type: 'conflict'; fields: string[] }
  | { type: 'text'; text: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Field paths of a rejection's field errors (`[{path: ['items', 0, 'name']}]` → `items.0.name`). */
function errorPaths(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const paths: string[] = [];
  for (const entry of value) {
    if (isRecord(entry) && Array.isArray(entry.path)) {
      const path = entry.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number').join('.');
      if (path !== '' && !paths.includes(path)) paths.push(path);
    }
  }
  return paths;
}

export function parseReason(reason: string): SyncReason {
  let parsed: unknown;
  try {
    parsed = JSON.parse(reason);
  } catch {
    return { type: 'text', text: reason };
  }
  if (!isRecord(parsed)) return { type: 'text', text: reason };
  if (typeof parsed.code === 'string') {
    return {
      type: 'rejected',
      code: parsed.code,
      message: typeof parsed.message === 'string' ? parsed.message : '',
      fields: errorPaths(parsed.fieldErrors),
    };
  }
  if (Array.isArray(parsed.fields)) return { type: 'conflict', fields: strings(parsed.fields) };
  return { type: 'text', text: reason };
}

/** How long ago, for the oldest pending change: whole minutes below an hour, whole hours after. */
export function ageOf(sinceIso: string, now: number): { unit: 'minutes' | 'hours'; n: number } | null {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return null;
  const minutes = Math.max(0, Math.floor((now - since) / 60_000));
  return minutes < 60 ? { unit: 'minutes', n: minutes } : { unit: 'hours', n: Math.floor(minutes / 60) };
}

/** Beyond this the desk's clock is visibly wrong: receipts would carry a wrong time. */
export const SKEW_WARNING_MS = 5 * 60_000;

export function clockSkewed(clockOffsetMs: number | null): boolean {
  return clockOffsetMs !== null && Math.abs(clockOffsetMs) > SKEW_WARNING_MS;
}
