import { z } from 'zod';
import {
  ID_DOC_TYPES,
  expiryRule,
  needsIssuerCode,
  validateIdDocNumber,
  validateIssuerCode,
  zBirthDate,
  zEdrpou,
  zEmail,
  zIssueDate,
  zPhone,
  zRnokpp,
  zUnzr,
  zValidUntil,
} from '../validate';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const IdDocType = z.enum(ID_DOC_TYPES);
export type IdDocType = z.infer<typeof IdDocType>;
export const NotifyBy = z.enum(['phone', 'sms', 'email', 'post', 'none']);
/** How the clerk saw the document: the paper (or card) itself, or the e-document in Дія. */
export const DocPresentedAs = z.enum(['paper', 'diia']);
/**
 * Why a person has no РНОКПП: refused it on religious grounds (the passport identifies them),
 * a foreigner or stateless person, a child, or never assigned one.
 */
export const RnokppAbsence = z.enum(['religious', 'foreigner', 'child', 'not_assigned']);
export type RnokppAbsence = z.infer<typeof RnokppAbsence>;
export const ApplicantKind = z.enum(['person', 'sole_trader', 'legal_entity']);
export type ApplicantKind = z.infer<typeof ApplicantKind>;

/** Normalized (pasted spaces and dashes dropped); a failure's message is the validation code. */
export const Rnokpp = zRnokpp;
export const Edrpou = zEdrpou;

/**
 * An identity document; its number is checked and normalized by the rules of its type
 * (shared/validate/id-documents.ts). Whether it has expired needs the desk's today: the
 * handler checks that (main/backend/applicants/check-dates.ts).
 */
export const IdDoc = z
  .object({
    type: IdDocType,
    number: Text(30),
    issuer: Text(200).optional(),
    issuedOn: zIssueDate.optional(),
    /** "Дійсний до", where the type prints one. */
    validUntil: zValidUntil.optional(),
    presentedAs: DocPresentedAs.default('paper'),
  })
  .strict()
  .transform((doc, ctx) => {
    const checked = validateIdDocNumber(doc.type, doc.number);
    if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['number'], message: checked.code });
    const issuer = doc.issuer !== undefined && needsIssuerCode(doc.type) ? validateIssuerCode(doc.issuer) : undefined;
    if (issuer?.ok === false) ctx.addIssue({ code: 'custom', path: ['issuer'], message: issuer.code });
    if (doc.validUntil === undefined && expiryRule(doc.type) === 'required') {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'id_doc.expiry_required' });
    }
    if (doc.validUntil !== undefined && doc.issuedOn !== undefined && doc.validUntil < doc.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'id_doc.expiry_before_issue' });
    }
    if (!checked.ok || issuer?.ok === false) return z.NEVER;
    return { ...doc, number: checked.value, ...(issuer?.ok ? { issuer: issuer.value } : {}) };
  });
export type IdDocInput = z.input<typeof IdDoc>;

/**
 * An address in parts (КАТОТТГ-style: region, community, settlement, then street, building, flat);
 * `address` beside it keeps free text for whatever the parts do not hold.
 */
export const AddressParts = z
  .object({
    region: Text(100).optional(),
    community: Text(100).optional(),
    settlement: Text(100).optional(),
    street: Text(150).optional(),
    building: Text(20).optional(),
    flat: Text(20).optional(),
    postcode: z
      .string()
      .regex(/^\d{5}$/, 'postcode.format')
      .optional(),
  })
  .strict();
export type AddressParts = z.infer<typeof AddressParts>;

/** ISO 3166-1 alpha-3 (UKR), or XXA for a stateless person as machine-readable documents write it. */
export const Citizenship = z.string().regex(/^[A-Z]{3}$/, 'citizenship.format');

const Contacts = {
  address: Text(300).optional(),
  addressParts: AddressParts.optional(),
  phone: zPhone.optional(),
  email: zEmail.optional(),
  notifyBy: NotifyBy.optional(),
};

