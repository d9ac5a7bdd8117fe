import { z } from 'zod';
import { ApplicationStatus } from './application-status';
import { StatusFlags } from './status-flags';
import { MoveData, Outcome, Receiver, Suspension, Withdrawal } from './status-move';
import { CaseTerms } from './case-snapshot';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * What a representative's authority rests on (Law on Administrative Procedure, art. 31): a power of
 * attorney (notarised, simple or electronic), the law (a parent or guardian), a legal entity's statute
 * as the state register shows its head, an advocate's warrant (ордер), or something else described.
 */
export const RepresentationBasis = z.enum([
  'poa_notarised',
  'poa_simple',
  'poa_electronic',
  'legal_representative',
  'company_head',
  'advocate',
  'other',
]);
export type RepresentationBasis = z.infer<typeof RepresentationBasis>;

/** The paper a legal representative shows: a child's birth certificate, or the guardianship decision. */
export const LegalRepresentationDocument = z.enum(['birth_certificate', 'guardianship_decision']);

/** What each basis must name; whether the authority has lapsed needs today, so the handler checks that. */
const REQUIRED_FOR: Readonly<
  Record<RepresentationBasis, ReadonlyArray<'documentNumber' | 'documentDate' | 'notary' | 'legalDocument' | 'description'>>
> = {
  poa_notarised: ['documentNumber', 'documentDate', 'notary'],
  poa_simple: ['documentDate'],
  poa_electronic: ['documentNumber', 'documentDate'],
  legal_representative: ['legalDocument', 'documentNumber'],
  company_head: [],
  advocate: ['documentNumber', 'documentDate'],
  other: ['description'],
};

export const Authority = z
  .object({
    basis: RepresentationBasis,
    /** The POA's number (a notarised one: its registry number), the warrant's, the certificate's or the decision's. */
    documentNumber: Text(60).optional(),
    documentDate: Day.optional(),
    /** A notarised POA: the notary who certified it. */
    notary: Text(300).optional(),
    legalDocument: LegalRepresentationDocument.optional(),
    /** A company head: the clerk saw them named as head in the state register (ЄДР). */
    registryChecked: z.boolean().optional(),
    /** `other`: what the authority rests on. */
    description: Text(500).optional(),
    validUntil: Day.optional(),
    /** Whether the authority covers receiving the result. */
    mayReceiveResult: z.boolean().default(false),
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const field of REQUIRED_FOR[a.basis]) {
      if (a[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `authority.${field}_required` });
    }
    if (a.basis === 'company_head' && a.registryChecked !== true) {
      ctx.addIssue({ code: 'custom', path: ['registryChecked'], message: 'authority.registry_check_required' });
    }
    if (a.validUntil !== undefined && a.documentDate !== undefined && a.validUntil < a.documentDate) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'authority.valid_until_before_date' });
    }
  });
export type AuthorityInput = z.input<typeof Authority>;
export type AuthorityData = z.output<typeof Authority>;

/**
 * A representative as an application stores it: a person on file (an applicants row, with the
 * same identity and contact fields and validators as any applicant) and their authority.
 */
export const Representative = z.object({ applicantId: z.string().min(1).max(64), authority: Authority }).strict();

/**
 * A representative as earlier versions stored it (name, a free-text document, a POA number and
 * date): such applications still show it; new ones never write it.
 */
export const LegacyRepresentative = z.object({
  fullName: z.string(),
  idDocType: z.string().optional(),
  idDocNumber: z.string().optional(),
  poaNumber: z.string(),
  poaDate: z.string(),
});

/** Registering anyway without some required documents: the applicant insisted, for this reason. */
export const MissingDocumentsInsisted = z.object({ reason: Text(1000) }).strict();

export const ReceiptItem = z
  .object({
    name: Text(300),
    original: z.boolean(),
    sheets: z.number().int().min(1).max(10_000),
  })
  .strict();

export const ResultDelivery = z.enum(['in_person', 'post', 'email', 'electronic']);

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
});

/** Where a record stands with the back office: saved here only, delivered, or refused / in conflict. */
export const RecordSync = z.enum(['local', 'synced', 'attention']);
export type RecordSync = z.infer<typeof RecordSync>;

/** The fields a clerk may still correct after registration; each present one is changed. */
export const UpdateApplication = z
  .object({
    id: z.string().min(1).max(64),
    representative: Representative.nullable().optional(),
    items: z.array(ReceiptItem).min(1).max(200).optional(),
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
  dueDate: z.string(),
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
  /** The due date set at registration; `dueDate` is the current one, moved on by suspensions. */
  originalDueDate: z.string(),
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
  dueDate: z.string(),
  sync: RecordSync,
  flags: StatusFlags,
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;
export type StoredApplicationSummary = Omit<ApplicationSummary, 'flags'>;
