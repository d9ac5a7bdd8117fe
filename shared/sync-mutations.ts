/**
 * Every mutation kind a desk sends, with the aggregate it belongs to and its payload schema.
 * The desk checks a payload against it before the outbox row is written
 * (main/backend/outbox/enqueue.ts); the back office reads the pushed payload with the same
 * schema (server/sync/apply/*.ts). A kind missing here cannot be queued nor applied.
 */
import { z } from 'zod';
import { Sha256Hex } from './blob-protocol';
import { isCalendarDay } from './calendar';
import { DocumentSource } from './documents';
import { LegacyRepresentative, ReceiptItem, RegisterApplication, Representative, ResultDelivery } from './domain/application';
import { ActorName } from './domain/application-history';
import { CalendarDayEntry } from './domain/center-calendar';
import { CaseTerms } from './domain/case-snapshot';
import { ApplicationStatus } from './domain/application-status';
import { CaseSnapshot } from './domain/case-snapshot';
import { ReceiptVersion } from './domain/receipt';
import { MoveData } from './domain/status-move';
import { ApplicantKind, Citizenship, DocPresentedAs, IdDocType, NotifyBy, RnokppAbsence } from './domain/applicant';
import { PaymentEntry } from './domain/payment';
import { TicketPurpose } from './domain/queue-config';
import { TICKET_EVENTS } from './domain/ticket-status';
import type { TicketEvent } from './domain/ticket-status';

const Id = z.string().min(1).max(64);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

/**
 * A representative as a payload holds it: a person on file with their authority, or (in
 * mutations desks of earlier versions queued and have not delivered yet) the name, document and
 * power of attorney those versions stored.
 */
export const RepresentativePayload = z.union([Representative, LegacyRepresentative.strict()]);

/** What main/backend/applications/register-application.ts sends: the input plus what the desk assigned. */
export const ApplicationRegisterPayload = RegisterApplication.extend({
  representative: RepresentativePayload.optional(),
  /** The applicant's reason and the required documents missing, as the desk computed them from its catalog. */
  insisted: z
    .object({ reason: z.string().trim().min(1).max(1000), missing: z.array(z.string().max(500)).min(1).max(200) })
    .strict()
    .optional(),
  id: Id,
  regNumber: z.string().min(1).max(100),
  registeredAt: z.iso.datetime(),
  registeredOn: Day,
  /** Null while the term runs from a later event (hand-off, register entry). */
  dueDate: Day.nullable(),
  /** The tier, deadline rule and fee the desk computed; absent only in mutations desks queued before terms existed. */
  terms: CaseTerms.optional(),
  /** Who registered, as the history shows it; optional: desks of earlier builds may still hold register mutations without it. */
  actorName: ActorName.optional(),
  /** What the receipt prints, frozen at registration; optional: desks of earlier builds send none. */
  snapshot: CaseSnapshot.optional(),
});

/** An additional опис (№2 …) of documents handed in after registration, as the desk issued it. */
export const ApplicationAddDocumentsPayload = z
  .object({
    id: Id,
    receipt: ReceiptVersion.refine((r) => r.number > 1 && r.version === 1 && r.correction === null, 'receipt.not_additional'),
  })
  .strict();

/** A new version of an опис with one line corrected and the reason, as the desk issued it. */
export const ApplicationCorrectLinePayload = z
  .object({ id: Id, receipt: ReceiptVersion.refine((r) => r.version > 1 && r.correction !== null, 'receipt.not_a_correction') })
  .strict();

/**
 * Why a supervisor corrected the case (issue 15): present on the status moves and edits a
 * correction made; the back office keeps it in the record's history with who made it.
 */
const CorrectionReason = z.string().trim().min(5).max(500);

/**
 * A status move: `from` is the status the desk moved from, the base of the status field. The
 * move's data (decision, receiver, …) and the desk's local `day` of it come with it; `dueDate`
 * when the hand-off dated a term run from it or a resumed case's due date moved (the desk counts
 * it with its calendar). Mutations queued by
 * earlier versions have none of these and may carry `receivedBy` (the name of who took the result).
 */
export const ApplicationStatusPayload = z
  .object({
    id: Id,
    from: ApplicationStatus,
    to: ApplicationStatus,
    reason: z.string().nullable(),
    receivedBy: z.string().nullable(),
    at: z.iso.datetime(),
    actorName: ActorName.optional(),
  })
  .extend(MoveData.omit({ reason: true }).shape)
  .extend({ day: Day.optional(), dueDate: Day.optional(), correctionReason: CorrectionReason.optional() })
  .strict();

