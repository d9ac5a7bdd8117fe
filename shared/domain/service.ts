import { z } from 'zod';
import { zEdrpou } from '../validate';
import { ApplicantKind } from './applicant';
import { ResultDelivery } from './application';
import { DeadlineRule } from './deadline-rule';
import { FeeComponent, FeeCondition } from './fee-rule';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Slug = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'slug.format');

/**
 * The body that decides (суб'єкт надання): its ЄДРПОУ is what the open-data set and the receipt name.
 * Null only on services carried over from before the information card (migration 0009 had no code to
 * give them); a published catalog must name it (`PublishedService`).
 */
export const Provider = z.object({ nameUk: Text(500), nameEn: Text(500), edrpou: zEdrpou.nullable() }).strict();
export type Provider = z.infer<typeof Provider>;

/**
 * A speed tier inside one service (an ID card in 20 or in 10 working days), each with its own term
 * and fee. Every service has at least one; the first is the default. `deadline: null` means no law
 * states a term: the 30-calendar-day default applies and the catalog flags the entry.
 */
export const ServiceTier = z
  .object({ id: Slug, nameUk: Text(200), nameEn: Text(200), deadline: DeadlineRule.nullable(), fees: z.array(FeeComponent).max(20) })
  .strict();
export type ServiceTierInput = z.input<typeof ServiceTier>;
export type ServiceTier = z.output<typeof ServiceTier>;

/** A ground for refusal as the card lists it (an exhaustive list by law, Law on Administrative Services art. 5). */
export const RefusalGround = z.object({ code: Slug, textUk: Text(1000), textEn: Text(1000) }).strict();
export type RefusalGround = z.infer<typeof RefusalGround>;

/** Required / optional / «за наявності» (brought if the person has it). */
export const DocumentNeed = z.enum(['required', 'optional', 'if_available']);
export type DocumentNeed = z.infer<typeof DocumentNeed>;

/** Identity facts the card requires of the applicant beyond the document (the РНОКПП has its own flag). */
export const RequiredField = z.enum(['unzr', 'birth_date', 'address', 'phone', 'email']);
export type RequiredField = z.infer<typeof RequiredField>;

const ServiceShape = z
  .object({
    id: z.string().min(1).max(64),
    code: Text(40),
    nameUk: Text(500),
    nameEn: Text(500),
    provider: Provider,
    /** The acts the service rests on, as the card cites them; null only on services carried over from before (like the ЄДРПОУ). */
    legalBasis: Text(2000).nullable(),
    refusalGrounds: z.array(RefusalGround).max(50),
    /** How the result may reach the applicant; intake offers only these. */
    deliveryChannels: z.array(ResultDelivery).min(1),
    applicantKinds: z.array(ApplicantKind).min(1),
    /** The card asks for the applicant's РНОКПП: a person without one (but for religious refusal) cannot apply. */
    requiresRnokpp: z.boolean(),
    /** The law requires the person to attend (biometrics, an oath): no representative may apply. */
    personalAttendance: z.boolean(),
    requiredFields: z.array(RequiredField),
    tiers: z.array(ServiceTier).min(1).max(10),
    feeConditions: z.array(FeeCondition).max(20),
    /** False once the service left the catalog: old applications still show it, new ones cannot pick it. */
    active: z.boolean(),
    documents: z
      .array(z.object({ position: z.number().int().positive(), nameUk: Text(500), nameEn: Text(500), need: DocumentNeed }).strict())
      .max(100),
  })
  .strict();

/** Tier ids are unique within a service, and so are condition ids: a case names them. */
function uniqueIds(
  service: { tiers: ReadonlyArray<{ id: string }>; feeConditions: ReadonlyArray<{ id: string }> },
  ctx: z.RefinementCtx,
): void {
  for (const list of ['tiers', 'feeConditions'] as const) {
    const seen = new Set<string>();
    service[list].forEach((entry, i) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: 'catalog.duplicate_id' });
      seen.add(entry.id);
    });
  }
}

/** A catalog service as its information card (інформаційна картка) describes it. */
export const Service = ServiceShape.superRefine(uniqueIds);
export type ServiceInput = z.input<typeof Service>;
export type Service = z.output<typeof Service>;

/** A service as the back office publishes it: the provider's ЄДРПОУ is required there. */
export const PublishedService = ServiceShape.extend({
  provider: Provider.extend({ edrpou: zEdrpou }),
  legalBasis: Text(2000),
}).superRefine(uniqueIds);
export type PublishedService = z.output<typeof PublishedService>;
