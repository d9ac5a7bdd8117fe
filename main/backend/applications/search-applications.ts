import { searchApplicants } from '../applicants/search';
import { normalizeName } from '../applicants/search-text';
import type { Db } from '../db/open';
import { applicationSummaries } from './queries';
import type { StoredSummary } from './queries';

const APPLICANTS_CONSIDERED = 20;

/**
 * The end of a registration number (registration-number.ts: CENTER-DESK-YYYYMMDD-NNNN) as a
 * clerk reads it off a receipt: the day's sequence number ("0001"), or more of the number
 * before it ("20261202-0002", "07-20261202-0002").
 */
const NUMBER_TAIL = /^(?:[A-Z0-9]+-)*\d{4,}$/;

/**
 * Whole parts at the end of the number: the expression index of 0008 on its last four
 * characters finds the candidates, LIKE keeps those where the query starts a part (so "0001"
 * is not the end of "-10001"). The query is letters, digits and dashes: nothing to escape.
 */
export const BY_TAIL = 'substr(a.reg_number, -4) = ? AND a.reg_number LIKE ?';

/**
 * Representatives of earlier versions, stored by name only (`rep_full_name`): the newest
 * applications naming them, via the FTS5 index of 0008 (it drops apostrophes like normalizeName).
 */
const BY_LEGACY_REPRESENTATIVE = `a.rowid IN (SELECT rowid FROM applications_rep_fts WHERE applications_rep_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`;

/**
 * A clerk looking for an application types its number (the start of it, or its end as on the
 * receipt), the applicant or the representative: number matches first, then the applications
 * of the persons the applicant search finds — their own, then those they submitted as
 * representatives (on file since 0007, or named in an earlier version's application).
 */
export function searchApplications(db: Db, query: string, limit = 50): StoredSummary[] {
  const number = query.trim().toUpperCase();
  const byNumber = /\d/.test(number)
    ? applicationSummaries(db, "a.reg_number LIKE ? ESCAPE '\\'", [`${number.replace(/[\\%_]/g, '\\$&')}%`], limit)
    : [];
  const byTail = NUMBER_TAIL.test(number) ? applicationSummaries(db, BY_TAIL, [number.slice(-4), `%-${number}`], limit) : [];
  const personIds = searchApplicants(db, query, APPLICANTS_CONSIDERED).map((a) => a.id);
  const ofPersons = (column: 'applicant_id' | 'representative_id') =>
    personIds.length === 0 ? [] : applicationSummaries(db, `a.${column} IN (${personIds.map(() => '?').join(', ')})`, personIds, limit);
  const nameTerms = normalizeName(query)
    .split(' ')
    .filter((t) => /\p{L}/u.test(t));
  const byLegacyRepresentative =
    nameTerms.length === 0
      ? []
      : applicationSummaries(db, BY_LEGACY_REPRESENTATIVE, [nameTerms.map((t) => `"${t}"*`).join(' '), limit], limit);
  const seen = new Set<string>();
  return [...byNumber, ...byTail, ...ofPersons('applicant_id'), ...ofPersons('representative_id'), ...byLegacyRepresentative]
    .filter((a) => !seen.has(a.id) && seen.add(a.id))
    .slice(0, limit);
}