/** The fields a desk may edit after registration; only the changed ones are sent. */
export const ApplicationUpdatePayload = z
  .object({
    id: Id,
    representative: RepresentativePayload.nullable(),
    items: z.array(ReceiptItem).min(1).max(200),
    resultDelivery: ResultDelivery,
    notes: z.string().trim().max(2000).nullable(),
    dueDate: Day,
    correctionReason: CorrectionReason,
  })
  .partial({ representative: true, items: true, resultDelivery: true, notes: true, dueDate: true, correctionReason: true })
  .strict();

/**
 * The applicant's full row as the desk stores it (snake_case columns, fields of the other kinds
 * null): the desk validated the fields with ApplicantInput, the back office keeps them as sent
 * and merges them per field. Rows queued by earlier versions have `rnokpp_refused` and none of
 * the columns of migration 0007: those are optional, and `rnokpp_refused` is read only from them.
 */
export const ApplicantRowPayload = z
  .object({
    id: Id,
    kind: ApplicantKind,
    surname: z.string().max(200).nullable(),
    given_name: z.string().max(200).nullable(),
    patronymic: z.string().max(200).nullable(),
    birth_date: Day.nullable(),
    sex: z.enum(['male', 'female']).nullable(),
    rnokpp: z.string().max(20).nullable(),
    rnokpp_refused: z.union([z.literal(0), z.literal(1)]).optional(),
    rnokpp_absent: RnokppAbsence.nullable().optional(),
    id_doc_type: IdDocType.nullable(),
    id_doc_number: z.string().max(60).nullable(),
    id_doc_issuer: z.string().max(300).nullable(),
    id_doc_issued_on: Day.nullable(),
    id_doc_valid_until: Day.nullable().optional(),
    id_doc_presented_as: DocPresentedAs.nullable().optional(),
    unzr: z.string().max(20).nullable(),
    citizenship: Citizenship.nullable().optional(),
    address: z.string().max(500).nullable(),
    /** The address in parts as JSON text, as the desk's column holds it. */
    address_parts: z.string().max(2000).nullable().optional(),
    phone: z.string().max(40).nullable(),
    email: z.string().max(320).nullable(),
    notify_by: NotifyBy.nullable(),
    edrpou: z.string().max(20).nullable(),
    legal_name: z.string().max(500).nullable(),
    business_name: z.string().max(500).nullable().optional(),
    registry_record: z.string().max(60).nullable().optional(),
    display_name: z.string().min(1).max(700),
    search_name: z.string().max(700),
    // The desk's search tiers (docs/ARCHITECTURE.md §5.6); optional: a desk of an older version sends none.
    search_folded: z.string().max(700).optional(),
    search_latin: z.string().max(2800).optional(),
  })
  .strict();

// One calendar per center (docs/ARCHITECTURE.md §6.4): its aggregate is `calendar:<center code>`.
const CenterId = z.string().min(1).max(64);

/** A supervisor's day off or worked day, set (`entry`) or back to an ordinary day (`entry: null`). */
export const CalendarDayPayload = z
  .object({
    id: CenterId,
    day: Day.refine(isCalendarDay, 'use a real date as YYYY-MM-DD'),
    entry: CalendarDayEntry.nullable(),
  })
  .strict();

/** The center's martial-law switch: on, the statutory template's days are working days. */
export const CalendarSettingsPayload = z.object({ id: CenterId, martialLaw: z.boolean() }).strict();

export const DocumentAttachPayload = z
  .object({
    id: Id,
    applicationId: Id,
    kind: z.string().trim().min(1).max(100),
    pages: z.number().int().positive().max(10_000),
    blobSha256: Sha256Hex,
    /** The receipt line it belongs to (опис number, 1-based position) and where it came from; desks before scanning sent none. */
    receipt: z.number().int().min(1).max(999).optional(),
    position: z.number().int().min(1).max(200).optional(),
    source: DocumentSource.optional(),
  })
  .strict();

export const DocumentDetachPayload = z.object({ id: Id, applicationId: Id, reason: z.string().max(2000) }).strict();

/**
 * A payment or exemption entered against a case's fee (docs/ARCHITECTURE.md §6.7): `id` is the
 * payment's, `at` when the clerk entered it; the back office keeps it in the application's record.
 */
export const PaymentAddPayload = z.object({ id: Id, applicationId: Id, entry: PaymentEntry, at: z.iso.datetime() }).strict();

/** A wrongly entered payment is cancelled with a reason; it stays in the record. */
export const PaymentCancelPayload = z
  .object({ id: Id, applicationId: Id, reason: z.string().trim().min(1).max(1000), at: z.iso.datetime() })
  .strict();

