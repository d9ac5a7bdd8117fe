/**
 * The intake form checked the way the backend will check it, so the clerk sees every problem
 * next to its field before Register: pure, given today's date, and it also produces the
 * normalized values (digits without spaces, +380…, ISO dates) that are sent.
 */
import type { ApplicantInput } from '../../../../shared/domain/applicant';
import type { RegisterIntakeInput } from '../../../../shared/domain/registration';
import { crossCheckPerson } from '../../../../shared/validate/cross-checks';
import type { CrossCheckWarning } from '../../../../shared/validate/cross-checks';
import { validateBirthDate, validateDay, validateIssueDate } from '../../../../shared/validate/dates';
import { validateEdrpou } from '../../../../shared/validate/edrpou';
import { validateEmail } from '../../../../shared/validate/email';
import { expiryRule, needsIssuerCode, validateIdDocNumber, validateIssuerCode } from '../../../../shared/validate/id-documents';
import { validatePhone } from '../../../../shared/validate/phone';
import { rnokppBirthDate, rnokppSex, validateRnokpp } from '../../../../shared/validate/rnokpp';
import { validateUnzr } from '../../../../shared/validate/unzr';
import { checkAuthority } from './check-authority';
import { checkInsisted } from './missing-documents';
import { code, Collector, optional, text } from './collector';
import { itemField } from './field-ids';
import type { FieldProblem } from './field-ids';
import type { IntakeForm, PartPath, PartyFields, PartySection } from './intake-form';

export interface FormCheck {
  /** Blocking problems, in the order the fields appear on screen. */
  errors: FieldProblem[];
  /** Worth a second look, never blocking. */
  warnings: FieldProblem[];
  /** What intake.register takes, once the form names a service and every person on it. */
  input: RegisterIntakeInput | null;
}

/** The field each cross-check warning shows at. */
const CROSS_FIELD: Readonly<Record<CrossCheckWarning, keyof PartyFields>> = {
  'cross.rnokpp_birth_date': 'birthDate',
  'cross.rnokpp_sex': 'sex',
  'cross.unzr_birth_date': 'unzr',
  'cross.rnokpp_unzr_birth_date': 'unzr',
};
/** The contradictions of the РНОКПП the clerk must confirm against the document before registering. */
const MUST_CONFIRM: ReadonlySet<CrossCheckWarning> = new Set(['cross.rnokpp_birth_date', 'cross.rnokpp_sex']);

/**
 * A birth date or sex that contradicts the РНОКПП: entered by hand (the auto-fill never
 * contradicts it), so the clerk confirms against the document before registering.
 */
export function needsCrossConfirm(f: PartyFields): boolean {
  if (f.kind === 'legal_entity' || f.rnokppAbsent !== '') return false;
  const cross = crossCheckPerson({ rnokpp: f.rnokpp, birthDate: f.birthDate, sex: f.sex === '' ? null : f.sex });
  return cross.some((w) => MUST_CONFIRM.has(w));
}

type Contacts = Pick<ApplicantInput, 'address' | 'addressParts' | 'phone' | 'email' | 'notifyBy'>;

function checkContacts(c: Collector, part: PartPath, f: PartyFields): Contacts {
  const phone = c.check(`${part}.phone`, f.phone, validatePhone);
  const email = c.check(`${part}.email`, f.email, validateEmail);
  if ((f.notifyBy === 'phone' || f.notifyBy === 'sms') && phone === undefined && f.phone.trim() === '') {
    c.error(`${part}.phone`, text('intake.err.phoneForNotify'));
  }
  if (f.notifyBy === 'email' && email === undefined && f.email.trim() === '') c.error(`${part}.email`, text('intake.err.emailForNotify'));
  const postcode = optional(f.addressPostcode);
  if (postcode !== undefined && !/^\d{5}$/.test(postcode)) c.error(`${part}.addressPostcode`, text('intake.err.postcode'));
  const parts = {
    region: optional(f.addressRegion),
    community: optional(f.addressCommunity),
    settlement: optional(f.addressSettlement),
    street: optional(f.addressStreet),
    building: optional(f.addressBuilding),
    flat: optional(f.addressFlat),
    postcode,
  };
  const given = Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined));
  return {
    address: optional(f.address),
    addressParts: Object.keys(given).length > 0 ? given : undefined,
    phone,
    email,
    notifyBy: f.notifyBy === '' ? undefined : f.notifyBy,
  };
}

