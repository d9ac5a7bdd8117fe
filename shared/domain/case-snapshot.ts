import { z } from 'zod';
import { DeadlineRule } from './deadline-rule';
import { IdDocType } from './applicant';
import { ComputedFee } from './fee-rule';
import { Authority } from './representation';
import { ResultDelivery } from './result-delivery';

/**
 * The terms a case was registered under: the tier chosen, its deadline rule (the 30-day default
 * where no law states one, then `termStated` is false) and the fee computed then. Part of the
 * case's snapshot: a later catalog change never alters them.
 */
export const CaseTerms = z
  .object({
    tier: z.object({ id: z.string(), nameUk: z.string(), nameEn: z.string() }).strict(),
    deadline: DeadlineRule,
    termStated: z.boolean(),
    fee: ComputedFee,
  })
  .strict();
export type CaseTerms = z.infer<typeof CaseTerms>;

/** A party as entered at registration: its name, tax number and identity document then. */
export const PartySnapshot = z
  .object({
    id: z.string(),
    displayName: z.string(),
    taxId: z
      .object({ kind: z.enum(['rnokpp', 'edrpou']), value: z.string() })
      .strict()
      .nullable(),
    idDoc: z.object({ type: IdDocType, number: z.string(), validUntil: z.string().nullable() }).strict().nullable(),
  })
  .strict();
export type PartySnapshot = z.infer<typeof PartySnapshot>;

/** The representative as registered: a person on file with their authority, or (earlier versions) a name and a power of attorney. */
export const RepresentativeSnapshot = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('on_file'), party: PartySnapshot, authority: Authority }).strict(),
  z.object({ kind: z.literal('legacy'), fullName: z.string(), poaNumber: z.string(), poaDate: z.string() }).strict(),
]);
export type RepresentativeSnapshot = z.infer<typeof RepresentativeSnapshot>;

/**
 * What the receipt prints besides its lines and the case's terms, frozen at registration (or, for
 * cases registered before, backfilled by desk migration 0010 from what the receipt showed then):
 * renaming the service or correcting a person later never changes a printed receipt.
 * `center.name` and `timeZone` come from the desk's config.json, which a migration cannot read:
 * null in a backfilled snapshot until the backend's first start fills them (applications/freeze-desk-facts.ts).
 */
export const CaseSnapshot = z
  .object({
    regNumber: z.string(),
    registeredAt: z.string(),
    registeredOn: z.string(),
    timeZone: z.string().nullable(),
    center: z.object({ code: z.string(), name: z.string().nullable() }).strict(),
    window: z.string(),
    clerk: z.object({ id: z.string(), name: z.string() }).strict(),
    service: z.object({ id: z.string(), code: z.string(), nameUk: z.string(), nameEn: z.string() }).strict(),
    /** The ЄДРПОУ comes with the catalog's information card; null until the catalog has it. */
    provider: z.object({ nameUk: z.string(), nameEn: z.string(), edrpou: z.string().nullable() }).strict(),
    applicant: PartySnapshot,
    representative: RepresentativeSnapshot.nullable(),
    subject: PartySnapshot.nullable(),
    insisted: z
      .object({ reason: z.string(), missing: z.array(z.string()) })
      .strict()
      .nullable(),
    /** Null while the term runs from a later event: the receipt then prints only how it is counted. */
    dueDate: z.string().nullable(),
    resultDelivery: ResultDelivery,
  })
  .strict();
export type CaseSnapshot = z.infer<typeof CaseSnapshot>;
