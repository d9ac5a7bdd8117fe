/**
 * The backend re-validates everything; its VALIDATION issues carry a path into the call's input.
 * These map such a path to the intake field it belongs to, so the problem shows next to it.
 */
import type { FieldIssue } from '../../../../shared/errors';
import { VALIDATION_MESSAGES } from '../../../../shared/validate/messages';
import type { ValidationCode } from '../../../../shared/validate/messages';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { itemField } from './field-ids';
import type { FieldProblem, Problem } from './field-ids';
import { EMPTY_PARTY } from './intake-form';
import type { PartPath } from './intake-form';

const ID_DOC_FIELDS: Readonly<Record<string, string>> = {
  type: 'idDocType',
  number: 'idDocNumber',
  issuer: 'idDocIssuer',
  issuedOn: 'idDocIssuedOn',
  validUntil: 'idDocValidUntil',
  presentedAs: 'idDocPresentedAs',
};
/** The backend's codes that are not shared validation messages, with the screen's own text for them. */
const SCREEN_TEXTS: Readonly<Record<string, PlainMessageKey>> = {
  'applicant.duplicate': 'intake.err.duplicate',
  'citizenship.format': 'intake.err.citizenshipCode',
  'postcode.format': 'intake.err.postcode',
  'authority.documentNumber_required': 'intake.err.authority.documentNumber',
  'authority.documentDate_required': 'intake.err.authority.documentDate',
  'authority.notary_required': 'intake.err.authority.notary',
  'authority.legalDocument_required': 'intake.err.authority.legalDocument',
  'authority.description_required': 'intake.err.authority.description',
  'authority.registry_check_required': 'intake.err.authority.registryChecked',
  'authority.valid_until_before_date': 'intake.err.authority.validUntilBeforeDate',
  'authority.expired': 'intake.err.authority.expired',
  'service.personal_attendance': 'intake.err.personalAttendance',
  'service.requires_rnokpp': 'intake.err.requiresRnokpp',
  'application.required_missing': 'intake.err.missingRequired',
  'representative.not_person': 'intake.err.representativeNotPerson',
  'representative.is_applicant': 'intake.err.representativeIsApplicant',
  'subject.not_person': 'intake.err.subjectNotPerson',
  'subject.is_applicant': 'intake.err.subjectIsApplicant',
  'service.applicant_kind': 'terms.err.applicantKind',
  'service.requires_field': 'terms.err.requiredField',
  'service.delivery_channel': 'terms.err.deliveryChannel',
  'terms.unknown_tier': 'terms.err.unknownTier',
  'terms.unknown_condition': 'terms.err.unknownCondition',
  'fee.subsistence_year_missing': 'terms.err.subsistenceYear',
};

function isValidationCode(message: string): message is ValidationCode {
  return Object.hasOwn(VALIDATION_MESSAGES, message);
}

/** The backend's message is a shared validation code when it can be; otherwise a translated text. */
export function problemOf(issue: FieldIssue): Problem {
  if (isValidationCode(issue.message)) return { kind: 'code', code: issue.message };
  return { kind: 'text', key: SCREEN_TEXTS[issue.message] ?? 'intake.err.rejected' };
}

/** An issue about a person: its path is into ApplicantInput, the field is the form's field of that person. */
export function personIssueField(part: PartPath, path: FieldIssue['path']): string {
  const [head, sub] = path;
  if (head === 'idDoc') return `${part}.${typeof sub === 'string' ? (ID_DOC_FIELDS[sub] ?? 'idDocNumber') : 'idDocNumber'}`;
  if (head === 'addressParts' && typeof sub === 'string') return `${part}.address${sub.charAt(0).toUpperCase()}${sub.slice(1)}`;
  if (head === 'citizenship') return `${part}.citizenshipCode`;
  if (typeof head === 'string' && Object.hasOwn(EMPTY_PARTY, head)) return `${part}.${head}`;
  return `${part}.form`;
}

/** The person an intake.register issue is about, if any. */
export function partOfIssue(path: FieldIssue['path']): PartPath | null {
  const [head, sub] = path;
  if (head === 'applicant') return 'applicant';
  if ((head === 'representative' || head === 'subject') && sub === 'applicant') return `${head}.applicant`;
  return null;
}

/**
 * An issue of `intake.register`: its path is into RegisterIntake — each person's under its part
 * (`applicant`, `representative.applicant`, `subject.applicant`), the application's at its
 * fields, whose `items` are only the submitted checklist lines (`submittedKeys` maps their index
 * back to the line on screen).
 */
export function registerIssueField(path: FieldIssue['path'], submittedKeys: readonly string[]): string {
  const [head, sub, part] = path;
  const person = partOfIssue(path);
  if (person !== null) return personIssueField(person, path.slice(person === 'applicant' ? 1 : 2));
  switch (head) {
    case 'serviceId':
      return 'service';
    case 'applicantId':
      return 'applicant.search';
    case 'representative':
      if (sub === 'applicantId') return 'representative.applicant.search';
      if (sub === 'authority' && typeof part === 'string') return `representative.authority.${part}`;
      return 'representative.enabled';
    case 'subject':
      return 'subject.applicant.search';
    case 'insisted':
      return 'insisted.reason';
    case 'tierId':
      return 'terms.tier';
    case 'feeConditions':
      return 'terms.conditions';
    case 'feeExemption':
      return 'terms.exemptionReason';
    case 'subsistenceMinimum':
      return 'service';
    case 'items': {
      const key = typeof sub === 'number' ? submittedKeys[sub] : undefined;
      if (key === undefined) return 'items';
      return itemField(key, part === 'name' ? 'name' : part === 'original' ? 'submitted' : 'sheets');
    }
    case 'resultDelivery':
    case 'notes':
      return head;
    default:
      return 'form';
  }
}

export function issuesToProblems(issues: readonly FieldIssue[] | undefined, fieldOf: (path: FieldIssue['path']) => string): FieldProblem[] {
  return (issues ?? []).map((issue) => ({ field: fieldOf(issue.path), problem: problemOf(issue) }));
}
