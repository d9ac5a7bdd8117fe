import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { zBirthDate, zEdrpou, zEmail, zIdCardNumber, zIssueDate, zPassportBooklet, zPhone, zRnokpp, zUnzr } from '../../../shared/validate';

describe('zod helpers', () => {
  it.each([
    [zRnokpp, '1759 013 776', '1759013776'],
    [zEdrpou, ' 32855961 ', '32855961'],
    [zIdCardNumber, '001 234 567', '001234567'],
    [zPassportBooklet, 'ak 123456', 'АК123456'],
    [zUnzr, '1985071401235', '19850714-01235'],
    [zPhone, '(067) 123-45-67', '+380671234567'],
    [zEmail, 'Name@Example.UA', 'Name@example.ua'],
    [zBirthDate, '18.05.1990', '1990-05-18'],
    [zIssueDate, '2016-10-01', '2016-10-01'],
  ])('outputs the normalized value (%#)', (schema, input, value) => {
    expect(schema.parse(input)).toBe(value);
  });

  it('keeps a value that only has a warning', () => {
    expect(zUnzr.parse('19850714-01230')).toBe('19850714-01230');
  });

  it('fails with the code as the message, at the field path', () => {
    const Person = z.object({ rnokpp: zRnokpp, phone: zPhone.optional(), unzr: zUnzr.optional() });
    const result = Person.safeParse({ rnokpp: '1759013770', phone: '+48 512 345 678', unzr: '20230229-00011' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual([
      { path: ['rnokpp'], message: 'rnokpp.checksum' },
      { path: ['phone'], message: 'phone.format' },
      { path: ['unzr'], message: 'unzr.date' },
    ]);
  });

  it('names the date field in its code, so the message can say which date is wrong', () => {
    const Document = z.object({ birthDate: zBirthDate, issueDate: zIssueDate });
    const result = Document.safeParse({ birthDate: '30.02.1990', issueDate: 'вчора' });
    expect(result.error?.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }))).toEqual([
      { path: ['birthDate'], code: 'custom', message: 'birth_date.impossible' },
      { path: ['issueDate'], code: 'custom', message: 'issue_date.format' },
    ]);
  });

  it('rejects what is not a string as zod does', () => {
    expect(zRnokpp.safeParse(1759013776).error?.issues[0]?.code).toBe('invalid_type');
  });
});
