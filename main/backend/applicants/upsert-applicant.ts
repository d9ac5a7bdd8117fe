import type { Applicant, ApplicantData } from '../../../shared/domain/applicant';
import { AppError } from '../../../shared/errors';
import { recordChange, runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { uuidv7 } from '../ids';
import { localDay } from '../clock';
import { assertPlausibleDates } from './check-dates';
import { cleanApplicantNames } from './clean-names';
import { DUPLICATE_PATH, findDuplicates } from './duplicates';
import { getApplicant } from './queries';
import { searchTierColumns } from './search-columns';
import { normalizeName } from './search-text';
import { statement } from '../db/statements';

function displayNameOf(a: ApplicantData): string {
  if (a.kind === 'legal_entity') return a.legalName;
  return [a.surname, a.givenName, a.patronymic].filter(Boolean).join(' ');
}

/** Column values for every kind; fields another kind has are null. */
function columns(a: ApplicantData) {
  const person = a.kind === 'legal_entity' ? undefined : a;
  const trader = a.kind === 'sole_trader' ? a : undefined;
  const entity = a.kind === 'legal_entity' ? a : undefined;
  return {
    kind: a.kind,
    surname: person?.surname ?? null,
    given_name: person?.givenName ?? null,
    patronymic: person?.patronymic ?? null,
    birth_date: person?.birthDate ?? null,
    sex: person?.sex ?? null,
    rnokpp: person?.rnokpp ?? null,
    rnokpp_absent: person?.rnokppAbsent ?? null,
    id_doc_type: person?.idDoc?.type ?? null,
    id_doc_number: person?.idDoc?.number ?? null,
    id_doc_issuer: person?.idDoc?.issuer ?? null,
    id_doc_issued_on: person?.idDoc?.issuedOn ?? null,
    id_doc_valid_until: person?.idDoc?.validUntil ?? null,
    id_doc_presented_as: person?.idDoc?.presentedAs ?? null,
    unzr: person?.unzr ?? null,
    citizenship: person?.citizenship ?? null,
    address: a.address ?? null,
    address_parts: a.addressParts === undefined ? null : JSON.stringify(a.addressParts),
    phone: a.phone ?? null,
    email: a.email ?? null,
    notify_by: a.notifyBy ?? null,
    edrpou: entity?.edrpou ?? null,
    legal_name: entity?.legalName ?? null,
    business_name: trader?.businessName ?? null,
    registry_record: trader?.registryRecord ?? null,
    display_name: displayNameOf(a),
    search_name: normalizeName(displayNameOf(a)),
    ...searchTierColumns(displayNameOf(a)),
  };
}

/**
 * A new applicant whose РНОКПП, ЄДРПОУ or document is already on file is the same person: a
 * second record would split their history, so the clerk is sent to the one on file
 * (`applicants.findDuplicates` lets the form offer it before this refusal).
 */
function assertNotOnFile(env: CommandEnv, a: ApplicantData): void {
  const keys =
    a.kind === 'legal_entity'
      ? { edrpou: a.edrpou }
      : { rnokpp: a.rnokpp, idDoc: a.idDoc === undefined ? undefined : { type: a.idDoc.type, number: a.idDoc.number } };
  const found = findDuplicates(env.db, keys);
  if (found.length === 0) return;
  const matches = [...new Set(found.map((f) => f.match))];
  throw new AppError(
    'CONFLICT',
    `Already on file: ${found.map((f) => f.displayName).join(', ')}`,
    matches.map((match) => ({ path: DUPLICATE_PATH[match], message: 'applicant.duplicate' })),
  );
}

/**
 * Creates an applicant, or updates the one named by `id`: one transaction with outbox and audit
 * (or part of the caller's, see intake/register-intake.ts). Names are stored cleaned; when that
 * changed one, the audit event keeps what was typed.
 */
export function upsertApplicant(env: CommandEnv, input: ApplicantData): Applicant {
  const now = env.now();
  assertPlausibleDates(input, localDay(now, env.desk.timeZone));
  const { data, raw } = cleanApplicantNames(input, env.desk.names.apostrophe);
  const details = Object.keys(raw).length > 0 ? { typedNames: raw } : undefined;
  const at = now.toISOString();
  const id = runCommand(env.db, () => {
    const values = columns(data);
    if (data.id === undefined) {
      assertNotOnFile(env, data);
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
        { action: 'applicant.create', entity: 'applicant', entityId: id, ...(details ? { details } : {}) },
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
      { action: 'applicant.update', entity: 'applicant', entityId: data.id, ...(details ? { details } : {}) },
    );
    return data.id;
  });
  const applicant = getApplicant(env.db, id);
  if (!applicant) throw new Error(`Applicant ${id} vanished after commit`);
  return applicant;
}
