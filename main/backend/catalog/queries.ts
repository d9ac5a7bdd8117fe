import { Service } from '../../../shared/domain/service';
import { normalizeName } from '../applicants/search-text';
import type { Db } from '../db/open';
import { SAMPLE_CATALOG, SAMPLE_SUBSISTENCE_MINIMUMS } from './sample-catalog';
import { putService, putSubsistenceMinimum } from './services';
import { statement } from '../db/statements';

interface ServiceRow {
  id: string;
  code: string;
  name_uk: string;
  name_en: string;
  requires_rnokpp: number;
  personal_attendance: number;
  active: number;
  deleted_at: string | null;
  card: string;
}

const COLUMNS = 'id, code, name_uk, name_en, requires_rnokpp, personal_attendance, active, deleted_at, card';

/** A row and its card, read back through the same schema that wrote them: a damaged card is an error, never a guess. */
function toService(row: ServiceRow): Service {
  return Service.parse({
    ...(JSON.parse(row.card) as object),
    id: row.id,
    code: row.code,
    nameUk: row.name_uk,
    nameEn: row.name_en,
    requiresRnokpp: row.requires_rnokpp === 1,
    personalAttendance: row.personal_attendance === 1,
    active: row.active === 1 && row.deleted_at === null,
  });
}

export function getService(db: Db, id: string): Service | null {
  const row = statement(db, `SELECT ${COLUMNS} FROM services WHERE id = ?`).get(id) as ServiceRow | undefined;
  return row ? toService(row) : null;
}

/**
 * Services a clerk can choose now, matching a code or words of the name in either language.
 * The catalog is a few hundred rows, so it is filtered here: SQLite's lower() knows no Cyrillic.
 */
export function searchServices(db: Db, query: string, limit = 50): Service[] {
  const rows = statement(db, `SELECT ${COLUMNS} FROM services WHERE active = 1 AND deleted_at IS NULL ORDER BY code`).all() as ServiceRow[];
  const words = normalizeName(query).split(' ').filter(Boolean);
  const code = query.trim().toUpperCase();
  const matches = rows.filter((row) => {
    if (words.length === 0) return true;
    if (row.code.toUpperCase().startsWith(code)) return true;
    const haystack = ` ${normalizeName(row.name_uk)} ${normalizeName(row.name_en)} `;
    return words.every((w) => haystack.includes(` ${w}`));
  });
  return matches.slice(0, limit).map(toService);
}

/** A new desk starts with the sample catalog and its subsistence-minimum table; a desk that has any catalog keeps it. */
export function seedSampleCatalog(db: Db, at: string): boolean {
  const count = statement(db, 'SELECT count(*) FROM services').pluck().get() as number;
  if (count > 0) return false;
  db.transaction(() => {
    for (const service of SAMPLE_CATALOG) putService(db, service, at);
    for (const row of SAMPLE_SUBSISTENCE_MINIMUMS) putSubsistenceMinimum(db, row, at);
    statement(
      db,
      "INSERT INTO desk_meta (key, value) VALUES ('catalog_source', 'sample') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run();
  })();
  return true;
}
