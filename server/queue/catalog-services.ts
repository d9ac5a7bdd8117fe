import type { Sql } from '../storage/storage';

export interface ServiceNames {
  nameUk: string;
  nameEn: string;
}

/**
 * The services a center's desks hold, by code: the base list and the center's own additions
 * (docs/ARCHITECTURE.md §6.4), withdrawn ones left out. The queue names them from here.
 */
export async function catalogServices(sql: Sql, centerCode: string): Promise<Map<string, ServiceNames>> {
  const rows = await sql.query<{ code: string; name_uk: string | null; name_en: string | null }>(
    `SELECT data->>'code' AS code, data->>'nameUk' AS name_uk, data->>'nameEn' AS name_en FROM services
      WHERE (center_code IS NULL OR center_code = $1) AND COALESCE(data->>'active', 'true') <> 'false'`,
    [centerCode],
  );
  return new Map(rows.map((row) => [row.code, { nameUk: row.name_uk ?? row.code, nameEn: row.name_en ?? row.name_uk ?? row.code }]));
}
