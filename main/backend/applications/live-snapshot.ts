import { Authority } from '../../../shared/domain/representation';
import type { CaseSnapshot, PartySnapshot } from '../../../shared/domain/case-snapshot';
import type { ReceiptVersion } from '../../../shared/domain/receipt';
import type { Db } from '../db/db';
import { statement } from '../db/statements';

/**
 * The snapshot and опис №1 of a case registered before the record was frozen, built from what
 * its receipt showed then: the live rows the receipt handler joined (service, provider, applicant,
 * representative, person concerned, clerk). Desk migration 0010 runs it for every such case, and
 * a pulled record the back office has no snapshot of gets one the same way. It reads only columns
 * that existed before 0010, so later migrations cannot break it.
 */

interface LiveRow {
  id: string;
  reg_number: string;
  registered_at: string;
  registered_on: string;
  due_date: string;
  result_delivery: CaseSnapshot['resultDelivery'];
  center_code: string;
  window: string;
  clerk_id: string;
  clerk_name: string | null;
  service_id: string;
  service_code: string | null;
  service_name_uk: string | null;
  service_name_en: string | null;
  provider_uk: string | null;
  provider_en: string | null;
  applicant_id: string;
  representative_id: string | null;
  rep_authority: string | null;
  rep_full_name: string | null;
  rep_poa_number: string | null;
  rep_poa_date: string | null;
  subject_id: string | null;
  insisted: string | null;
}

interface PartyRow {
  id: string;
  display_name: string;
  rnokpp: string | null;
  edrpou: string | null;
  id_doc_type: NonNullable<PartySnapshot['idDoc']>['type'] | null;
  id_doc_number: string | null;
  id_doc_valid_until: string | null;
  deleted_at: string | null;
}

const SELECT_LIVE = `
  SELECT a.id, a.reg_number, a.registered_at, a.registered_on, a.due_date, a.result_delivery, a.center_code, a.window,
    a.clerk_id, c.full_name AS clerk_name, a.service_id, s.code AS service_code, s.name_uk AS service_name_uk,
    s.name_en AS service_name_en, s.provider_uk, s.provider_en, a.applicant_id, a.representative_id, a.rep_authority,
    a.rep_full_name, a.rep_poa_number, a.rep_poa_date, a.subject_id, a.insisted
  FROM applications a LEFT JOIN services s ON s.id = a.service_id LEFT JOIN clerks c ON c.id = a.clerk_id
  WHERE a.id = ?`;

/**
 * A party as the receipt handler read it: the name from the row whatever its state; the tax number
 * and document only while the row was not deleted (the handler asked getApplicant, which skips those).
 */
function party(db: Db, id: string): PartySnapshot {
  const row = statement(
    db,
    'SELECT id, display_name, rnokpp, edrpou, id_doc_type, id_doc_number, id_doc_valid_until, deleted_at FROM applicants WHERE id = ?',
  ).get(id) as PartyRow | undefined;
  if (!row) return { id, displayName: '', taxId: null, idDoc: null };
  const live = row.deleted_at === null;
  return {
    id,
    displayName: row.display_name,
    taxId: !live ? null : row.rnokpp ? { kind: 'rnokpp', value: row.rnokpp } : row.edrpou ? { kind: 'edrpou', value: row.edrpou } : null,
    idDoc:
      live && row.id_doc_type && row.id_doc_number
        ? { type: row.id_doc_type, number: row.id_doc_number, validUntil: row.id_doc_valid_until }
        : null,
  };
}

function representative(db: Db, row: LiveRow): CaseSnapshot['representative'] {
  if (row.representative_id !== null && row.rep_authority !== null) {
    return { kind: 'on_file', party: party(db, row.representative_id), authority: Authority.parse(JSON.parse(row.rep_authority)) };
  }
  if (row.rep_full_name && row.rep_poa_number && row.rep_poa_date) {
    return { kind: 'legacy', fullName: row.rep_full_name, poaNumber: row.rep_poa_number, poaDate: row.rep_poa_date };
  }
  return null;
}

/** The case's snapshot and its опис №1 (layout 1: drawn as receipts were then), or null when there is no such case. */
export function liveSnapshot(db: Db, id: string): { snapshot: CaseSnapshot; first: ReceiptVersion } | null {
  const row = statement(db, SELECT_LIVE).get(id) as LiveRow | undefined;
  if (!row) return null;
  const lines = (
    statement(db, 'SELECT name, original, sheets FROM application_items WHERE application_id = ? ORDER BY position').all(id) as Array<{
      name: string;
      original: number;
      sheets: number;
    }>
  ).map((line) => ({ name: line.name, original: line.original === 1, sheets: line.sheets, returned: false }));
  const clerkName = row.clerk_name ?? row.clerk_id;
  const snapshot: CaseSnapshot = {
    regNumber: row.reg_number,
    registeredAt: row.registered_at,
    registeredOn: row.registered_on,
    timeZone: null,
    center: { code: row.center_code, name: null },
    window: row.window,
    clerk: { id: row.clerk_id, name: clerkName },
    service: { id: row.service_id, code: row.service_code ?? '', nameUk: row.service_name_uk ?? '', nameEn: row.service_name_en ?? '' },
    provider: { nameUk: row.provider_uk ?? '', nameEn: row.provider_en ?? '', edrpou: null },
    applicant: party(db, row.applicant_id),
    representative: representative(db, row),
    subject: row.subject_id === null ? null : party(db, row.subject_id),
    insisted: row.insisted === null ? null : (JSON.parse(row.insisted) as CaseSnapshot['insisted']),
    // '' is queries.ts's NO_DUE_DATE (a term from a later event); not imported: queries.ts reaches back to db/open.ts.
    dueDate: row.due_date === '' ? null : row.due_date,
    resultDelivery: row.result_delivery,
  };
  const first: ReceiptVersion = {
    number: 1,
    version: 1,
    issuedAt: row.registered_at,
    clerkId: row.clerk_id,
    clerkName,
    lines,
    correction: null,
    layout: 1,
  };
  return { snapshot, first };
}