/**
 * A walk-in ticket a desk issued while the back office was unreachable (number from the desk's
 * local series, Л001). `serviceCode` and `purpose` feed the statistics; desks of earlier versions
 * sent neither, so both default.
 */
export const TicketIssuePayload = z
  .object({
    id: Id,
    number: z.string().min(1).max(20),
    queueCode: z.string().min(1).max(40),
    serviceCode: z.string().min(1).max(40).nullable().default(null),
    purpose: TicketPurpose.default('other'),
    priorityReason: z.string().max(200).optional(),
    at: z.iso.datetime(),
  })
  .strict();

/**
 * A counter action; `event` repeats the kind's suffix (`ticket.called` carries `event: 'called'`).
 * `note` travels with a parked or transferred ticket; a transfer names one queue or one desk.
 */
function ticketEventPayload<E extends TicketEvent>(event: E) {
  return z
    .object({
      id: Id,
      event: z.literal(event),
      at: z.iso.datetime(),
      details: z.record(z.string(), z.unknown()).nullable(),
      note: z.string().trim().min(1).max(500).optional(),
      toQueueCode: z.string().min(1).max(40).optional(),
      toDeskCode: z.string().min(1).max(40).optional(),
    })
    .strict();
}

/** The aggregate a kind writes, and the payload field holding the aggregate's id. */
interface MutationSpec<S extends z.ZodType = z.ZodType> {
  entity: 'application' | 'applicant' | 'ticket' | 'calendar';
  idField: 'id' | 'applicationId';
  schema: S;
}

function spec<S extends z.ZodType>(entity: MutationSpec['entity'], schema: S, idField: MutationSpec['idField'] = 'id'): MutationSpec<S> {
  return { entity, idField, schema };
}

type TicketEventSpecs = { [E in TicketEvent as `ticket.${E}`]: MutationSpec<ReturnType<typeof ticketEventPayload<E>>> };

const ticketEventSpecs = Object.fromEntries(
  TICKET_EVENTS.map((event) => [`ticket.${event}`, spec('ticket', ticketEventPayload(event))]),
) as TicketEventSpecs;

export const SYNC_MUTATIONS = {
  'application.register': spec('application', ApplicationRegisterPayload),
  'application.status': spec('application', ApplicationStatusPayload),
  'application.update': spec('application', ApplicationUpdatePayload),
  'application.addDocuments': spec('application', ApplicationAddDocumentsPayload),
  'application.correctLine': spec('application', ApplicationCorrectLinePayload),
  'applicant.create': spec('applicant', ApplicantRowPayload),
  'applicant.update': spec('applicant', ApplicantRowPayload),
  // Documents live in their application's record, so they queue behind it on its aggregate.
  'document.attach': spec('application', DocumentAttachPayload, 'applicationId'),
  'document.detach': spec('application', DocumentDetachPayload, 'applicationId'),
  // Payments too: they are part of the application's record.
  'payment.add': spec('application', PaymentAddPayload, 'applicationId'),
  'payment.cancel': spec('application', PaymentCancelPayload, 'applicationId'),
  'ticket.issue': spec('ticket', TicketIssuePayload),
  ...ticketEventSpecs,
  'calendar.day': spec('calendar', CalendarDayPayload),
  'calendar.settings': spec('calendar', CalendarSettingsPayload),
} as const;

export type SyncMutations = typeof SYNC_MUTATIONS;
export type MutationKind = keyof SyncMutations;
/** What a desk command hands over for a kind (before defaults). */
export type MutationPayload<K extends MutationKind> = z.input<SyncMutations[K]['schema']>;
/** What the back office reads for a kind. */
export type ParsedPayload<K extends MutationKind> = z.output<SyncMutations[K]['schema']>;

export function isMutationKind(kind: string): kind is MutationKind {
  return Object.hasOwn(SYNC_MUTATIONS, kind);
}

/** The aggregate (`application:<id>`…) a payload of this kind belongs to. */
export function aggregateOf<K extends MutationKind>(kind: K, payload: MutationPayload<K>): string {
  const { entity, idField } = SYNC_MUTATIONS[kind];
  return `${entity}:${String((payload as Record<string, unknown>)[idField])}`;
}

/** A payload read with its kind's schema; a failure's paths are the schema's own (no `payload` prefix). */
export function parsePayload<K extends MutationKind>(kind: K, payload: unknown): z.ZodSafeParseResult<ParsedPayload<K>> {
  return SYNC_MUTATIONS[kind].schema.safeParse(payload) as z.ZodSafeParseResult<ParsedPayload<K>>;
}
