import { z } from 'zod';

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
