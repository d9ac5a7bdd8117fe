import { z } from 'zod';
import { ApplicationStatus } from './application-status';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const Text = (max: number) => z.string().trim().min(1).max(max);

export const Representative = z
  .object({
    fullName: Text(300),
    idDocType: Text(40).optional(),
    idDocNumber: Text(30).optional(),
    /** The power of attorney the representative acts on. */
    poaNumber: Text(60),
    poaDate: Day,
  })
  .strict();

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
    items: z.array(ReceiptItem).min(1).max(200),
    resultDelivery: ResultDelivery.default('in_person'),
    notes: z.string().trim().max(2000).optional(),
    ticketId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type RegisterApplicationInput = z.input<typeof RegisterApplication>;
export type RegisterApplicationData = z.output<typeof RegisterApplication>;

export const ChangeApplicationStatus = z
  .object({
    id: z.string().min(1).max(64),
    to: ApplicationStatus,
    reason: z.string().trim().min(1).max(2000).optional(),
    /** Who took the result (issuing): the applicant or a named representative. */
    receivedBy: z.string().trim().min(1).max(300).optional(),
  })
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
  representative: Representative.nullable(),
  items: z.array(ReceiptItem),
  registeredAt: z.string(),
  registeredOn: z.string(),
  dueDate: z.string(),
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
});
export type Application = z.infer<typeof Application>;

export const ApplicationSummary = z.object({
  id: z.string(),
  regNumber: z.string(),
  status: ApplicationStatus,
  serviceName: z.object({ uk: z.string(), en: z.string() }),
  applicantName: z.string(),
  registeredAt: z.string(),
  dueDate: z.string(),
  sync: RecordSync,
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;
