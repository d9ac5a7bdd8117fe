import type { AuthorityData } from '../../../shared/domain/application';
import type { Service } from '../../../shared/domain/service';
import { AppError } from '../../../shared/errors';
import type { FieldIssue } from '../../../shared/errors';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

interface PartyRow {
  id: string;
  kind: 'person' | 'sole_trader' | 'legal_entity';
  rnokpp: string | null;
  rnokpp_absent: string | null;
}

export type ServiceRules = Pick<Service, 'requiresRnokpp' | 'personalAttendance'>;

/** Who takes part in an application, by id, as the registration names them. */
export interface Parties {
  applicantId: string;
  representative?: { applicantId: string; authority: AuthorityData } | null | undefined;
  subjectId?: string | undefined;
}

function party(db: Db, id: string): PartyRow | undefined {
  return statement(db, 'SELECT id, kind, rnokpp, rnokpp_absent FROM applicants WHERE id = ? AND deleted_at IS NULL').get(id) as
    PartyRow | undefined;
}

function refuse(issues: FieldIssue[]): void {
  if (issues.length > 0) throw new AppError('VALIDATION', issues.map((i) => i.message).join('; '), issues);
}

/**
 * Who may take part (docs/ARCHITECTURE.md §6, the representative and the person concerned): every
 * party is on file; a representative and a person concerned are persons; a representative acts
 * for the person concerned when there is one, so only then may they be the applicant themself
 * (a mother applying for her child); the person concerned is someone other than the applicant;
 * a service the law makes personal takes no representative; a service whose card asks for the
 * РНОКПП refuses an applicant without one, unless they refused it on religious grounds (the
 * passport mark stands in for it). The authority's validity is checked by check-dates.ts.
 */
export function assertParties(db: Db, service: ServiceRules, parties: Parties): void {
  const applicant = party(db, parties.applicantId);
  if (!applicant) throw new AppError('VALIDATION', 'No such applicant', [{ path: ['applicantId'], message: 'no such applicant' }]);
  const issues: FieldIssue[] = [];
  const rep = parties.representative ?? null;
  if (rep !== null) {
    const person = party(db, rep.applicantId);
    if (service.personalAttendance) issues.push({ path: ['representative'], message: 'service.personal_attendance' });
    if (!person) issues.push({ path: ['representative', 'applicantId'], message: 'no such applicant' });
    else if (person.kind !== 'person') issues.push({ path: ['representative', 'applicantId'], message: 'representative.not_person' });
    if (rep.applicantId === parties.applicantId && parties.subjectId === undefined) {
      issues.push({ path: ['representative', 'applicantId'], message: 'representative.is_applicant' });
    }
  }
  if (parties.subjectId !== undefined) {
    const subject = party(db, parties.subjectId);
    if (!subject) issues.push({ path: ['subjectId'], message: 'no such applicant' });
    else if (subject.kind !== 'person') issues.push({ path: ['subjectId'], message: 'subject.not_person' });
    if (parties.subjectId === parties.applicantId) issues.push({ path: ['subjectId'], message: 'subject.is_applicant' });
  }
  if (service.requiresRnokpp && applicant.kind !== 'legal_entity' && applicant.rnokpp === null && applicant.rnokpp_absent !== 'religious') {
    issues.push({ path: ['applicant', 'rnokpp'], message: 'service.requires_rnokpp' });
  }
  refuse(issues);
}

/**
 * The service's required documents (their Ukrainian names, as the catalog has them now) not
 * among the receipt lines; optional and «за наявності» ones are never missing. A line names a
 * document in either language.
 */
export function missingRequiredDocuments(service: Pick<Service, 'documents'>, itemNames: readonly string[]): string[] {
  const given = new Set(itemNames.map((n) => n.trim()));
  return service.documents.filter((d) => d.need === 'required' && !given.has(d.nameUk) && !given.has(d.nameEn)).map((d) => d.nameUk);
}
