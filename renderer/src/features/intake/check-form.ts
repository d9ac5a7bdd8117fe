/**
 * The intake form checked the way the backend will check it, so the clerk sees every problem
 * next to its field before Register: pure, given today's date, and it also produces the
 * normalized values (digits without spaces, +380…, ISO dates) that are sent.
 */
import type { ApplicantInput } from '../../../../shared/domain/applicant';
import type { RegisterApplicationInput } from '../../../../shared/domain/application';
import { validateBirthDate, validateIssueDate } from '../../../../shared/validate/dates';
import { validateEdrpou } from '../../../../shared/validate/edrpou';
import { validateEmail } from '../../../../shared/validate/email';
import { validateIdCardNumber } from '../../../../shared/validate/id-card';
import type { ValidationCode, ValidationErrorCode, ValidationWarningCode } from '../../../../shared/validate/messages';
import { validatePassportBooklet } from '../../../../shared/validate/passport-booklet';
import { validatePhone } from '../../../../shared/validate/phone';
import type { Validated } from '../../../../shared/validate/result';
import { rnokppBirthDate, rnokppSex, validateRnokpp } from '../../../../shared/validate/rnokpp';
import { unzrBirthDate, validateUnzr } from '../../../../shared/validate/unzr';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { itemField } from './field-ids';
import type { FieldId, FieldProblem, Problem } from './field-ids';
import type { ApplicantFields, IdDocType, IntakeForm } from './intake-form';

export interface FormCheck {
  /** Blocking problems, in the order the fields appear on screen. */
  errors: FieldProblem[];
  /** Worth a second look, never blocking. */
  warnings: FieldProblem[];
  /** The applicant to register with (a new or corrected one), when the form holds one. */
  applicant: ApplicantInput | null;
  /** Everything for intake.register except the applicant (the one above, or the chosen one's id). */
  application: Omit<RegisterApplicationInput, 'applicantId'> | null;
}

const code = (c: ValidationCode): Problem => ({ kind: 'code', code: c });
const text = (key: PlainMessageKey): Problem => ({ kind: 'text', key });

class Collector {
  readonly errors: FieldProblem[] = [];
  readonly warnings: FieldProblem[] = [];

  error(field: FieldId, problem: Problem): void {
    this.errors.push({ field, problem });
  }

  warn(field: FieldId, problem: Problem): void {
    this.warnings.push({ field, problem });
  }

  /** Runs a shared validator on a non-empty value; gives the normalized value or undefined. */
  check(
    field: FieldId,
    raw: string,
    validate: (value: string) => Validated<ValidationErrorCode, ValidationWarningCode>,
  ): string | undefined {
    if (raw.trim() === '') return undefined;
    const result = validate(raw);
    if (!result.ok) {
      this.error(field, code(result.code));
      return undefined;
    }
    for (const w of result.warnings ?? []) this.warn(field, code(w));
    return result.value;
  }

  required(field: FieldId, raw: string, key: PlainMessageKey): string | undefined {
    const value = raw.trim();
    if (value === '') this.error(field, text(key));
    return value === '' ? undefined : value;
  }
}

const optional = (raw: string): string | undefined => (raw.trim() === '' ? undefined : raw.trim());

function idDocNumber(c: Collector, field: FieldId, type: IdDocType | string, raw: string): string | undefined {
  if (type === 'id_card') return c.check(field, raw, validateIdCardNumber);
  if (type === 'passport_book') return c.check(field, raw, validatePassportBooklet);
  return optional(raw);
}

function checkPerson(c: Collector, f: ApplicantFields, today: string): ApplicantInput {
  const surname = c.required('applicant.surname', f.surname, 'intake.err.surname');
  const givenName = c.required('applicant.givenName', f.givenName, 'intake.err.givenName');
  const birthDate = c.check('applicant.birthDate', f.birthDate, (v) => validateBirthDate(v, today));
  let rnokpp: string | undefined;
  if (f.rnokppRefused) {
    if (f.rnokpp.trim() !== '') c.error('applicant.rnokpp', text('intake.err.rnokppWithRefusal'));
  } else if (f.rnokpp.trim() === '') {
    c.error('applicant.rnokpp', text('intake.err.rnokppRequired'));
  } else {
    rnokpp = c.check('applicant.rnokpp', f.rnokpp, validateRnokpp);
  }
  const number = idDocNumber(c, 'applicant.idDocNumber', f.idDocType, f.idDocNumber);
  if (f.rnokppRefused && f.idDocNumber.trim() === '') c.error('applicant.idDocNumber', text('intake.err.idDocForRefusal'));
  const issuedOn = c.check('applicant.idDocIssuedOn', f.idDocIssuedOn, (v) => validateIssueDate(v, today, birthDate));
  const unzr = c.check('applicant.unzr', f.unzr, validateUnzr);
  const phone = c.check('applicant.phone', f.phone, validatePhone);
  const email = c.check('applicant.email', f.email, validateEmail);
  notifyNeeds(c, f, phone, email);

  if (rnokpp !== undefined) {
    if (birthDate !== undefined && rnokppBirthDate(rnokpp) !== birthDate) c.warn('applicant.birthDate', code('cross.rnokpp_birth_date'));
    if (f.sex !== '' && rnokppSex(rnokpp) !== f.sex) c.warn('applicant.sex', code('cross.rnokpp_sex'));
  }
  if (unzr !== undefined && birthDate !== undefined && unzrBirthDate(unzr) !== birthDate)
    c.warn('applicant.unzr', code('cross.unzr_birth_date'));

  return {
    kind: 'person',
    surname: surname ?? '',
    givenName: givenName ?? '',
    patronymic: optional(f.patronymic),
    birthDate,
    sex: f.sex === '' ? undefined : f.sex,
    rnokpp,
    rnokppRefused: f.rnokppRefused,
    idDoc: number === undefined ? undefined : { type: f.idDocType, number, issuer: optional(f.idDocIssuer), issuedOn },
    unzr,
    address: optional(f.address),
    phone,
    email,
    notifyBy: f.notifyBy === '' ? undefined : f.notifyBy,
  };
}

