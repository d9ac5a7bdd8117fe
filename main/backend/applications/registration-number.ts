import { dirname } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { openIssuedNumbers, sequenceKey } from './issued-numbers';
import type { IssuedNumbers, Warn } from './issued-numbers';

const RAISE_SEQUENCE = `INSERT INTO registration_sequences (center_code, desk_code, day, last_value) VALUES (?, ?, ?, ?)
  ON CONFLICT (center_code, desk_code, day) DO UPDATE SET last_value = max(last_value, excluded.last_value)`;

export interface AllocatedNumber {
  regNumber: string;
  /** Its place in the day's sequence, for `keepIssuedNumber` once the registration committed. */
  value: number;
}

/**
 * The next registration number of this desk for a local day: `CENTER-DESK-YYYYMMDD-NNNN`.
 * Unique without asking the server (docs/ARCHITECTURE.md §6.4) because center and desk are in it and the
 * desk continues after the highest number it has ever issued or pulled for that day: the
 * sequence row (raised by pulled applications of this desk too, see apply-pulled.ts) or the
 * issued-numbers file beside the database, which a restored backup does not roll back.
 * The row is bumped inside the registering transaction, so a rolled-back registration gives its
 * number back and the numbers of a day have no gaps.
 */
export function allocateRegistrationNumber(db: Db, centerCode: string, deskCode: string, day: string): AllocatedNumber {
  const inFile = issuedNumbersOf(db)?.highest(sequenceKey(centerCode, deskCode, day)) ?? 0;
  const inDb = (statement(db, 'SELECT last_value FROM registration_sequences WHERE center_code = ? AND desk_code = ? AND day = ?')
    .pluck()
    .get(centerCode, deskCode, day) ?? 0) as number;
  const value = Math.max(inFile, inDb) + 1;
  statement(db, RAISE_SEQUENCE).run(centerCode, deskCode, day, value);
  return { regNumber: formatRegistrationNumber(centerCode, deskCode, day, value), value };
}

/**
 * Writes a committed registration's number to the issued-numbers file. After the commit, so a
 * registration that fails never takes a number (a crash in between is made good by the next
 * registration of the day, which continues after the database's row). A file the disk cannot
 * take is not the clerk's failure: the application is saved, so this never throws (the file logs
 * the refusal at error level for IT); the next registration writes the file again.
 */
export function keepIssuedNumber(db: Db, centerCode: string, deskCode: string, day: string, value: number): void {
  try {
    issuedNumbersOf(db)?.keep(sequenceKey(centerCode, deskCode, day), value);
  } catch {
    // Deliberately not thrown: see above. The file logged it for IT; the database row holds the number until a restore.
  }
}

const opened = new WeakMap<Db, IssuedNumbers>();

/** Outside a backend (tests, the bench's tools) there is no desk log: Node's warning channel prints to stderr. */
const warnOnStderr: Warn = (message, fields) => process.emitWarning(`${message} ${JSON.stringify(fields)}`);

/** A file the disk will not give or make is a STORAGE error: the registration asking for it is refused whole, with a message to act on. */
function openFile(db: Db, warn: Warn): IssuedNumbers {
  try {
    return openIssuedNumbers(dirname(db.name), warn);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('STORAGE', `Cannot open the issued-numbers file beside ${db.name}: ${(error as Error).message}`);
  }
}

/**
 * The issued-numbers file beside the database of `db`, opened on first use (the backend opens it
 * at start with its logger) and kept open as long as the connection: closing the database closes
 * it too, so nothing holds the data folder after. An in-memory database has no data folder, so
 * nothing survives it to protect (null).
 */
export function issuedNumbersOf(db: Db, warn: Warn = warnOnStderr): IssuedNumbers | null {
  if (db.name === '' || db.name === ':memory:') return null;
  let numbers = opened.get(db);
  if (!numbers) {
    const file = openFile(db, warn);
    const closeDb = db.close.bind(db);
    db.close = () => {
      opened.delete(db);
      file.close();
      return closeDb();
    };
    opened.set(db, file);
    numbers = file;
  }
  return numbers;
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
