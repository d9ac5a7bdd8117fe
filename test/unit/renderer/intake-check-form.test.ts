import { describe, expect, it } from 'vitest';
import { checkForm, fillFromRnokpp } from '../../../renderer/src/features/intake/check-form';
import type { IntakeForm } from '../../../renderer/src/features/intake/intake-form';
import {
  emptyForm,
  EMPTY_APPLICANT,
  fromDraftData,
  isBlank,
  splitName,
  toDraftData,
} from '../../../renderer/src/features/intake/intake-form';

const TODAY = '2026-11-28';
const label = (type: string) => `label:${type}`;

function filled(): IntakeForm {
  const form = emptyForm();
  form.applicant = {
    mode: 'form',
    id: null,
    summary: null,
    fields: {
      ...EMPTY_APPLICANT,
      surname: ' Шевченко ',
      givenName: 'Тарас',
      rnokpp: '1759 013 776',
      phone: '067 123-45-67',
      idDocNumber: '123 456 789',
    },
  };
  form.service = {
    id: 'sample-id-01',
    code: 'ID-01',
    nameUk: 'ID',
    nameEn: 'ID',
    deadlineValue: 20,
    deadlineUnit: 'working_days',
    feeKopecks: 27900,
  };
  form.items = [
    { key: 'a', nameUk: 'Заява', nameEn: 'Application', fromCatalog: true, required: true, submitted: true, original: true, sheets: '2' },
    {
      key: 'b',
      nameUk: 'Свідоцтво',
      nameEn: 'Certificate',
      fromCatalog: true,
      required: true,
      submitted: false,
      original: true,
      sheets: '1',
    },
  ];
  return form;
}

const fields = (check: ReturnType<typeof checkForm>) => check.errors.map((e) => e.field);

