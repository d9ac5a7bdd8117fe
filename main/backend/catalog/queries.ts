import type { Service } from '../../../shared/domain/service';
import { normalizeName } from '../applicants/search-text';
import type { Db } from '../db/open';
import { SAMPLE_CATALOG } from './sample-catalog';
import { putService } from './services';
import { statement } from '../db/statements';

interface ServiceRow {
  id: string;
  code: string;
  name_uk: string;
  name_en: string;
  provider_uk: string;
  provider_en: string;
  fee_kopecks: number;
  deadline_value: number;
  deadline_unit: Service['deadlineUnit'];
  requires_rnokpp: number;
  personal_attendance: number;
  active: number;
  deleted_at: string | null;
}

function toService(db: Db, row: ServiceRow): Service {
  const documents = statement(
    db,
    'SELECT position, name_uk, name_en, required FROM service_documents WHERE service_id = ? ORDER BY position',
  ).all(row.id) as Array<{ position: number; name_uk: string; name_en: string; required: number }>;
  return {
    id: row.id,
    code: row.code,
    nameUk: row.name_uk,
    nameEn: row.name_en,
    providerUk: row.provider_uk,
    providerEn: row.provider_en,
    feeKopecks: row.fee_kopecks,
    deadlineValue: row.deadline_value,
    deadlineUnit: row.deadline_unit,
    requiresRnokpp: row.requires_rnokpp === 1,
    personalAttendance: row.personal_attendance === 1,
    active: row.active === 1 && row.deleted_at === null,
    documents: documents.map((d) => ({ position: d.position, nameUk: d.name_uk, nameEn: d.name_en, required: d.required === 1 })),
  };
}

export function getService(db: Db, id: string): Service | null {
  const row = statement(db, 'SELECT * FROM services WHERE id = ?').get(id) as ServiceRow | undefined;
  return row ? toService(db, row) : null;
}

/**
 * Services a clerk can choose now, matching a code or words of the name in either language.
 * The catalog is a few hundred rows, so it is filtered here: SQLite's lower() knows no Cyrillic.
 */
export function searchServices(db: Db, query: string, limit = 50): Service[] {
  const rows = statement(db, 'SELECT * FROM services WHERE active = 1 AND deleted_at IS NULL ORDER BY code').all() as ServiceRow[];
  const words = normalizeName(query).split(' ').filter(Boolean);
  const code = query.trim().toUpperCase();
  const matches = rows.filter((row) => {
    if (words.length === 0) return true;
    if (row.code.toUpperCase().startsWith(code)) return true;
    const haystack = ` ${normalizeName(row.name_uk)} ${normalizeName(row.name_en)} `;
    return words.every((w) => haystack.includes(` ${w}`));
  });
  return matches.slice(0, limit).map((row) => toService(db, row));
}

/** A new desk starts with the sample catalog; a desk that has any catalog keeps it. */
export function seedSampleCatalog(db: Db, at: string): boolean {
  const count = statement(db, 'SELECT count(*) FROM services').pluck().get() as number;
  if (count > 0) return false;
  db.transaction(() => {
    for (const service of SAMPLE_CATALOG) putService(db, service, at);
    statement(
      db,
      "INSERT INTO desk_meta (key, value) VALUES ('catalog_source', 'sample') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run();
  })();
  return true;
}
