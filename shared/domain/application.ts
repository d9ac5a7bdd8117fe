import { z } from 'zod';
import { ApplicationStatus } from './application-status';
import { CaseSnapshot, CaseTerms } from './case-snapshot';
import { DeadlineRule } from './deadline-rule';
import { ConditionId } from './fee-rule';
import { ReceiptItem, ReceiptVersion } from './receipt';
import { Authority, LegacyRepresentative, Representative } from './representation';
import { ResultDelivery } from './result-delivery';

// The parts other modules import from here since before they had files of their own.
export { ReceiptItem } from './receipt';
export { ResultDelivery } from './result-delivery';
export { Authority, LegacyRepresentative, LegalRepresentationDocument, RepresentationBasis, Representative } from './representation';
export type { AuthorityData, AuthorityInput } from './representation';
import { PaymentBalance, PaymentRecord } from './payment';
import { StatusFlags } from './status-flags';
import { MoveData, Outcome, Receiver, Suspension, Withdrawal } from './status-move';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** Registering anyway without some required documents: the applicant insisted, for this reason. */
export const MissingDocumentsInsisted = z.object({ reason: Text(1000) }).strict();

export const RegisterApplication = z
  .object({
    serviceId: z.string().min(1).max(64),
    applicantId: z.string().min(1).max(64),
    representative: Representative.optional(),
    /** The person the service concerns, when not the applicant (a parent applies for a child). */
    subjectId: z.string().min(1).max(64).optional(),
    items: z.array(ReceiptItem).min(1).max(200),
    /** Set when required documents are missing and the applicant insists on registering. */
    insisted: MissingDocumentsInsisted.optional(),
    resultDelivery: ResultDelivery.default('in_person'),
    notes: z.string().trim().max(2000).optional(),
    ticketId: z.string().min(1).max(64).optional(),
    // Issue 13, the terms chosen at intake (docs/ARCHITECTURE.md §6.4), checked against the service's card:
    /** The service's speed tier; the first one when absent. */
    tierId: z.string().min(1).max(40).optional(),
    /** The service's fee conditions that hold (late filing, first issue). */
    feeConditions: z.array(ConditionId).max(20).optional(),
    /** Exempt from the fee (пільга), with the reason the case keeps. */
    feeExemption: z
      .object({ reason: Text(500) })
      .strict()
      .optional(),
  })
  .strict();
export type RegisterApplicationInput = z.input<typeof RegisterApplication>;
export type RegisterApplicationData = z.output<typeof RegisterApplication>;

/** A status move and the data it needs (shared/domain/status-move.ts; which move needs what: application-status.ts). */
export const ChangeApplicationStatus = z
  .object({ id: z.string().min(1).max(64), to: ApplicationStatus })
  .extend(MoveData.shape)
  .strict();
export type ChangeApplicationStatusInput = z.input<typeof ChangeApplicationStatus>;

export const StatusChange = z.object({
  from: ApplicationStatus.nullable(),
  to: ApplicationStatus,
  reason: z.string().nullable(),
  receivedBy: z.string().nullable(),
  at: z.string(),
  clerkId: z.string(),
  /** Null when neither the step nor this desk knows the clerk's name. */
  actorName: z.string().nullable(),
  /** Made on this desk and not yet accepted by the back office: shown on top, marked. */
  pending: z.boolean(),
  /** A supervisor's correction made this step, for this reason; a correction of fields keeps the status (`from` = `to`). */
  correctionReason: z.string().optional(),
});

/** Where a record stands with the back office: saved here only, delivered, or refused / in conflict. */
export const RecordSync = z.enum(['local', 'synced', 'attention']);
export type RecordSync = z.infer<typeof RecordSync>;

/**
 * The fields a clerk may still correct after registration; each present one is changed. Receipt
 * lines are not among them: they are append-only (`applications.addDocuments`, `applications.correctLine`).
 */
