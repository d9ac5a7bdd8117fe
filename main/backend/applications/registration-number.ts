import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { issuedNumbersPath, readIssuedNumbers, sequenceKey, writeIssuedNumber } from './issued-numbers-file';

const RAISE_SEQUENCE = `INSERT INTO registration_sequences (center_code, desk_code, day, last_value) VALUES (?, ?, ?, ?)
  ON CONFLICT (center_code, desk_code, day) DO UPDATE SET last_value = max(last_value, excluded.last_value)`;

/**
 * The next registration number of this desk for a local day: `CENTER-DESK-YYYYMMDD-NNNN`.
 * Unique without asking the server (docs/ARCHITECTURE.md §6.4) because center and desk are in it and the
 * desk continues after the highest number it has ever issued or pulled for that day: the
 * sequence row (raised by pulled applications of this desk too, see apply-pulled.ts) or the
 * issued-numbers file beside the database, which a restored backup does not roll back.
 * The file is written before the registering transaction commits, so a registration that then
 * fails leaves a gap in the numbers, never a number issued twice.
 */
export function allocateRegistrationNumber(db: Db, centerCode: string, deskCode: string, day: string): string {
  const file = issuedNumbersPath(db.name);
  const key = sequenceKey(centerCode, deskCode, day);
  const inFile = file ? (readIssuedNumbers(file)[key] ?? 0) : 0;
  const inDb = (statement(db, 'SELECT last_value FROM registration_sequences WHERE center_code = ? AND desk_code = ? AND day = ?')
    .pluck()
    .get(centerCode, deskCode, day) ?? 0) as number;
  const next = Math.max(inFile, inDb) + 1;
  statement(db, RAISE_SEQUENCE).run(centerCode, deskCode, day, next);
  if (file) writeIssuedNumber(file, key, next);
  return formatRegistrationNumber(centerCode, deskCode, day, next);
}

export function formatRegistrationNumber(centerCode: string, deskCode: string, day: string, value: number): string {
  return `${centerCode}-${deskCode}-${day.replaceAll('-', '')}-${String(value).padStart(4, '0')}`;
}

/**
 * A pulled application raises the sequence of the desk that numbered it past its number: a
 * desk restored from a backup gets back the numbers it issued after that backup and never
 * issues them again. Other desks' rows are raised too; this desk never reads them.
 */
export function notePulledRegistrationNumber(db: Db, regNumber: string): void {
  const match = /^([A-Z0-9]+)-([A-Z0-9]+)-(\d{4})(\d{2})(\d{2})-(\d{1,9})$/.exec(regNumber);
  if (!match) return;
  const [, center, desk, year, month, date, value] = match;
  statement(db, RAISE_SEQUENCE).run(center, desk, `${year}-${month}-${date}`, Number(value));
}
