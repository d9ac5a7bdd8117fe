import { describe, expect, it } from 'vitest';
import { fieldDomId } from '../../../renderer/src/features/intake/field-ids';
import { applicantIssueField, issuesToProblems, problemOf, registerIssueField } from '../../../renderer/src/features/intake/issue-fields';

describe('backend issue paths → intake fields', () => {
  it('maps applicant paths, including the nested identity document', () => {
    expect(applicantIssueField(['rnokpp'])).toBe('applicant.rnokpp');
    expect(applicantIssueField(['idDoc', 'number'])).toBe('applicant.idDocNumber');
    expect(applicantIssueField(['idDoc', 'issuedOn'])).toBe('applicant.idDocIssuedOn');
    expect(applicantIssueField(['rnokppRefused'])).toBe('applicant.rnokppRefused');
    expect(applicantIssueField(['somethingNew'])).toBe('applicant.form');
  });

  it('maps intake.register paths; item indexes count only the submitted lines', () => {
    const submitted = ['k1', 'k3'];
    expect(registerIssueField(['serviceId'], submitted)).toBe('service');
    expect(registerIssueField(['applicantId'], submitted)).toBe('applicant.search');
    expect(registerIssueField(['applicant', 'birthDate'], submitted)).toBe('applicant.birthDate');
    expect(registerIssueField(['applicant', 'idDoc', 'number'], submitted)).toBe('applicant.idDocNumber');
    expect(registerIssueField(['applicant'], submitted)).toBe('applicant.form');
    expect(registerIssueField(['representative', 'poaDate'], submitted)).toBe('rep.poaDate');
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
    expect(issuesToProblems(undefined, () => 'x')).toEqual([]);
  });

  it('gives every field a DOM id that is a valid, stable id', () => {
    expect(fieldDomId('items.l1ab.sheets')).toBe('intake-items-l1ab-sheets');
    expect(fieldDomId('applicant.search')).toBe('intake-applicant-search');
  });
});
