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

/** Refusals worded for the supervisor: what happened and what to do, in the desk's language (codes: server/README.md). */
const REJECTION_TEXT: Readonly<Record<string, PlainMessageKey>> = {
  reg_number_taken: 'syncPanel.regNumberTaken',
  invalid_payload: 'syncPanel.invalidPayload',
  not_found: 'syncPanel.notFound',
  already_exists: 'syncPanel.alreadyExists',
  wrong_center: 'syncPanel.wrongCenter',
  role_forbidden: 'syncPanel.roleForbidden',
  transition_forbidden: 'syncPanel.transitionForbidden',
  base_unknown: 'syncPanel.baseUnknown',
  receipt_taken: 'syncPanel.receiptTaken',
  receipt_unknown: 'syncPanel.receiptUnknown',
  already_cancelled: 'syncPanel.alreadyCancelled',
  unknown_clerk: 'syncPanel.clerkRefused',
  not_signed_in: 'syncPanel.clerkRefused',
  clerk_not_on_this_desk: 'syncPanel.clerkRefused',
  clerk_disabled: 'syncPanel.clerkRefused',
};

export function rejectionTextKey(code: string): PlainMessageKey | null {
  return Object.hasOwn(REJECTION_TEXT, code) ? (REJECTION_TEXT[code] ?? null) : null;
}

/** A changed field's label: the intake form's and the card's where they have one. */
const FIELD_TEXT: Readonly<Record<string, PlainMessageKey>> = {
  notes: 'intake.notes.label',
  resultDelivery: 'intake.delivery.label',
  representative: 'applications.representative',
  status: 'syncField.status',
  reason: 'syncField.reason',
  dueDate: 'syncField.dueDate',
  items: 'syncField.items',
  receipt: 'syncField.receipt',
  receiver: 'syncField.receiver',
  receivedBy: 'syncField.receivedBy',
  trackingNumber: 'syncField.trackingNumber',
  outcome: 'syncField.outcome',
  transferTo: 'syncField.transferTo',
  withdrawal: 'syncField.withdrawal',
  entry: 'syncField.entry',
  correctionReason: 'syncField.correctionReason',
};

/** A field's label; one without a name of its own is "other data", never its code name. */
export function fieldTextKey(field: string): PlainMessageKey {
  return Object.hasOwn(FIELD_TEXT, field) ? (FIELD_TEXT[field] ?? 'syncField.other') : 'syncField.other';
}

const DELIVERY_TEXT: Readonly<Record<string, PlainMessageKey>> = {
  in_person: 'intake.delivery.in_person',
  post: 'intake.delivery.post',
  email: 'intake.delivery.email',
  electronic: 'intake.delivery.electronic',
};

export function deliveryTextKey(channel: string): PlainMessageKey | null {
  return Object.hasOwn(DELIVERY_TEXT, channel) ? (DELIVERY_TEXT[channel] ?? null) : null;
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
