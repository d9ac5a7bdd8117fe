/**
 * The intake form as the renderer keeps it: plain strings exactly as the clerk typed them, so a
 * draft restores the screen as it was. `check-form.ts` turns it into the contract's input.
 *
 * Every person on the form (the applicant, the representative, the person the service concerns)
 * is one `PartySection` with the same `PartyFields`, at the path `PartPath` names; a block of
 * fields takes that path and works on whichever person it is given.
 */
import type { ApplicantKind, RnokppAbsence } from '../../../../shared/domain/applicant';
import type { FeeCondition } from '../../../../shared/domain/fee-rule';
import type { ServiceTier } from '../../../../shared/domain/service';
import { ID_DOC_TYPES } from '../../../../shared/validate/id-documents';
import type { IdDocTypeCode } from '../../../../shared/validate/id-documents';

export type { ApplicantKind, RnokppAbsence };
export type IdDocType = IdDocTypeCode;
export type NotifyBy = 'phone' | 'sms' | 'email' | 'post' | 'none';
export type ResultDelivery = 'in_person' | 'post' | 'email' | 'electronic';
/** '' not stated; UKR; XXA stateless; `other`: the 3-letter code in `citizenshipCode`. */
export type CitizenshipChoice = '' | 'UKR' | 'XXA' | 'other';

export const APPLICANT_KINDS: readonly ApplicantKind[] = ['person', 'sole_trader', 'legal_entity'];
export const RNOKPP_ABSENCES: readonly RnokppAbsence[] = ['religious', 'foreigner', 'child', 'not_assigned'];
export const NOTIFY_BY: readonly NotifyBy[] = ['phone', 'sms', 'email', 'post', 'none'];
export const RESULT_DELIVERIES: readonly ResultDelivery[] = ['in_person', 'post', 'email', 'electronic'];

/** The parts of a structured address, each its own field (`address` keeps free text for the rest). */
export const ADDRESS_PARTS = [
  'addressRegion',
  'addressCommunity',
  'addressSettlement',
  'addressStreet',
  'addressBuilding',
  'addressFlat',
  'addressPostcode',
] as const;
export type AddressPartField = (typeof ADDRESS_PARTS)[number];

export type PartyFields = {
  kind: ApplicantKind;
  surname: string;
  givenName: string;
  patronymic: string;
  /** ДД.ММ.РРРР as typed. */
  birthDate: string;
  sex: '' | 'male' | 'female';
  rnokpp: string;
  /** '' while the person has (or will give) an РНОКПП; otherwise why there is none. */
  rnokppAbsent: '' | RnokppAbsence;
  idDocType: IdDocType;
  idDocNumber: string;
  idDocIssuer: string;
  idDocIssuedOn: string;
  idDocValidUntil: string;
  idDocPresentedAs: 'paper' | 'diia';
  unzr: string;
  citizenship: CitizenshipChoice;
  citizenshipCode: string;
  address: string;
  phone: string;
  email: string;
  notifyBy: '' | NotifyBy;
  /** A sole trader's business name and ЄДР record. */
  businessName: string;
  registryRecord: string;
  legalName: string;
  edrpou: string;
  /** The clerk confirmed a birth date or sex that contradicts the РНОКПП against the document. */
  crossConfirmed: boolean;
} & Record<AddressPartField, string>;

/**
 * `search`: nobody chosen yet; `existing`: a person picked from the search (read-only here);
 * `form`: a new person, or an existing one being corrected (`id` set).
 */
export interface PartySection {
  mode: 'search' | 'existing' | 'form';
  id: string | null;
  /** The chosen person's name and identifiers, shown in the summary card. */
  summary: { displayName: string; details: string } | null;
  fields: PartyFields;
}

/** Where a person sits in the form; also the prefix of their fields' ids (`representative.applicant.surname`). */
export type PartPath = 'applicant' | 'representative.applicant' | 'subject.applicant';

/** A representative's authority as typed (the contract's `Authority`); '' where not given. */
export interface AuthorityFields {
  basis: string;
  documentNumber: string;
  documentDate: string;
  notary: string;
  legalDocument: string;
  registryChecked: boolean;
  description: string;
  validUntil: string;
  mayReceiveResult: boolean;
}

export interface RepresentativeSection {
  enabled: boolean;
  applicant: PartySection;
  authority: AuthorityFields;
}

/** The person the service concerns, when not the applicant. */
export interface SubjectSection {
  enabled: boolean;
  applicant: PartySection;
  /** The applicant is this person's legal representative (a parent): the applicant is then the representative. */
  applicantRepresents: boolean;
}