const PersonIdentity = {
  surname: Text(100),
  givenName: Text(100),
  patronymic: Text(100).optional(),
  birthDate: zBirthDate.optional(),
  sex: z.enum(['male', 'female']).optional(),
  rnokpp: Rnokpp.optional(),
  /** Set exactly when there is no РНОКПП: the reason there is none. */
  rnokppAbsent: RnokppAbsence.optional(),
  idDoc: IdDoc.optional(),
  unzr: zUnzr.optional(),
  citizenship: Citizenship.optional(),
};

const PersonFields = z.object({ kind: z.literal('person'), ...PersonIdentity, ...Contacts });

/** A sole trader (ФОП): a person, with the business's own name and registry record where it has them. */
const SoleTraderFields = z.object({
  kind: z.literal('sole_trader'),
  ...PersonIdentity,
  businessName: Text(300).optional(),
  /** The number of the record in the state register (ЄДР). */
  registryRecord: Text(40).optional(),
  ...Contacts,
});

const LegalEntityFields = z.object({ kind: z.literal('legal_entity'), legalName: Text(300), edrpou: Edrpou, ...Contacts });

/** What a clerk enters for an applicant; `id` present means "update that applicant". */
export const ApplicantInput = z
  .discriminatedUnion('kind', [
    PersonFields.extend({ id: z.uuid().optional() }).strict(),
    SoleTraderFields.extend({ id: z.uuid().optional() }).strict(),
    LegalEntityFields.extend({ id: z.uuid().optional() }).strict(),
  ])
  .superRefine((a, ctx) => {
    if (a.kind === 'legal_entity') return;
    if (a.rnokpp !== undefined && a.rnokppAbsent !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['rnokppAbsent'], message: 'a person without an РНОКПП has none to enter' });
    }
    if (a.rnokpp === undefined && a.rnokppAbsent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rnokpp'], message: 'rnokpp.reason_required' });
    }
    // Both dates are normalized YYYY-MM-DD here, so string order is date order; the checks that need today are the handler's.
    if (a.birthDate !== undefined && a.idDoc?.issuedOn !== undefined && a.idDoc.issuedOn < a.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['idDoc', 'issuedOn'], message: 'issue_date.before_birth' });
    }
  });
export type ApplicantInput = z.input<typeof ApplicantInput>;
export type ApplicantData = z.output<typeof ApplicantInput>;

export const Applicant = z.object({
  id: z.string(),
  /** Records of earlier versions may be a `legal_entity` carrying a sole trader's РНОКПП instead of an ЄДРПОУ. */
  kind: ApplicantKind,
  displayName: z.string(),
  surname: z.string().nullable(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  rnokpp: z.string().nullable(),
  rnokppAbsent: RnokppAbsence.nullable(),
  idDoc: z
    .object({
      type: IdDocType,
      number: z.string(),
      issuer: z.string().nullable(),
      issuedOn: z.string().nullable(),
      validUntil: z.string().nullable(),
      presentedAs: DocPresentedAs,
    })
    .nullable(),
  unzr: z.string().nullable(),
  citizenship: z.string().nullable(),
  address: z.string().nullable(),
  addressParts: AddressParts.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notifyBy: NotifyBy.nullable(),
  businessName: z.string().nullable(),
  registryRecord: z.string().nullable(),
  legalName: z.string().nullable(),
  edrpou: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  serverVersion: z.number().int().nullable(),
});
export type Applicant = z.infer<typeof Applicant>;

export const ApplicantSummary = z.object({
  id: z.string(),
  kind: ApplicantKind,
  displayName: z.string(),
  birthDate: z.string().nullable(),
  rnokpp: z.string().nullable(),
  edrpou: z.string().nullable(),
  idDocNumber: z.string().nullable(),
  phone: z.string().nullable(),
  /** Why it matched: an identifier beats a name; folded and latin are the looser name tiers (docs/ARCHITECTURE.md §5.6). */
  match: z.enum(['rnokpp', 'rnokpp_prefix', 'edrpou', 'id_doc', 'phone', 'name', 'folded', 'latin']),
});
export type ApplicantSummary = z.infer<typeof ApplicantSummary>;
