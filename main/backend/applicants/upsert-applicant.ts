import type { Applicant, ApplicantData } from '../../../shared/domain/applicant';
import { AppError } from '../../../shared/errors';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { uuidv7 } from '../ids';
import { localDay } from '../clock';
import { assertPlausibleDates } from './check-dates';
import { getApplicant } from './queries';
import { searchTierColumns } from './search-columns';
import { normalizeName } from './search-text';
import { statement } from '../db/statements';

function displayNameOf(a: ApplicantData): string {
  if (a.kind === 'legal_entity') return a.legalName;
  return [a.surname, a.givenName, a.patronymic].filter(Boolean).join(' ');
}

/** Column values for both kinds; fields of the other kind are null. */
function columns(a: ApplicantData) {
  const person = a.kind === 'person' ? a : undefined;
  return {
    kind: a.kind,
    surname: person?.surname ?? null,
    given_name: person?.givenName ?? null,
    patronymic: person?.patronymic ?? null,
    birth_date: person?.birthDate ?? null,
    sex: person?.sex ?? null,
    rnokpp: a.rnokpp ?? null,
    rnokpp_refused: person?.rnokppRefused ? 1 : 0,
    id_doc_type: person?.idDoc?.type ?? null,
    id_doc_number: person?.idDoc?.number ?? null,
    id_doc_issuer: person?.idDoc?.issuer ?? null,
    id_doc_issued_on: person?.idDoc?.issuedOn ?? null,
    unzr: person?.unzr ?? null,
    address: a.address ?? null,
    phone: a.phone ?? null,
    email: a.email ?? null,
    notify_by: a.notifyBy ?? null,
    edrpou: a.kind === 'legal_entity' ? (a.edrpou ?? null) : null,
    legal_name: a.kind === 'legal_entity' ? a.legalName : null,
    display_name: displayNameOf(a),
    search_name: normalizeName(displayNameOf(a)),
    ...searchTierColumns(displayNameOf(a)),
  };
}

/**
 * Creates an applicant, or updates the one named by `id`: one transaction with outbox and audit
 * (or part of the caller's, see intake/register-intake.ts).
 */
export function upsertApplicant(env: CommandEnv, data: ApplicantData): Applicant {
  const now = env.now();
  assertPlausibleDates(data, localDay(now, env.desk.timeZone));
  const at = now.toISOString();
  const id = runCommand(env.db, () => {
    const values = columns(data);
    if (data.id === undefined) {
      const id = uuidv7();
      statement(
        env.db,
        `INSERT INTO applicants (id, ${Object.keys(values).join(', ')}, clerk_id, created_at, updated_at)
           VALUES (@id, ${Object.keys(values)
             .map((k) => `@${k}`)
             .join(', ')}, @clerk_id, @at, @at)`,
      ).run({ ...values, id, clerk_id: env.clerkId, at });
      recordChange(
        env,
        at,
        { kind: 'applicant.create', payload: { id, ...values }, baseVersion: null },
        { action: 'applicant.create', entity: 'applicant', entityId: id },
      );
      return id;
    }
    const current = statement(env.db, 'SELECT server_version FROM applicants WHERE id = ? AND deleted_at IS NULL').get(data.id) as
      { server_version: number | null } | undefined;
    if (!current) throw new AppError('NOT_FOUND', `No applicant ${data.id}`, [{ path: ['id'], message: 'no such applicant' }]);
    const info = statement(
      env.db,
      `UPDATE applicants SET ${Object.keys(values)
        .map((k) => `${k} = @${k}`)
        .join(', ')}, updated_at = @at WHERE id = @id`,
    ).run({ ...values, id: data.id, at });
    if (info.changes !== 1) throw new Error(`Updating applicant ${data.id} changed ${info.changes} rows`);
    recordChange(
      env,
      at,
      { kind: 'applicant.update', payload: { id: data.id, ...values }, baseVersion: current.server_version },
      { action: 'applicant.update', entity: 'applicant', entityId: data.id },
    );
    return data.id;
  });
  const applicant = getApplicant(env.db, id);
  if (!applicant) throw new Error(`Applicant ${id} vanished after commit`);
  return applicant;
}
