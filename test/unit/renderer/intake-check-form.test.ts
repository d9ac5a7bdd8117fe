import { describe, expect, it } from 'vitest';
import { checkForm, fillFromRnokpp } from '../../../renderer/src/features/intake/check-form';
import type { IntakeForm } from '../../../renderer/src/features/intake/intake-form';
import { emptyForm, EMPTY_PARTY, fromDraftData, isBlank, splitName, toDraftData } from '../../../renderer/src/features/intake/intake-form';

const TODAY = '2026-11-28';

function filled(): IntakeForm {
  const form = emptyForm();
  form.applicant = {
    mode: 'form',
    id: null,
    summary: null,
    fields: {
      ...EMPTY_PARTY,
      surname: ' Шевченко ',
      givenName: 'Тарас',
      rnokpp: '1759 013 776',
      phone: '067 123-45-67',
      idDocNumber: '123 456 789',
      idDocValidUntil: '01.01.2030',
    },
  };
  form.service = {
    id: 'sample-id-01',
    code: 'ID-01',
    nameUk: 'ID',
    nameEn: 'ID',
    tiers: [
      {
        id: 'standard',
        nameUk: 'Звичайний',
        nameEn: 'Standard',
        deadline: { value: 20, unit: 'working_days', kind: 'not_after', anchor: 'intake' },
        fees: [{ kind: 'admin_fee', amount: { type: 'fixed', kopecks: 27900 } }],
      },
    ],
    feeConditions: [],
    deliveryChannels: ['in_person', 'post'],
    personalAttendance: false,
    requiresRnokpp: false,
  };
  form.items = [
    { key: 'a', nameUk: 'Заява', nameEn: 'Application', fromCatalog: true, required: false, submitted: true, original: true, sheets: '2' },
    {
      key: 'b',
      nameUk: 'Свідоцтво',
      nameEn: 'Certificate',
      fromCatalog: true,
      required: false,
      submitted: false,
      original: true,
      sheets: '1',
    },
  ];
  return form;
}

const fields = (check: ReturnType<typeof checkForm>) => check.errors.map((e) => e.field);

