import type { ApplicationSummary } from '../../../shared/domain/application';
import { searchApplicants } from '../applicants/search';
import type { Db } from '../db/open';
import { applicationSummaries } from './queries';

const APPLICANTS_CONSIDERED = 20;

/**
 * A clerk looking for an application types its number (or the start of it) or the applicant:
 * number matches first, then the applications of the applicants the search finds.
 */
export function searchApplications(db: Db, query: string, limit = 50): ApplicationSummary[] {
  const number = query.trim().toUpperCase();
  const byNumber = /\d/.test(number)
    ? applicationSummaries(db, "a.reg_number LIKE ? ESCAPE '\\'", [`${number.replace(/[\\%_]/g, '\\$&')}%`], limit)
    : [];
  const applicantIds = searchApplicants(db, query, APPLICANTS_CONSIDERED).map((a) => a.id);
  const byApplicant =
    applicantIds.length === 0
      ? []
      : applicationSummaries(db, `a.applicant_id IN (${applicantIds.map(() => '?').join(', ')})`, applicantIds, limit);
  const seen = new Set<string>();
  return [...byNumber, ...byApplicant].filter((a) => !seen.has(a.id) && seen.add(a.id)).slice(0, limit);
}