function checkIdDoc(c: Collector, part: PartPath, f: PartyFields, today: string, birthDate: string | undefined) {
  const number = c.check(`${part}.idDocNumber`, f.idDocNumber, (v) => validateIdDocNumber(f.idDocType, v));
  const issuer = needsIssuerCode(f.idDocType) ? c.check(`${part}.idDocIssuer`, f.idDocIssuer, validateIssuerCode) : optional(f.idDocIssuer);
  const issuedOn = c.check(`${part}.idDocIssuedOn`, f.idDocIssuedOn, (v) => validateIssueDate(v, today, birthDate));
  const rule = expiryRule(f.idDocType);
  let validUntil: string | undefined;
  if (rule !== 'none') {
    validUntil = c.check(`${part}.idDocValidUntil`, f.idDocValidUntil, (v) => validateDay(v, 'valid_until'));
    // Both are YYYY-MM-DD, so string order is date order.
    if (validUntil !== undefined && validUntil < today) c.error(`${part}.idDocValidUntil`, code('id_doc.expired'));
    else if (validUntil !== undefined && issuedOn !== undefined && validUntil < issuedOn) {
      c.error(`${part}.idDocValidUntil`, code('id_doc.expiry_before_issue'));
    }
    if (rule === 'required' && f.idDocNumber.trim() !== '' && f.idDocValidUntil.trim() === '') {
      c.error(`${part}.idDocValidUntil`, code('id_doc.expiry_required'));
    }
  }
  if (number === undefined) return undefined;
  return { type: f.idDocType, number, issuer, issuedOn, validUntil, presentedAs: f.idDocPresentedAs };
}

function checkCitizenship(c: Collector, part: PartPath, f: PartyFields): string | undefined {
  if (f.citizenship !== 'other') return f.citizenship === '' ? undefined : f.citizenship;
  const value = f.citizenshipCode.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(value)) {
    c.error(`${part}.citizenshipCode`, text('intake.err.citizenshipCode'));
    return undefined;
  }
  return value;
}

function checkPerson(c: Collector, part: PartPath, f: PartyFields, today: string): ApplicantInput {
  const surname = c.required(`${part}.surname`, f.surname, 'intake.err.surname');
  const givenName = c.required(`${part}.givenName`, f.givenName, 'intake.err.givenName');
  const birthDate = c.check(`${part}.birthDate`, f.birthDate, (v) => validateBirthDate(v, today));
  let rnokpp: string | undefined;
  if (f.rnokppAbsent === '') {
    if (f.rnokpp.trim() === '') c.error(`${part}.rnokpp`, code('rnokpp.reason_required'));
    else rnokpp = c.check(`${part}.rnokpp`, f.rnokpp, validateRnokpp);
  } else if (f.idDocNumber.trim() === '') {
    // Without an РНОКПП the identity document is what identifies the person.
    c.error(`${part}.idDocNumber`, text('intake.err.idDocWithoutRnokpp'));
  }
  const idDoc = checkIdDoc(c, part, f, today, birthDate);
  const unzr = c.check(`${part}.unzr`, f.unzr, validateUnzr);
  const citizenship = checkCitizenship(c, part, f);
  const sole = f.kind === 'sole_trader' ? { businessName: optional(f.businessName), registryRecord: optional(f.registryRecord) } : {};
  const contacts = checkContacts(c, part, f);

  const cross = crossCheckPerson({ rnokpp, unzr, birthDate, sex: f.sex === '' ? null : f.sex });
  for (const warning of cross) c.warn(`${part}.${CROSS_FIELD[warning]}`, code(warning));
  if (!f.crossConfirmed && needsCrossConfirm(f)) c.error(`${part}.crossConfirmed`, text('intake.err.crossConfirm'));

  return {
    kind: f.kind === 'sole_trader' ? 'sole_trader' : 'person',
    surname: surname ?? '',
    givenName: givenName ?? '',
    patronymic: optional(f.patronymic),
    birthDate,
    sex: f.sex === '' ? undefined : f.sex,
    rnokpp,
    rnokppAbsent: f.rnokppAbsent === '' ? undefined : f.rnokppAbsent,
    idDoc,
    unzr,
    citizenship,
    ...sole,
    ...contacts,
  };
}

function checkLegalEntity(c: Collector, part: PartPath, f: PartyFields): ApplicantInput {
  const legalName = c.required(`${part}.legalName`, f.legalName, 'intake.err.legalName');
  const edrpou =
    f.edrpou.trim() === ''
      ? (c.error(`${part}.edrpou`, text('intake.err.edrpouRequired')), undefined)
      : c.check(`${part}.edrpou`, f.edrpou, validateEdrpou);
  return { kind: 'legal_entity', legalName: legalName ?? '', edrpou: edrpou ?? '', ...checkContacts(c, part, f) };
}

type PartyRef = { applicantId: string } | { applicant: ApplicantInput };

