import type { ApplicantData } from '../../../shared/domain/applicant';
import { AppError } from '../../../shared/errors';
import type { FieldIssue } from '../../../shared/errors';
import { validateBirthDate, validateIssueDate } from '../../../shared/validate';

/** The date rules a fixed schema cannot know: nothing in the future, no one older than 120. */
export function assertPlausibleDates(data: ApplicantData, today: string): void {
  if (data.kind !== 'person') return;
  const issues: FieldIssue[] = [];
  if (data.birthDate !== undefined) {
    const birth = validateBirthDate(data.birthDate, today);
    if (!birth.ok) issues.push({ path: ['birthDate'], message: birth.code });
  }
  if (data.idDoc?.issuedOn !== undefined) {
    const issued = validateIssueDate(data.idDoc.issuedOn, today, data.birthDate);
    if (!issued.ok) issues.push({ path: ['idDoc', 'issuedOn'], message: issued.code });
  }
  if (issues.length > 0) throw new AppError('VALIDATION', 'A date is not possible', issues);
}
