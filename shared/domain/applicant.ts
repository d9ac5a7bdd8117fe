import { z } from 'zod';
import {
  validateIdCardNumber,
  validatePassportBooklet,
  zBirthDate,
  zEdrpou,
  zEmail,
  zIssueDate,
  zPhone,
  zRnokpp,
  zUnzr,
} from '../validate';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const IdDocType = z.enum(['id_card', 'passport_book', 'foreign_passport', 'residence_permit', 'other']);
export const NotifyBy = z.enum(['phone', 'sms', 'email', 'post', 'none']);

/** Normalized (pasted spaces and dashes dropped); a failure's message is the validation code. */
export const Rnokpp = zRnokpp;
export const Edrpou = zEdrpou;

/**
 * An identity document; its number is checked and normalized by the rules of its type (an ID
 * card's 9 digits, a booklet's Cyrillic series and 6 digits), other types are free text.
 */
const IdDoc = z
  .object({ type: IdDocType, number: Text(30), issuer: Text(200).optional(), issuedOn: zIssueDate.optional() })
  .strict()
  .transform((doc, ctx) => {
    const validate = doc.type === 'id_card' ? validateIdCardNumber : doc.type === 'passport_book' ? validatePassportBooklet : null;
    if (validate === null) return doc;
    const checked = validate(doc.number);
    if (checked.ok) return { ...doc, number: checked.value };
    ctx.addIssue({ code: 'custom', path: ['number'], message: checked.code });
    return z.NEVER;
  });

const PersonFields = z.object({
  kind: z.literal('person'),
  surname: Text(100),
  givenName: Text(100),
  patronymic: Text(100).optional(),
  birthDate: zBirthDate.optional(),
  sex: z.enum(['male', 'female']).optional(),
  rnokpp: Rnokpp.optional(),
  /** Refused an РНОКПП on religious grounds: the passport identifies the person instead. */
  rnokppRefused: z.boolean().default(false),
  idDoc: IdDoc.optional(),
  unzr: zUnzr.optional(),
  address: Text(300).optional(),
  phone: zPhone.optional(),
  email: zEmail.optional(),
  notifyBy: NotifyBy.optional(),
});

const LegalEntityFields = z.object({
  kind: z.literal('legal_entity'),
  legalName: Text(300),
  /** A legal entity's ЄДРПОУ, or for a sole trader their РНОКПП. */
  edrpou: Edrpou.optional(),
  rnokpp: Rnokpp.optional(),
  address: Text(300).optional(),
  phone: zPhone.optional(),
  email: zEmail.optional(),
  notifyBy: NotifyBy.optional(),
});

/** What a clerk enters for an applicant; `id` present means "update that applicant". */
export const ApplicantInput = z
  .discriminatedUnion('kind', [
    PersonFields.extend({ id: z.uuid().optional() }).strict(),
    LegalEntityFields.extend({ id: z.uuid().optional() }).strict(),
  ])
  .superRefine((a, ctx) => {
    if (a.kind === 'person' && a.rnokpp !== undefined && a.rnokppRefused) {
      ctx.addIssue({ code: 'custom', path: ['rnokppRefused'], message: 'a person who refused an РНОКПП has none to enter' });
    }
    // Both dates are normalized YYYY-MM-DD here, so string order is date order; the checks that need today are the handler's.
    if (a.kind === 'person' && a.birthDate !== undefined && a.idDoc?.issuedOn !== undefined && a.idDoc.issuedOn < a.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['idDoc', 'issuedOn'], message: 'issue_date.before_birth' });
    }
    if (a.kind === 'legal_entity' && a.edrpou === undefined && a.rnokpp === undefined) {
      ctx.addIssue({ code: 'custom', path: ['edrpou'], message: 'a legal entity needs its ЄДРПОУ (or a sole trader’s РНОКПП)' });
    }
  });
export type ApplicantInput = z.input<typeof ApplicantInput>;
export type ApplicantData = z.output<typeof ApplicantInput>;

export const Applicant = z.object({
  id: z.string(),
  kind: z.enum(['person', 'legal_entity']),
  displayName: z.string(),
  surname: z.string().nullable(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(['male', 'female']).nullable(),
  rnokpp: z.string().nullable(),
  rnokppRefused: z.boolean(),
  idDoc: z.object({ type: IdDocType, number: z.string(), issuer: z.string().nullable(), issuedOn: z.string().nullable() }).nullable(),
  unzr: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notifyBy: NotifyBy.nullable(),
  legalName: z.string().nullable(),
  edrpou: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  serverVersion: z.number().int().nullable(),
});
export type Applicant = z.infer<typeof Applicant>;

export const ApplicantSummary = z.object({
  id: z.string(),
  kind: z.enum(['person', 'legal_entity']),
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
