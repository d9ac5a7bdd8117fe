import type { ApplicantData } from '../../../shared/domain/applicant';
import { AppError } from '../../../shared/errors';
import type { FieldIssue } from '../../../shared/errors';
import { validateBirthDate, validateIssueDate } from '../../../shared/validate';

/**
 * The date rules a fixed schema cannot know: nothing in the future, no one older than 120, and
 * no identity document that has expired by the desk's today (the last day it states is still valid).
 */
export function assertPlausibleDates(data: ApplicantData, today: string): void {
  if (data.kind === 'legal_entity') return;
  const issues: FieldIssue[] = [];
  if (data.birthDate !== undefined) {
    const birth = validateBirthDate(data.birthDate, today);
    if (!birth.ok) issues.push({ path: ['birthDate'], message: birth.code });
  }
  if (data.idDoc?.issuedOn !== undefined) {
    const issued = validateIssueDate(data.idDoc.issuedOn, today, data.birthDate);
    if (!issued.ok) issues.push({ path: ['idDoc', 'issuedOn'], message: issued.code });
  }
  if (data.idDoc?.validUntil !== undefined && data.idDoc.validUntil < today) {
    issues.push({ path: ['idDoc', 'validUntil'], message: 'id_doc.expired' });
  }
  if (issues.length > 0) throw new AppError('VALIDATION', 'A date is not possible', issues);
}

/** An authority whose stated validity ended before the desk's today cannot be acted on. */
export function assertAuthorityCurrent(authority: { validUntil?: string | undefined }, today: string): void {
  if (authority.validUntil === undefined || authority.validUntil >= today) return;
  throw new AppError('VALIDATION', 'The representative’s authority has expired', [
    { path: ['representative', 'authority', 'validUntil'], message: 'authority.expired' },
  ]);
}