describe('checkForm', () => {
  it('normalizes pasted identifiers and builds the registration', () => {
    const check = checkForm(filled(), TODAY);
    expect(check.errors).toEqual([]);
    expect(check.input).toEqual({
      serviceId: 'sample-id-01',
      applicant: {
        kind: 'person',
        surname: 'Шевченко',
        givenName: 'Тарас',
        patronymic: undefined,
        birthDate: undefined,
        sex: undefined,
        rnokpp: '1759013776',
        rnokppAbsent: undefined,
        idDoc: {
          type: 'id_card',
          number: '123456789',
          issuer: undefined,
          issuedOn: undefined,
          validUntil: '2030-01-01',
          presentedAs: 'paper',
        },
        unzr: undefined,
        citizenship: undefined,
        address: undefined,
        addressParts: undefined,
        phone: '+380671234567',
        email: undefined,
        notifyBy: undefined,
      },
      representative: undefined,
      subject: undefined,
      items: [{ name: 'Заява', original: true, sheets: 2, returned: false }],
      resultDelivery: 'in_person',
      notes: undefined,
    });
  });

  it('sends a line marked presented and returned as such (a draft line of an earlier version is handed in)', () => {
    const form = filled();
    form.items = [...form.items, { ...form.items[0]!, key: 'b', nameUk: 'Паспорт', sheets: '1', returned: true }];
    expect(checkForm(form, TODAY).input?.items).toEqual([
      { name: 'Заява', original: true, sheets: 2, returned: false },
      { name: 'Паспорт', original: true, sheets: 1, returned: true },
    ]);
  });

  it('passes each scanned line’s page set with its place among the submitted lines (an unticked line takes none)', () => {
    const form = filled();
    // Line 'b' is not submitted: the scanned third line is the registration's second item.
    form.items = [
      { ...form.items[0]!, scan: { setId: 'set-a', pages: 2 } },
      form.items[1]!,
      { ...form.items[0]!, key: 'c', nameUk: 'Довідка', sheets: '3', scan: { setId: 'set-c', pages: 3 } },
    ];
    expect(checkForm(form, TODAY).input?.documents).toEqual([
      { item: 0, setId: 'set-a' },
      { item: 1, setId: 'set-c' },
    ]);
    expect(checkForm(filled(), TODAY).input?.documents).toBeUndefined();
  });

  it('lists every blocking problem in screen order', () => {
    const form = filled();
    form.applicant.fields = { ...form.applicant.fields, givenName: '', rnokpp: '1759013770', email: 'not-an-address' };
    form.items[0]!.sheets = '0';
    expect(fields(checkForm(form, TODAY))).toEqual(['applicant.givenName', 'applicant.rnokpp', 'applicant.email', 'items.a.sheets']);
    const rnokpp = checkForm(form, TODAY).errors.find((e) => e.field === 'applicant.rnokpp');
    expect(rnokpp?.problem).toEqual({ kind: 'code', code: 'rnokpp.checksum' });
  });

  it('needs an applicant, a service and at least one document received', () => {
    expect(fields(checkForm(emptyForm(), TODAY))).toEqual(['applicant.search', 'service']);
    const form = filled();
    form.items = form.items.map((line) => ({ ...line, submitted: false }));
    expect(fields(checkForm(form, TODAY))).toEqual(['items']);
  });

  it('takes the identity document instead of an РНОКПП the person has none of, for the reason given', () => {
    const form = filled();
    form.applicant.fields = { ...form.applicant.fields, rnokpp: '' };
    expect(checkForm(form, TODAY).errors).toEqual([
      { field: 'applicant.rnokpp', problem: { kind: 'code', code: 'rnokpp.reason_required' } },
    ]);
    form.applicant.fields = { ...form.applicant.fields, rnokppAbsent: 'foreigner', idDocNumber: '' };
    expect(fields(checkForm(form, TODAY))).toEqual(['applicant.idDocNumber']);
    form.applicant.fields = {
      ...form.applicant.fields,
      idDocType: 'temporary_residence_permit',
      idDocNumber: 'аб 123456',
      idDocValidUntil: '',
    };
    expect(fields(checkForm(form, TODAY))).toEqual(['applicant.idDocValidUntil']);
    form.applicant.fields.idDocValidUntil = '31.12.2027';
    const check = checkForm(form, TODAY);
    expect(check.errors).toEqual([]);
    expect(check.input).toMatchObject({
      applicant: { rnokpp: undefined, rnokppAbsent: 'foreigner', idDoc: { type: 'temporary_residence_permit', number: 'АБ123456' } },
    });
  });

  it('a service that requires an РНОКПП takes a person without one only after a religious refusal', () => {
    const form = filled();
    form.service = { ...form.service!, requiresRnokpp: true };
    form.applicant.fields = { ...form.applicant.fields, rnokpp: '', rnokppAbsent: 'child' };
    expect(checkForm(form, TODAY).errors).toEqual([
      { field: 'applicant.rnokppAbsent', problem: { kind: 'text', key: 'intake.err.requiresRnokpp' } },
    ]);
    form.applicant.fields.rnokppAbsent = 'religious';
    expect(checkForm(form, TODAY).errors).toEqual([]);
  });

  it('checks the document number by its type: certain patterns refuse, likely ones warn; expired documents are refused', () => {
    const form = filled();
    const doc = (change: Partial<typeof form.applicant.fields>) => {
      form.applicant.fields = { ...form.applicant.fields, ...change };
      const check = checkForm(form, TODAY);
      return { errors: check.errors.map((e) => [e.field, e.problem]), warnings: check.warnings.map((w) => [w.field, w.problem]) };
    };
    expect(doc({ idDocType: 'refugee_certificate', idDocNumber: '12345' }).errors).toEqual([
      ['applicant.idDocNumber', { kind: 'code', code: 'id_doc.number_format' }],
    ]);
    expect(doc({ idDocType: 'travel_passport', idDocNumber: 'FX12345' })).toEqual({
      errors: [],
      warnings: [['applicant.idDocNumber', { kind: 'code', code: 'id_doc.number_unusual' }]],
    });
    expect(doc({ idDocType: 'id_card', idDocNumber: '123456789', idDocValidUntil: '27.11.2026' }).errors).toEqual([
      ['applicant.idDocValidUntil', { kind: 'code', code: 'id_doc.expired' }],
    ]);
    // Valid through today is still valid.
    expect(doc({ idDocValidUntil: '28.11.2026' }).errors).toEqual([]);
    expect(doc({ idDocIssuer: 'МВС' }).errors).toEqual([['applicant.idDocIssuer', { kind: 'code', code: 'id_doc.issuer_code' }]]);
    // A booklet has no "valid until": whatever is left in the field is not sent.
    const booklet = doc({
      idDocType: 'passport_book',
      idDocNumber: 'АК123456',
      idDocIssuer: 'Шевченківським РВ',
      idDocValidUntil: '01.01.2000',
    });
    expect(booklet.errors).toEqual([]);
    expect(checkForm(form, TODAY).input?.applicant).toMatchObject({ idDoc: { validUntil: undefined, issuer: 'Шевченківським РВ' } });
  });

  it('warns when the birth date or sex differs from the РНОКПП, and blocks until the clerk confirms it against the document', () => {
    const form = filled();
    form.applicant.fields = { ...form.applicant.fields, birthDate: '01.03.1948', sex: 'female' };
    const check = checkForm(form, TODAY);
    expect(check.warnings.map((w) => [w.field, w.problem])).toEqual([
      ['applicant.birthDate', { kind: 'code', code: 'cross.rnokpp_birth_date' }],
      ['applicant.sex', { kind: 'code', code: 'cross.rnokpp_sex' }],
    ]);
    expect(fields(check)).toEqual(['applicant.crossConfirmed']);
    form.applicant.fields.crossConfirmed = true;
    expect(checkForm(form, TODAY).errors).toEqual([]);
  });

  it('a legal entity needs its ЄДРПОУ; a sole trader is a person with the business fields', () => {
    const form = filled();
    form.applicant.fields = { ...EMPTY_PARTY, kind: 'legal_entity', legalName: 'ТОВ «Вікно»', rnokpp: '1759013776' };
    expect(fields(checkForm(form, TODAY))).toEqual(['applicant.edrpou']);
    form.applicant.fields.edrpou = '3285 5961';
    expect(checkForm(form, TODAY).input?.applicant).toEqual({
      kind: 'legal_entity',
      legalName: 'ТОВ «Вікно»',
      edrpou: '32855961',
      address: undefined,
      addressParts: undefined,
      phone: undefined,
      email: undefined,
      notifyBy: undefined,
    });
    form.applicant.fields = {
      ...filled().applicant.fields,
      kind: 'sole_trader',
      businessName: 'Кав’ярня',
      registryRecord: '2000000000012345',
    };
    expect(checkForm(form, TODAY).input?.applicant).toMatchObject({
      kind: 'sole_trader',
      surname: 'Шевченко',
      rnokpp: '1759013776',
      businessName: 'Кав’ярня',
      registryRecord: '2000000000012345',
    });
  });

  it('takes the citizenship from the short list or a 3-letter code, and the address in parts', () => {
    const form = filled();
    form.applicant.fields = { ...form.applicant.fields, citizenship: 'other', citizenshipCode: 'po', addressPostcode: '0100' };
    expect(fields(checkForm(form, TODAY))).toEqual(['applicant.citizenshipCode', 'applicant.addressPostcode']);
    form.applicant.fields = {
      ...form.applicant.fields,
      citizenshipCode: 'pol',
      addressPostcode: '01001',
      addressSettlement: ' Київ ',
      address: 'під’їзд 2',
    };
    expect(checkForm(form, TODAY).input?.applicant).toMatchObject({
      citizenship: 'POL',
      addressParts: { settlement: 'Київ', postcode: '01001' },
      address: 'під’їзд 2',
    });
    form.applicant.fields.citizenship = 'XXA';
    expect(checkForm(form, TODAY).input?.applicant).toMatchObject({ citizenship: 'XXA' });
  });

  it('sends the id of an applicant being corrected', () => {
    const form = filled();
    form.applicant.id = '0190a0a0-0000-7000-8000-000000000000';
    expect(checkForm(form, TODAY).input?.applicant).toMatchObject({ id: '0190a0a0-0000-7000-8000-000000000000' });
  });
});