export const UpdateApplication = z
  .object({
    id: z.string().min(1).max(64),
    representative: Representative.nullable().optional(),
    resultDelivery: ResultDelivery.optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type UpdateApplicationInput = z.input<typeof UpdateApplication>;

export const Application = z.object({
  id: z.string(),
  regNumber: z.string(),
  status: ApplicationStatus,
  service: z.object({ id: z.string(), code: z.string(), nameUk: z.string(), nameEn: z.string() }),
  applicant: z.object({ id: z.string(), displayName: z.string() }),
  representative: z
    .object({
      applicantId: z.string(),
      displayName: z.string(),
      idDoc: z.object({ type: z.string(), number: z.string() }).nullable(),
      authority: Authority,
    })
    .nullable(),
  /** Applications of earlier versions: the representative as they stored it. */
  legacyRepresentative: LegacyRepresentative.nullable(),
  subject: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** Required documents missing at registration (the catalog's names then) and the applicant's reason. */
  insisted: z.object({ reason: z.string(), missing: z.array(z.string()) }).nullable(),
  items: z.array(ReceiptItem),
  registeredAt: z.string(),
  registeredOn: z.string(),
  /** The last day of the term; null while it runs from a later event (hand-off, register entry): `terms` words it then. */
  dueDate: z.string().nullable(),
  // Issue 13, the catalog as information card (docs/ARCHITECTURE.md §6.4):
  /** The tier, deadline rule and fee the case was registered under; null on a record pulled from a desk that predates them. */
  terms: CaseTerms.nullable(),
  resultDelivery: ResultDelivery,
  notes: z.string().nullable(),
  clerkId: z.string(),
  centerCode: z.string(),
  deskCode: z.string(),
  window: z.string(),
  ticketId: z.string().nullable(),
  history: z.array(StatusChange),
  // The frozen record (docs/ARCHITECTURE.md §6.6): what the receipt prints, as registered, and every
  // receipt issued. `snapshot` is null only for a record pulled from a back office that has none
  // and not on this desk before; `items` are the current lines (every опис's newest version).
  snapshot: CaseSnapshot.nullable(),
  receipts: z.array(ReceiptVersion),
  // Payments per case (docs/ARCHITECTURE.md §6.7): every payment and exemption entered, cancelled ones
  // included, and the balance of what is paid against the fee due.
  payments: z.array(PaymentRecord),
  balance: PaymentBalance,
  serverVersion: z.number().int().nullable(),
  sync: RecordSync,
  // The status model (docs/ARCHITECTURE.md §6.1): the provider's decision and what followed it.
  /** The provider's decision, once the result is ready. */
  outcome: Outcome.nullable(),
  /** Who received the result at the window. */
  receiver: Receiver.nullable(),
  /** The registered letter's tracking number, when the result went by post. */
  trackingNumber: z.string().nullable(),
  /** The competent body the case was transferred to. */
  transferTo: z.string().nullable(),
  /** The applicant's written withdrawal request. */
  withdrawal: Withdrawal.nullable(),
  suspensions: z.array(Suspension),
  /** The due date set at registration (or at the hand-off the term runs from); `dueDate` is the current one, moved on by suspensions. */
  originalDueDate: z.string().nullable(),
  flags: StatusFlags,
});
export type Application = z.infer<typeof Application>;
/** An application as the store reads it: the flags depend on today, so the handler adds them. */
export type StoredApplication = Omit<Application, 'flags'>;

export const ApplicationSummary = z.object({
  id: z.string(),
  regNumber: z.string(),
  status: ApplicationStatus,
  serviceName: z.object({ uk: z.string(), en: z.string() }),
  applicantName: z.string(),
  registeredAt: z.string(),
  registeredOn: z.string(),
  /** Null while the term runs from a later event: `deadline` is worded instead. */
  dueDate: z.string().nullable(),
  /** The case's deadline rule; null on a record pulled from a desk that predates terms. */
  deadline: DeadlineRule.nullable(),
  sync: RecordSync,
  flags: StatusFlags,
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;
export type StoredApplicationSummary = Omit<ApplicationSummary, 'flags'>;
