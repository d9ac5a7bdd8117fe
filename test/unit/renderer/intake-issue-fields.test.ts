import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldDomId } from '../../../renderer/src/features/intake/field-ids';
import {
  issuesToProblems,
  partOfIssue,
  personIssueField,
  problemOf,
  registerIssueField,
} from '../../../renderer/src/features/intake/issue-fields';

describe('backend issue paths → intake fields', () => {
  it('maps a person’s paths, including the nested identity document and address, under that person', () => {
    expect(personIssueField('applicant', ['rnokpp'])).toBe('applicant.rnokpp');
    expect(personIssueField('applicant', ['idDoc', 'number'])).toBe('applicant.idDocNumber');
    expect(personIssueField('applicant', ['idDoc', 'validUntil'])).toBe('applicant.idDocValidUntil');
    expect(personIssueField('subject.applicant', ['rnokppAbsent'])).toBe('subject.applicant.rnokppAbsent');
    expect(personIssueField('representative.applicant', ['addressParts', 'postcode'])).toBe('representative.applicant.addressPostcode');
    expect(personIssueField('applicant', ['citizenship'])).toBe('applicant.citizenshipCode');
    expect(personIssueField('applicant', ['somethingNew'])).toBe('applicant.form');
  });

  it('tells which person an issue is about', () => {
    expect(partOfIssue(['applicant', 'rnokpp'])).toBe('applicant');
    expect(partOfIssue(['representative', 'applicant', 'idDoc', 'number'])).toBe('representative.applicant');
    expect(partOfIssue(['subject', 'applicant', 'rnokpp'])).toBe('subject.applicant');
    expect(partOfIssue(['representative', 'authority', 'basis'])).toBeNull();
    expect(partOfIssue(['items', 0])).toBeNull();
  });

  it('maps intake.register paths; item indexes count only the submitted lines', () => {
    const submitted = ['k1', 'k3'];
    expect(registerIssueField(['serviceId'], submitted)).toBe('service');
    expect(registerIssueField(['applicantId'], submitted)).toBe('applicant.search');
    expect(registerIssueField(['applicant', 'birthDate'], submitted)).toBe('applicant.birthDate');
    expect(registerIssueField(['applicant', 'idDoc', 'number'], submitted)).toBe('applicant.idDocNumber');
    expect(registerIssueField(['applicant'], submitted)).toBe('applicant.form');
    expect(registerIssueField(['representative', 'applicant', 'idDoc', 'number'], submitted)).toBe('representative.applicant.idDocNumber');
    expect(registerIssueField(['representative', 'applicantId'], submitted)).toBe('representative.applicant.search');
    expect(registerIssueField(['representative', 'authority', 'documentDate'], submitted)).toBe('representative.authority.documentDate');
    expect(registerIssueField(['representative'], submitted)).toBe('representative.enabled');
    expect(registerIssueField(['subject', 'applicant', 'birthDate'], submitted)).toBe('subject.applicant.birthDate');
    expect(registerIssueField(['items', 1, 'sheets'], submitted)).toBe('items.k3.sheets');
    expect(registerIssueField(['items', 0, 'name'], submitted)).toBe('items.k1.name');
    expect(registerIssueField(['items'], submitted)).toBe('items');
    expect(registerIssueField(['items', 7, 'sheets'], submitted)).toBe('items');
    expect(registerIssueField(['notes'], submitted)).toBe('notes');
    expect(registerIssueField(['ticketId'], submitted)).toBe('form');
  });

  it('shows a shared validation code in the clerk’s language, anything else as a generic text', () => {
    expect(problemOf({ path: ['rnokpp'], message: 'rnokpp.checksum' })).toEqual({ kind: 'code', code: 'rnokpp.checksum' });
    expect(problemOf({ path: ['rnokpp'], message: 'Invalid input' })).toEqual({ kind: 'text', key: 'intake.err.rejected' });
    expect(problemOf({ path: ['rnokpp'], message: 'applicant.duplicate' })).toEqual({ kind: 'text', key: 'intake.err.duplicate' });
    expect(issuesToProblems(undefined, () => 'x')).toEqual([]);
  });

  it('has words for every refusal code the registration rules can give, none falls to the generic text', () => {
    const sources = [
      'main/backend/applications/registration-rules.ts',
      'main/backend/applicants/check-dates.ts',
      'main/backend/applicants/duplicates.ts',
    ].map((file) => readFileSync(file, 'utf8'));
    const codes = sources.flatMap((text) => [...text.matchAll(/message: '([a-z_]+\.[a-zA-Z_]+)'/g)].map((m) => m[1]!));
    expect(codes).toContain('subject.is_applicant');
    for (const code of codes)
      expect(problemOf({ path: [], message: code }), code).not.toEqual({ kind: 'text', key: 'intake.err.rejected' });
  });

  it('gives every field a DOM id that is a valid, stable id', () => {
    expect(fieldDomId('items.l1ab.sheets')).toBe('intake-items-l1ab-sheets');
    expect(fieldDomId('applicant.search')).toBe('intake-applicant-search');
  });
});