describe('checkForm', () => {
  it('normalizes pasted identifiers and builds both contract inputs', () => {
    const check = checkForm(filled(), TODAY, label);
    expect(check.errors).toEqual([]);
    expect(check.applicant).toMatchObject({
      kind: 'person',
      surname: 'Шевченко',
      rnokpp: '1759013776',
      phone: '+380671234567',
      idDoc: { type: 'id_card', number: '123456789' },
      rnokppRefused: false,
    });
    expect(check.application).toEqual({
      serviceId: 'sample-id-01',
      representative: undefined,
      items: [{ name: 'Заява', original: true, sheets: 2 }],
      resultDelivery: 'in_person',
      notes: undefined,
    });
  });

  it('lists every blocking problem in screen order', () => {
    const form = filled();
    form.applicant.fields = { ...form.applicant.fields, givenName: '', rnokpp: '1759013770', email: 'not-an-address' };
    form.items[0]!.sheets = '0';
    expect(fields(checkForm(form, TODAY, label))).toEqual(['applicant.givenName', 'applicant.rnokpp', 'applicant.email', 'items.a.sheets']);
    const rnokpp = checkForm(form, TODAY, label).errors.find((e) => e.field === 'applicant.rnokpp');
    expect(rnokpp?.problem).toEqual({ kind: 'code', code: 'rnokpp.checksum' });
  });

  it('needs an applicant, a service and at least one document received', () => {
    expect(fields(checkForm(emptyForm(), TODAY, label))).toEqual(['applicant.search', 'service']);
    const form = filled();
    form.items = form.items.map((line) => ({ ...line, submitted: false }));
    expect(fields(checkForm(form, TODAY, label))).toEqual(['items']);
  });

  it('takes the passport instead of an РНОКПП the person refused', () => {
    const form = filled();
    form.applicant.fields = { ...form.applicant.fields, rnokpp: '', rnokppRefused: true, idDocNumber: '' };
    expect(fields(checkForm(form, TODAY, label))).toEqual(['applicant.idDocNumber']);
    form.applicant.fields = { ...form.applicant.fields, idDocType: 'passport_book', idDocNumber: 'ak 123456' };
    const check = checkForm(form, TODAY, label);
    expect(check.errors).toEqual([]);
    expect(check.applicant).toMatchObject({ rnokpp: undefined, rnokppRefused: true, idDoc: { type: 'passport_book', number: 'АК123456' } });
  });

  it('requires the power of attorney of a representative and writes the document type as text', () => {
    const form = filled();
    form.representative = {
      enabled: true,
      fullName: 'Коваленко Олена',
      idDocType: 'id_card',
      idDocNumber: '',
      poaNumber: '',
      poaDate: '31.02.2025',
    };
    expect(fields(checkForm(form, TODAY, label))).toEqual(['rep.poaNumber', 'rep.poaDate']);
    form.representative = { ...form.representative, poaNumber: 'ННА 1', poaDate: '01.10.2025' };
    expect(checkForm(form, TODAY, label).application?.representative).toEqual({
      fullName: 'Коваленко Олена',
      idDocType: 'label:id_card',
      idDocNumber: undefined,
      poaNumber: 'ННА 1',
      poaDate: '2025-10-01',
    });
  });

  it('warns, without blocking, when the birth date differs from the one in the РНОКПП', () => {
    const form = filled();
    form.applicant.fields = { ...form.applicant.fields, birthDate: '01.03.1948', sex: 'female' };
    const check = checkForm(form, TODAY, label);
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((w) => w.problem)).toEqual([
      { kind: 'code', code: 'cross.rnokpp_birth_date' },
      { kind: 'code', code: 'cross.rnokpp_sex' },
    ]);
  });

  it('a legal entity needs its ЄДРПОУ or a sole trader’s РНОКПП', () => {
    const form = filled();
    form.applicant.fields = { ...EMPTY_APPLICANT, kind: 'legal_entity', legalName: 'ТОВ «Вікно»' };
    expect(fields(checkForm(form, TODAY, label))).toEqual(['applicant.edrpou']);
    form.applicant.fields.edrpou = '3285 5961';
    expect(checkForm(form, TODAY, label).applicant).toMatchObject({ kind: 'legal_entity', edrpou: '32855961' });
  });

  it('sends the id of an applicant being corrected', () => {
    const form = filled();
    form.applicant.id = '0190a0a0-0000-7000-8000-000000000000';
    expect(checkForm(form, TODAY, label).applicant).toMatchObject({ id: '0190a0a0-0000-7000-8000-000000000000' });
  });
});

describe('fillFromRnokpp', () => {
  it('fills the empty birth date and sex from a valid РНОКПП', () => {
    expect(fillFromRnokpp({ ...EMPTY_APPLICANT, rnokpp: '1759-013-776' })).toMatchObject({
      rnokpp: '1759013776',
      birthDate: '28.02.1948',
      sex: 'male',
    });
  });

  it('keeps what the clerk entered and ignores an invalid number', () => {
    expect(fillFromRnokpp({ ...EMPTY_APPLICANT, rnokpp: '1759013776', birthDate: '01.01.1950' }).birthDate).toBe('01.01.1950');
    const invalid = { ...EMPTY_APPLICANT, rnokpp: '1759013770' };
    expect(fillFromRnokpp(invalid)).toBe(invalid);
  });
});

describe('the draft', () => {
  it('round-trips the form and refuses other shapes', () => {
    const form = filled();
    expect(fromDraftData(JSON.parse(JSON.stringify(toDraftData(form))) as Record<string, unknown>)).toEqual(form);
    expect(fromDraftData({ version: 99, form })).toBeNull();
    expect(fromDraftData({ version: 1, form: 'broken' })).toBeNull();
  });

  it('treats an untouched form as blank', () => {
    expect(isBlank(emptyForm())).toBe(true);
    expect(isBlank(filled())).toBe(false);
  });

  it('splits a name typed into the search', () => {
    expect(splitName('  Шевченко  Тарас Григорович ')).toEqual({ surname: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' });
    expect(splitName('Шевченко')).toEqual({ surname: 'Шевченко', givenName: '', patronymic: '' });
  });
});