function notifyNeeds(c: Collector, f: ApplicantFields, phone: string | undefined, email: string | undefined): void {
  if ((f.notifyBy === 'phone' || f.notifyBy === 'sms') && phone === undefined && f.phone.trim() === '') {
    c.error('applicant.phone', text('intake.err.phoneForNotify'));
  }
  if (f.notifyBy === 'email' && email === undefined && f.email.trim() === '') c.error('applicant.email', text('intake.err.emailForNotify'));
}

function checkLegalEntity(c: Collector, f: ApplicantFields): ApplicantInput {
  const legalName = c.required('applicant.legalName', f.legalName, 'intake.err.legalName');
  const edrpou = c.check('applicant.edrpou', f.edrpou, validateEdrpou);
  const rnokpp = c.check('applicant.rnokpp', f.rnokpp, validateRnokpp);
  if (f.edrpou.trim() === '' && f.rnokpp.trim() === '') c.error('applicant.edrpou', text('intake.err.edrpouRequired'));
  const phone = c.check('applicant.phone', f.phone, validatePhone);
  const email = c.check('applicant.email', f.email, validateEmail);
  notifyNeeds(c, f, phone, email);
  return {
    kind: 'legal_entity',
    legalName: legalName ?? '',
    edrpou,
    rnokpp,
    address: optional(f.address),
    phone,
    email,
    notifyBy: f.notifyBy === '' ? undefined : f.notifyBy,
  };
}

/** How a representative's document type is written into the application (the receipt prints it). */
export type DocTypeLabel = (type: string) => string;

export function checkForm(form: IntakeForm, today: string, docTypeLabel: DocTypeLabel): FormCheck {
  const c = new Collector();
  let applicant: ApplicantInput | null = null;
  if (form.applicant.mode === 'search') {
    c.error('applicant.search', text('intake.err.noApplicant'));
  } else if (form.applicant.mode === 'form') {
    const fields = form.applicant.fields;
    const input = fields.kind === 'person' ? checkPerson(c, fields, today) : checkLegalEntity(c, fields);
    applicant = form.applicant.id === null ? input : { ...input, id: form.applicant.id };
  }

  const rep = form.representative;
  let representative: RegisterApplicationInput['representative'];
  if (rep.enabled) {
    const fullName = c.required('rep.fullName', rep.fullName, 'intake.err.repName');
    const docNumber = idDocNumber(c, 'rep.idDocNumber', rep.idDocType, rep.idDocNumber);
    const poaNumber = c.required('rep.poaNumber', rep.poaNumber, 'intake.err.poaNumber');
    let poaDate: string | undefined;
    if (rep.poaDate.trim() === '') c.error('rep.poaDate', text('intake.err.poaDate'));
    else poaDate = c.check('rep.poaDate', rep.poaDate, (v) => validateIssueDate(v, today));
    representative = {
      fullName: fullName ?? '',
      idDocType: rep.idDocType === '' ? undefined : docTypeLabel(rep.idDocType),
      idDocNumber: docNumber,
      poaNumber: poaNumber ?? '',
      poaDate: poaDate ?? '',
    };
  }

  if (form.service === null) c.error('service', text('intake.err.service'));

  const items: RegisterApplicationInput['items'] = [];
  for (const line of form.items) {
    if (!line.submitted) continue;
    const name = line.nameUk.trim();
    if (name === '') c.error(itemField(line.key, 'name'), text('intake.err.itemName'));
    const sheets = /^\d{1,5}$/.test(line.sheets.trim()) ? Number(line.sheets.trim()) : Number.NaN;
    if (!(sheets >= 1 && sheets <= 10_000)) c.error(itemField(line.key, 'sheets'), text('intake.err.sheets'));
    items.push({ name, original: line.original, sheets });
  }
  if (form.service !== null && items.length === 0) c.error('items', text('intake.err.noItems'));
  if (form.notes.trim().length > 2000) c.error('notes', text('intake.err.notesTooLong'));

  const application =
    form.service === null
      ? null
      : {
          serviceId: form.service.id,
          representative,
          items,
          resultDelivery: form.resultDelivery,
          notes: optional(form.notes),
        };
  return { errors: c.errors, warnings: c.warnings, applicant, application };
}

/** A valid РНОКПП tells the birth date and sex: fills whichever of them is still empty. */
export function fillFromRnokpp(fields: ApplicantFields): ApplicantFields {
  const checked = validateRnokpp(fields.rnokpp);
  if (!checked.ok || fields.kind !== 'person') return fields;
  const iso = rnokppBirthDate(checked.value);
  return {
    ...fields,
    rnokpp: checked.value,
    birthDate: fields.birthDate.trim() === '' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : fields.birthDate,
    sex: fields.sex === '' ? rnokppSex(checked.value) : fields.sex,
  };
}
