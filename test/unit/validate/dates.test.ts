import { describe, expect, it } from 'vitest';
import { validateBirthDate, validateDay, validateIssueDate } from '../../../shared/validate';

const TODAY = '2026-03-15';

describe('validateDay', () => {
  it.each([
    ['1990-05-18', '1990-05-18'],
    ['18.05.1990', '1990-05-18'],
    ['8.5.1990', '1990-05-08'],
    [' 2024-02-29 ', '2024-02-29'],
    ['29.02.2000', '2000-02-29'],
  ])('reads "%s" as %s', (input, value) => {
    expect(validateDay(input, 'birth_date')).toEqual({ ok: true, value });
  });

  it.each(['', '1990/05/18', '18-05-1990', '90-05-18', '18.05.90', '1990-5-18', 'вчора', '1990-05-18T00:00'])(
    'rejects the format of "%s"',
    (v) => {
      expect(validateDay(v, 'birth_date')).toEqual({ ok: false, code: 'birth_date.format' });
      expect(validateDay(v, 'issue_date')).toEqual({ ok: false, code: 'issue_date.format' });
    },
  );

  it.each(['2020-04-30', '2020-06-30', '2020-09-30', '2020-11-30', '2020-01-31', '2020-03-31', '2020-12-31'])(
    'keeps %s, the last day of its month',
    (v) => {
      expect(validateDay(v, 'birth_date')).toEqual({ ok: true, value: v });
    },
  );

  it('pads a year before 1000 to four digits, so string order stays date order', () => {
    expect(validateDay('01.02.0999', 'birth_date')).toEqual({ ok: true, value: '0999-02-01' });
  });

  it.each([
    '2026-02-30',
    '2023-02-29',
    '1900-02-29',
    '31.04.2020',
    '2020-06-31',
    '2020-09-31',
    '2020-11-31',
    '2020-13-01',
    '2020-00-10',
    '00.01.2020',
  ])('rejects %s, which is no day of the calendar', (v) => {
    expect(validateDay(v, 'birth_date')).toEqual({ ok: false, code: 'birth_date.impossible' });
    expect(validateDay(v, 'issue_date')).toEqual({ ok: false, code: 'issue_date.impossible' });
  });
});

describe('validateBirthDate', () => {
  it('accepts an adult without warnings', () => {
    expect(validateBirthDate('28.02.1948', TODAY)).toEqual({ ok: true, value: '1948-02-28' });
  });

  it('accepts a newborn born today, with the under-14 warning', () => {
    expect(validateBirthDate(TODAY, TODAY)).toEqual({ ok: true, value: TODAY, warnings: ['birth_date.under_14'] });
  });

  it('warns until the 14th birthday and not from it', () => {
    expect(validateBirthDate('2012-03-16', TODAY)).toEqual({ ok: true, value: '2012-03-16', warnings: ['birth_date.under_14'] });
    expect(validateBirthDate('2012-03-15', TODAY)).toEqual({ ok: true, value: '2012-03-15' });
  });

  it.each(['2026-03-16', '01.01.2027'])('rejects %s, in the future', (v) => {
    expect(validateBirthDate(v, TODAY)).toEqual({ ok: false, code: 'birth_date.future' });
  });

  it('allows 120 years and rejects 121', () => {
    expect(validateBirthDate('1905-03-16', TODAY)).toEqual({ ok: true, value: '1905-03-16' });
    expect(validateBirthDate('1905-03-15', TODAY)).toEqual({ ok: false, code: 'birth_date.too_old' });
    expect(validateBirthDate('1899-05-18', TODAY)).toEqual({ ok: false, code: 'birth_date.too_old' });
  });

  it('passes on format and calendar errors', () => {
    expect(validateBirthDate('2026-02-30', TODAY)).toEqual({ ok: false, code: 'birth_date.impossible' });
    expect(validateBirthDate('18/05/1990', TODAY)).toEqual({ ok: false, code: 'birth_date.format' });
  });

  it('refuses a today that is not a day, since that is a bug in the caller', () => {
    expect(() => validateBirthDate('1990-05-18', '2026-02-30')).toThrow(RangeError);
  });
});

describe('validateIssueDate', () => {
  it.each([
    ['2016-10-01', undefined],
    ['01.10.2016', '1990-05-18'],
    [TODAY, '1990-05-18'],
    ['1990-05-18', '1990-05-18'],
  ])('accepts %s (born %s)', (input, birthDate) => {
    expect(validateIssueDate(input, TODAY, birthDate)).toMatchObject({ ok: true });
  });

  it('rejects a date in the future', () => {
    expect(validateIssueDate('2026-03-16', TODAY)).toEqual({ ok: false, code: 'issue_date.future' });
  });

  it('rejects a date before birth, whichever way the birth date is written', () => {
    expect(validateIssueDate('2006-05-17', TODAY, '1990-05-18')).toEqual({ ok: true, value: '2006-05-17' });
    expect(validateIssueDate('1990-05-17', TODAY, '1990-05-18')).toEqual({ ok: false, code: 'issue_date.before_birth' });
    expect(validateIssueDate('17.05.1990', TODAY, '18.05.1990')).toEqual({ ok: false, code: 'issue_date.before_birth' });
  });

  it('ignores a birth date that is not a day (its own field reports it)', () => {
    expect(validateIssueDate('1950-01-01', TODAY, '1990-02-30')).toEqual({ ok: true, value: '1950-01-01' });
  });

  it('passes on format and calendar errors', () => {
    expect(validateIssueDate('2026-02-30', TODAY)).toEqual({ ok: false, code: 'issue_date.impossible' });
    expect(validateIssueDate('', TODAY)).toEqual({ ok: false, code: 'issue_date.format' });
  });
});