export interface ChosenService {
  id: string;
  code: string;
  nameUk: string;
  nameEn: string;
  /** The information card's tiers and fee conditions: the term and fee are computed from them as the clerk chooses. */
  tiers: ServiceTier[];
  feeConditions: FeeCondition[];
  /** How the result may reach the applicant: the delivery choice offers only these. */
  deliveryChannels: ResultDelivery[];
  /** No representative may apply for this service. */
  personalAttendance: boolean;
  /** The applicant must have an РНОКПП (a religious refusal aside). */
  requiresRnokpp: boolean;
}

export interface ChecklistLine {
  /** Stable across edits and reloads, for React keys and field ids. */
  key: string;
  nameUk: string;
  nameEn: string;
  /** From the catalog (false for a line the clerk added). */
  fromCatalog: boolean;
  required: boolean;
  submitted: boolean;
  original: boolean;
  sheets: string;
  /** Presented and handed back (a passport shown), not kept in the case; drafts of earlier versions lack it: handed in. */
  returned?: boolean;
  /** The line's pages scanned and assembled: registration attaches that PDF, and `sheets` is its page count; null once its pages changed after. */
  scan?: LineScan | null;
}

export interface LineScan {
  setId: string;
  pages: number;
}

/** The applicant insists on registering without required documents, for this reason (missing-documents.ts). */
export interface InsistedFields {
  on: boolean;
  reason: string;
}

export const NOT_INSISTED: InsistedFields = { on: false, reason: '' };

/** The service's tier, the fee conditions that hold and an exemption (пільга) with its reason. */
export interface TermsFields {
  tierId: string;
  conditions: string[];
  exempt: boolean;
  exemptionReason: string;
}

export const EMPTY_TERMS: TermsFields = { tierId: '', conditions: [], exempt: false, exemptionReason: '' };

export interface IntakeForm {
  applicant: PartySection;
  representative: RepresentativeSection;
  subject: SubjectSection;
  service: ChosenService | null;
  items: ChecklistLine[];
  /** Registering although required documents are missing: the applicant insists, for this reason. */
  insisted: InsistedFields;
  terms: TermsFields;
  resultDelivery: ResultDelivery;
  notes: string;
}

export const EMPTY_PARTY: PartyFields = {
  kind: 'person',
  surname: '',
  givenName: '',
  patronymic: '',
  birthDate: '',
  sex: '',
  rnokpp: '',
  rnokppAbsent: '',
  idDocType: 'id_card',
  idDocNumber: '',
  idDocIssuer: '',
  idDocIssuedOn: '',
  idDocValidUntil: '',
  idDocPresentedAs: 'paper',
  unzr: '',
  citizenship: '',
  citizenshipCode: '',
  addressRegion: '',
  addressCommunity: '',
  addressSettlement: '',
  addressStreet: '',
  addressBuilding: '',
  addressFlat: '',
  addressPostcode: '',
  address: '',
  phone: '',
  email: '',
  notifyBy: '',
  businessName: '',
  registryRecord: '',
  legalName: '',
  edrpou: '',
  crossConfirmed: false,
};

export const EMPTY_AUTHORITY: AuthorityFields = {
  basis: '',
  documentNumber: '',
  documentDate: '',
  notary: '',
  legalDocument: '',
  registryChecked: false,
  description: '',
  validUntil: '',
  mayReceiveResult: false,
};

export function emptyParty(): PartySection {
  return { mode: 'search', id: null, summary: null, fields: { ...EMPTY_PARTY } };
}

export function emptyForm(): IntakeForm {
  return {
    applicant: emptyParty(),
    representative: { enabled: false, applicant: emptyParty(), authority: { ...EMPTY_AUTHORITY } },
    subject: { enabled: false, applicant: emptyParty(), applicantRepresents: false },
    service: null,
    items: [],
    insisted: { ...NOT_INSISTED },
    terms: { ...EMPTY_TERMS },
    resultDelivery: 'in_person',
    notes: '',
  };
}

export function partyAt(form: IntakeForm, part: PartPath): PartySection {
  if (part === 'applicant') return form.applicant;
  return part === 'representative.applicant' ? form.representative.applicant : form.subject.applicant;
}

export function withParty(form: IntakeForm, part: PartPath, party: PartySection): IntakeForm {
  if (part === 'applicant') return { ...form, applicant: party };
  if (part === 'representative.applicant') return { ...form, representative: { ...form.representative, applicant: party } };
  return { ...form, subject: { ...form.subject, applicant: party } };
}

/** A person nobody has chosen or typed anything for: "new person" opened, or a kind picked, is not content yet. */
function blankParty(party: PartySection): boolean {
  return party.id === null && JSON.stringify({ ...party.fields, kind: 'person' }) === JSON.stringify(EMPTY_PARTY);
}