describe('fillFromRnokpp', () => {
  it('fills the empty birth date and sex from a valid РНОКПП', () => {
    expect(fillFromRnokpp({ ...EMPTY_PARTY, rnokpp: '1759-013-776' })).toMatchObject({
      rnokpp: '1759013776',
      birthDate: '28.02.1948',
      sex: 'male',
    });
  });

  it('keeps what the clerk entered and ignores an invalid number', () => {
    expect(fillFromRnokpp({ ...EMPTY_PARTY, rnokpp: '1759013776', birthDate: '01.01.1950' }).birthDate).toBe('01.01.1950');
    const invalid = { ...EMPTY_PARTY, rnokpp: '1759013770' };
    expect(fillFromRnokpp(invalid)).toBe(invalid);
  });
});

describe('the draft', () => {
  it('round-trips the form and refuses other shapes', () => {
    const form = filled();
    expect(fromDraftData(JSON.parse(JSON.stringify(toDraftData(form))) as Record<string, unknown>)).toEqual(form);
    expect(fromDraftData({ version: 99, form })).toBeNull();
    expect(fromDraftData({ version: 2, form: 'broken' })).toBeNull();
    expect(fromDraftData({ version: 1, form: 'broken' })).toBeNull();
  });

  it('upgrades a draft of the screen before issue 14: the refusal flag and the representative by name', () => {
    const applicant = filled().applicant;
    const { rnokppAbsent: _absent, ...newFields } = applicant.fields;
    const old = {
      ...filled(),
      applicant: { ...applicant, fields: { ...newFields, rnokpp: '', rnokppRefused: true } },
      representative: {
        enabled: true,
        fullName: 'Коваленко Олена Петрівна',
        idDocType: 'passport_book',
        idDocNumber: 'АК123456',
        poaNumber: 'ННА 1',
        poaDate: '01.10.2025',
      },
    };
    const form = fromDraftData({ version: 1, form: JSON.parse(JSON.stringify(old)) as unknown });
    expect(form?.applicant.fields).toEqual({ ...applicant.fields, rnokpp: '', rnokppAbsent: 'religious' });
    expect(form?.representative.enabled).toBe(true);
    expect(form?.representative.applicant).toMatchObject({
      mode: 'form',
      fields: { surname: 'Коваленко', givenName: 'Олена', patronymic: 'Петрівна', idDocType: 'passport_book', idDocNumber: 'АК123456' },
    });
    expect(form?.representative.authority).toMatchObject({ basis: '', documentNumber: 'ННА 1', documentDate: '01.10.2025' });
    expect(form?.items).toEqual(old.items);
  });

  it('treats an untouched form as blank, also once «Новий заявник» opened it or a kind was picked', () => {
    expect(isBlank(emptyForm())).toBe(true);
    expect(isBlank(filled())).toBe(false);
    const opened = emptyForm();
    opened.applicant = { ...opened.applicant, mode: 'form', fields: { ...EMPTY_PARTY, kind: 'legal_entity' } };
    expect(isBlank(opened)).toBe(true);
    opened.applicant.fields.legalName = 'Т';
    expect(isBlank(opened)).toBe(false);
    const chosen = emptyForm();
    chosen.applicant = { ...chosen.applicant, mode: 'existing', id: 'a1' };
    expect(isBlank(chosen)).toBe(false);
  });

  it('splits a name typed into the search', () => {
    expect(splitName('  Шевченко  Тарас Григорович ')).toEqual({ surname: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' });
    expect(splitName('Шевченко')).toEqual({ surname: 'Шевченко', givenName: '', patronymic: '' });
  });
});
