import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * The next registration number of this desk for a local day: `CENTER-DESK-YYYYMMDD-NNNN`.
 * Unique without asking the server (docs/ARCHITECTURE.md §6.4) because center and desk are in it and the
 * sequence row is bumped inside the registering transaction, so a rolled-back registration
 * gives its number back and a committed one never repeats.
 */
export function allocateRegistrationNumber(db: Db, centerCode: string, deskCode: string, day: string): string {
  const next = statement(
    db,
    `INSERT INTO registration_sequences (center_code, desk_code, day, last_value) VALUES (?, ?, ?, 1)
       ON CONFLICT (center_code, desk_code, day) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
  )
    .pluck()
    .get(centerCode, deskCode, day) as number;
  return `${centerCode}-${deskCode}-${day.replaceAll('-', '')}-${String(next).padStart(4, '0')}`;
}