/** True while nothing worth keeping has been entered: such a form is never saved as a draft. */
export function isBlank(form: IntakeForm): boolean {
  const empty = emptyForm();
  const parties: readonly PartPath[] = ['applicant', 'representative.applicant', 'subject.applicant'];
  if (!parties.every((part) => blankParty(partyAt(form, part)))) return false;
  const rest = (f: IntakeForm) =>
    JSON.stringify({
      ...f,
      applicant: null,
      representative: { ...f.representative, applicant: null },
      subject: { ...f.subject, applicant: null },
    });
  return rest(form) === rest(empty);
}

const DRAFT_VERSION = 2;

export function toDraftData(form: IntakeForm): Record<string, unknown> {
  return { version: DRAFT_VERSION, form };
}

function restoreParty(base: PartySection, saved: unknown): PartySection {
  if (typeof saved !== 'object' || saved === null) return base;
  const party = saved as Partial<PartySection>;
  return { ...base, ...party, fields: { ...EMPTY_PARTY, ...party.fields } };
}

type Loose = Record<string, unknown>;
const loose = (value: unknown): Loose => (typeof value === 'object' && value !== null ? (value as Loose) : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * A draft of the screen before issue 14 (a draft may wait across an update): the РНОКПП refusal
 * flag becomes the religious reason, and the representative typed by name with a power of
 * attorney becomes a person entered anew with the POA's number and date; its basis is left for
 * the clerk to choose, since the old form did not ask.
 */
function fromVersion1(form: Loose): Loose {
  const applicant = loose(form['applicant']);
  const { rnokppRefused, ...fields } = loose(applicant['fields']);
  const rep = loose(form['representative']);
  const repName = text(rep['fullName']);
  const repDocType = ID_DOC_TYPES.find((type) => type === rep['idDocType']);
  return {
    ...form,
    applicant: { ...applicant, fields: { ...fields, ...(rnokppRefused === true ? { rnokppAbsent: 'religious' } : {}) } },
    representative: {
      enabled: rep['enabled'] === true,
      applicant:
        repName === ''
          ? emptyParty()
          : {
              mode: 'form',
              id: null,
              summary: null,
              fields: {
                ...EMPTY_PARTY,
                ...splitName(repName),
                ...(repDocType ? { idDocType: repDocType } : {}),
                idDocNumber: text(rep['idDocNumber']),
              },
            },
      authority: { ...EMPTY_AUTHORITY, documentNumber: text(rep['poaNumber']), documentDate: text(rep['poaDate']) },
    },
  };
}

/**
 * A draft written by this version of the screen, or by the one before (upgraded); anything else
 * (an unknown shape, a damaged record) gives null and the screen starts afresh rather than crash on it.
 */
export function fromDraftData(data: Record<string, unknown>): IntakeForm | null {
  if (data['version'] !== DRAFT_VERSION && data['version'] !== 1) return null;
  const form =
    data['version'] === 1 && typeof data['form'] === 'object' && data['form'] !== null ? fromVersion1(loose(data['form'])) : data['form'];
  if (typeof form !== 'object' || form === null) return null;
  const candidate = form as Partial<IntakeForm>;
  if (typeof candidate.applicant !== 'object' || candidate.applicant === null || !Array.isArray(candidate.items)) return null;
  const base = emptyForm();
  // A draft written before services had tiers: the service is picked again, its catalog lines with it.
  if (candidate.service && (!Array.isArray(candidate.service.tiers) || !Array.isArray(candidate.service.deliveryChannels))) {
    return fromDraftData({
      version: DRAFT_VERSION,
      form: { ...candidate, service: null, items: candidate.items.filter((l) => !l.fromCatalog) },
    });
  }
  return {
    ...base,
    ...candidate,
    applicant: restoreParty(base.applicant, candidate.applicant),
    representative: {
      ...base.representative,
      ...candidate.representative,
      applicant: restoreParty(base.representative.applicant, candidate.representative?.applicant),
      authority: { ...EMPTY_AUTHORITY, ...candidate.representative?.authority },
    },
    subject: { ...base.subject, ...candidate.subject, applicant: restoreParty(base.subject.applicant, candidate.subject?.applicant) },
    items: candidate.items,
    insisted: { ...NOT_INSISTED, ...candidate.insisted },
    terms: { ...EMPTY_TERMS, ...candidate.terms },
  };
}

let lineCounter = 0;
export function newLineKey(): string {
  lineCounter += 1;
  return `l${Date.now().toString(36)}${lineCounter}`;
}

/** A person's name as a clerk types it into the search ("Шевченко Тарас Григорович") split into its parts. */
export function splitName(text: string): Pick<PartyFields, 'surname' | 'givenName' | 'patronymic'> {
  const [surname = '', givenName = '', ...rest] = text.trim().split(/\s+/u);
  return { surname, givenName, patronymic: rest.join(' ') };
}
