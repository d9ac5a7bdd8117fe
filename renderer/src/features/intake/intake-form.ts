/**
 * The intake form as the renderer keeps it: plain strings exactly as the clerk typed them, so a
 * draft restores the screen as it was. Turning it into contract inputs is `form-to-input.ts`.
 */
export type ApplicantKind = 'person' | 'legal_entity';
export type IdDocType = 'id_card' | 'passport_book' | 'foreign_passport' | 'residence_permit' | 'other';
export type NotifyBy = 'phone' | 'sms' | 'email' | 'post' | 'none';
export type ResultDelivery = 'in_person' | 'post' | 'email' | 'electronic';

export const ID_DOC_TYPES: readonly IdDocType[] = ['id_card', 'passport_book', 'foreign_passport', 'residence_permit', 'other'];
export const NOTIFY_BY: readonly NotifyBy[] = ['phone', 'sms', 'email', 'post', 'none'];
export const RESULT_DELIVERIES: readonly ResultDelivery[] = ['in_person', 'post', 'email', 'electronic'];

export interface ApplicantFields {
  kind: ApplicantKind;
  surname: string;
  givenName: string;
  patronymic: string;
  /** ДД.ММ.РРРР as typed. */
  birthDate: string;
  sex: '' | 'male' | 'female';
  rnokpp: string;
  rnokppRefused: boolean;
  idDocType: IdDocType;
  idDocNumber: string;
  idDocIssuer: string;
  idDocIssuedOn: string;
  unzr: string;
  address: string;
  phone: string;
  email: string;
  notifyBy: '' | NotifyBy;
  legalName: string;
  edrpou: string;
}

/**
 * `search`: nobody chosen yet; `existing`: an applicant picked from the search (read-only here);
 * `form`: a new applicant, or an existing one being corrected (`id` set).
 */
export interface ApplicantSection {
  mode: 'search' | 'existing' | 'form';
  id: string | null;
  /** The chosen applicant's name and identifiers, shown in the summary card. */
  summary: { displayName: string; details: string } | null;
  fields: ApplicantFields;
}

export interface RepresentativeFields {
  enabled: boolean;
  fullName: string;
  idDocType: string;
  idDocNumber: string;
  poaNumber: string;
  poaDate: string;
}

export interface ChosenService {
  id: string;
  code: string;
  nameUk: string;
  nameEn: string;
  deadlineValue: number;
  deadlineUnit: 'working_days' | 'calendar_days';
  feeKopecks: number;
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
}

export interface IntakeForm {
  applicant: ApplicantSection;
  representative: RepresentativeFields;
  service: ChosenService | null;
  items: ChecklistLine[];
  resultDelivery: ResultDelivery;
  notes: string;
}

export const EMPTY_APPLICANT: ApplicantFields = {
  kind: 'person',
  surname: '',
  givenName: '',
  patronymic: '',
  birthDate: '',
  sex: '',
  rnokpp: '',
  rnokppRefused: false,
  idDocType: 'id_card',
  idDocNumber: '',
  idDocIssuer: '',
  idDocIssuedOn: '',
  unzr: '',
  address: '',
  phone: '',
  email: '',
  notifyBy: '',
  legalName: '',
  edrpou: '',
};

export function emptyForm(): IntakeForm {
  return {
    applicant: { mode: 'search', id: null, summary: null, fields: { ...EMPTY_APPLICANT } },
    representative: { enabled: false, fullName: '', idDocType: '', idDocNumber: '', poaNumber: '', poaDate: '' },
    service: null,
    items: [],
    resultDelivery: 'in_person',
    notes: '',
  };
}

/** True while nothing worth keeping has been entered: such a form is never saved as a draft. */
export function isBlank(form: IntakeForm): boolean {
  return JSON.stringify(form) === JSON.stringify(emptyForm());
}

const DRAFT_VERSION = 1;

export function toDraftData(form: IntakeForm): Record<string, unknown> {
  return { version: DRAFT_VERSION, form };
}

/**
 * A draft written by this version of the screen; anything else (an older shape, a damaged
 * record) gives null and the screen starts afresh rather than crash on it.
 */
export function fromDraftData(data: Record<string, unknown>): IntakeForm | null {
  if (data['version'] !== DRAFT_VERSION) return null;
  const form = data['form'];
  if (typeof form !== 'object' || form === null) return null;
  const candidate = form as Partial<IntakeForm>;
  if (typeof candidate.applicant !== 'object' || candidate.applicant === null || !Array.isArray(candidate.items)) return null;
  const base = emptyForm();
  return {
    ...base,
    ...candidate,
    applicant: { ...base.applicant, ...candidate.applicant, fields: { ...EMPTY_APPLICANT, ...candidate.applicant.fields } },
    representative: { ...base.representative, ...candidate.representative },
    items: candidate.items,
  } as IntakeForm;
}

let lineCounter = 0;
export function newLineKey(): string {
  lineCounter += 1;
  return `l${Date.now().toString(36)}${lineCounter}`;
}

/** A person's name as a clerk types it into the search ("Шевченко Тарас Григорович") split into its parts. */
export function splitName(text: string): Pick<ApplicantFields, 'surname' | 'givenName' | 'patronymic'> {
  const [surname = '', givenName = '', ...rest] = text.trim().split(/\s+/u);
  return { surname, givenName, patronymic: rest.join(' ') };
}
