/**
 * The backend re-validates everything; its VALIDATION issues carry a path into the call's input.
 * These map such a path to the intake field it belongs to, so the problem shows next to it.
 */
import type { FieldIssue } from '../../../../shared/errors';
import { VALIDATION_MESSAGES } from '../../../../shared/validate/messages';
import type { ValidationCode } from '../../../../shared/validate/messages';
import { itemField } from './field-ids';
import type { FieldProblem, Problem } from './field-ids';

const APPLICANT_FIELDS = new Set([
  'kind',
  'surname',
  'givenName',
  'patronymic',
  'birthDate',
  'sex',
  'rnokpp',
  'rnokppRefused',
  'unzr',
  'address',
  'phone',
  'email',
  'notifyBy',
  'legalName',
  'edrpou',
]);
const ID_DOC_FIELDS: Readonly<Record<string, string>> = {
  type: 'idDocType',
  number: 'idDocNumber',
  issuer: 'idDocIssuer',
  issuedOn: 'idDocIssuedOn',
};
const REP_FIELDS = new Set(['fullName', 'idDocType', 'idDocNumber', 'poaNumber', 'poaDate']);

function isValidationCode(message: string): message is ValidationCode {
  return Object.hasOwn(VALIDATION_MESSAGES, message);
}

/** The backend's message is a shared validation code when it can be; otherwise a generic, translated text. */
export function problemOf(issue: FieldIssue): Problem {
  return isValidationCode(issue.message) ? { kind: 'code', code: issue.message } : { kind: 'text', key: 'intake.err.rejected' };
}

/** An issue about the applicant: its path is into ApplicantInput (under `applicant` in intake.register). */
export function applicantIssueField(path: FieldIssue['path']): string {
  const [head, sub] = path;
  if (head === 'idDoc') return `applicant.${typeof sub === 'string' ? (ID_DOC_FIELDS[sub] ?? 'idDocNumber') : 'idDocNumber'}`;
  if (typeof head === 'string' && APPLICANT_FIELDS.has(head)) return `applicant.${head}`;
  return 'applicant.form';
}

/**
 * An issue of `intake.register`: its path is into RegisterIntake — the applicant's under
 * `applicant`, the application's at its fields, whose `items` are only the submitted checklist
 * lines (`submittedKeys` maps their index back to the line on screen).
 */
export function registerIssueField(path: FieldIssue['path'], submittedKeys: readonly string[]): string {
  const [head, sub, part] = path;
  switch (head) {
    case 'serviceId':
      return 'service';
    case 'applicant':
      return applicantIssueField(path.slice(1));
    case 'applicantId':
      return 'applicant.search';
    case 'representative':
      return typeof sub === 'string' && REP_FIELDS.has(sub) ? `rep.${sub}` : 'rep.fullName';
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