/** One person of the form: chosen as on file, or entered (new, or corrected with its id); null while neither. */
function checkParty(c: Collector, part: PartPath, party: PartySection, today: string): PartyRef | null {
  if (party.mode === 'search') {
    c.error(`${part}.search`, text(part === 'applicant' ? 'intake.err.noApplicant' : 'intake.err.noPerson'));
    return null;
  }
  if (party.mode === 'existing') return party.id === null ? null : { applicantId: party.id };
  const f = party.fields;
  const input = f.kind === 'legal_entity' ? checkLegalEntity(c, part, f) : checkPerson(c, part, f, today);
  return { applicant: party.id === null ? input : { ...input, id: party.id } };
}

export function checkForm(form: IntakeForm, today: string): FormCheck {
  const c = new Collector();
  const applicant = checkParty(c, 'applicant', form.applicant, today);
  const absent = form.applicant.mode === 'form' ? form.applicant.fields.rnokppAbsent : '';
  // A religious refusal is the one absence the law lets such a service accept: the passport identifies the person.
  if (form.service?.requiresRnokpp && absent !== '' && absent !== 'religious') {
    c.error('applicant.rnokppAbsent', text('intake.err.requiresRnokpp'));
  }
  const subject = form.subject.enabled ? checkParty(c, 'subject.applicant', form.subject.applicant, today) : null;
  const rep = form.representative;
  if (rep.enabled && form.service?.personalAttendance) c.error('representative.enabled', text('intake.err.personalAttendance'));
  // A parent applying for their child is the child's representative: the applicant, checked once above.
  const applicantRepresents = rep.enabled && form.subject.enabled && form.subject.applicantRepresents;
  const repParty = !rep.enabled ? null : applicantRepresents ? applicant : checkParty(c, 'representative.applicant', rep.applicant, today);
  const authority = rep.enabled ? checkAuthority(c, rep.authority, today) : null;

  if (form.service === null) c.error('service', text('intake.err.service'));

  const items: RegisterIntakeInput['items'] = [];
  const documents: NonNullable<RegisterIntakeInput['documents']> = [];
  for (const line of form.items) {
    if (!line.submitted) continue;
    const name = line.nameUk.trim();
    if (name === '') c.error(itemField(line.key, 'name'), text('intake.err.itemName'));
    const sheets = /^\d{1,5}$/.test(line.sheets.trim()) ? Number(line.sheets.trim()) : Number.NaN;
    if (!(sheets >= 1 && sheets <= 10_000)) c.error(itemField(line.key, 'sheets'), text('intake.err.sheets'));
    if (line.scan) documents.push({ item: items.length, setId: line.scan.setId });
    items.push({ name, original: line.original, sheets, returned: line.returned === true });
  }
  if (form.service !== null && items.length === 0) c.error('items', text('intake.err.noItems'));
  const insist = checkInsisted(form.items, form.insisted);
  for (const e of insist.errors) c.error(e.field, e.problem);
  if (form.notes.trim().length > 2000) c.error('notes', text('intake.err.notesTooLong'));
  const exemptionReason = form.terms.exemptionReason.trim();
  if (form.terms.exempt && exemptionReason === '') c.error('terms.exemptionReason', text('terms.err.exemptionReason'));
  if (form.service !== null && !form.service.deliveryChannels.includes(form.resultDelivery)) {
    c.error('resultDelivery', text('terms.err.deliveryChannel'));
  }

  const complete =
    form.service !== null &&
    applicant !== null &&
    (!rep.enabled || (repParty !== null && authority !== null)) &&
    (!form.subject.enabled || subject !== null);
  const input: RegisterIntakeInput | null = complete
    ? {
        serviceId: form.service?.id ?? '',
        ...applicant,
        representative: repParty !== null && authority !== null ? { ...repParty, authority } : undefined,
        subject: subject ?? undefined,
        items,
        ...(documents.length > 0 ? { documents } : {}),
        insisted: insist.insisted,
        resultDelivery: form.resultDelivery,
        notes: optional(form.notes),
        tierId: optional(form.terms.tierId),
        feeConditions: form.terms.conditions.length > 0 ? form.terms.conditions : undefined,
        feeExemption: form.terms.exempt ? { reason: exemptionReason } : undefined,
      }
    : null;
  return { errors: c.errors, warnings: c.warnings, input };
}

/** A valid РНОКПП tells the birth date and sex: fills whichever of them is still empty. */
export function fillFromRnokpp(fields: PartyFields): PartyFields {
  const checked = validateRnokpp(fields.rnokpp);
  if (!checked.ok || fields.kind === 'legal_entity') return fields;
  const iso = rnokppBirthDate(checked.value);
  return {
    ...fields,
    rnokpp: checked.value,
    birthDate: fields.birthDate.trim() === '' ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : fields.birthDate,
    sex: fields.sex === '' ? rnokppSex(checked.value) : fields.sex,
  };
}
