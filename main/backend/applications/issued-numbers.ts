import { closeSync, fdatasyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  createIssuedNumbersFile,
  decodeFile,
  encodeRecord,
  fitsRecord,
  ISSUED_NUMBERS_FILE,
  PAIRS,
  SLOT_BYTES,
  slotOffset,
} from './issued-numbers-file';
import type { IssuedRecord } from './issued-numbers-file';
import { HAND_WRITTEN_NUMBERS_FILE, readJsonNumbers } from './issued-numbers-json';

export type Warn = (message: string, fields: Record<string, unknown>, level?: 'warn' | 'error') => void;

/** The issued-numbers file of one data folder, read once at open and kept in memory while the backend runs. */
export interface IssuedNumbers {
  /** The highest number kept for `key` (`sequenceKey`), 0 for none. */
  highest(key: string): number;
  /**
   * Records `value` as issued for `key` before returning: one record written in place and one
   * fdatasync. A value not above the kept one writes nothing. Throws when the disk refuses.
   */
  keep(key: string, value: number): void;
  close(): void;
}

export const sequenceKey = (centerCode: string, deskCode: string, day: string) => `${centerCode}/${deskCode}/${day}`;

const dayOf = (key: string) => key.slice(key.lastIndexOf('/') + 1);

/** A pair of slots held by one key: `values[i]` is what slot i holds for it (0 for nothing of its own). */
interface Pair {
  key: string;
  values: [number, number];
}

const newer = (a: IssuedRecord, b: IssuedRecord) => dayOf(a.key) > dayOf(b.key) || (dayOf(a.key) === dayOf(b.key) && a.value > b.value);

/**
 * Which key holds each pair, from the records read. A pair holds two keys only after a crash while
 * it was being taken over (both slots are written at once): the newer day keeps it. Every record
 * still counts for its key's highest number.
 */
function pairsOf(records: ReadonlyArray<IssuedRecord | null>): Array<Pair | null> {
  return Array.from({ length: PAIRS }, (_, pair) => {
    const [a, b] = [records[2 * pair] ?? null, records[2 * pair + 1] ?? null];
    const owner = a && b ? (newer(b, a) ? b : a) : (a ?? b);
    if (!owner) return null;
    const own = (record: IssuedRecord | null) => (record?.key === owner.key ? record.value : 0);
    return { key: owner.key, values: [own(a), own(b)] };
  });
}

/** `path` renamed aside, so IT can still read what it held; returns the new name. */
function keepAside(path: string): string {
  const aside = `${path}.unreadable-${new Date().toISOString().replaceAll(':', '-')}`;
  renameSync(path, aside);
  return aside;
}

function readRecords(path: string, warn: Warn): Array<IssuedRecord | null> | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('STORAGE', `Cannot read ${path}: ${(error as Error).message}`);
  }
  const records = decodeFile(bytes);
  if (!records) {
    // Never emptied in place: what it holds may be the only record of numbers printed since the last backup.
    const aside = keepAside(path);
    warn('The issued-numbers file is not one this desk wrote: kept aside, a new one made; the numbers in the database still hold', {
      file: path,
      keptAs: aside,
    });
  }
  return records;
}

/**
 * Opens (making it on first use) the issued-numbers file in `dataDir`, and carries a
 * `registration-numbers.json` found there into it, then removes that: the file of an upgraded
 * desk, or a number IT wrote by hand. One of either that cannot be read is kept aside, with a
 * warning, never deleted.
 */
export function openIssuedNumbers(dataDir: string, warn: Warn): IssuedNumbers {
  const path = join(dataDir, ISSUED_NUMBERS_FILE);
  const records = readRecords(path, warn);
  if (!records) createIssuedNumbersFile(path);
  const found = records ?? [];
  const highest = new Map<string, number>();
  for (const record of found) if (record) highest.set(record.key, Math.max(highest.get(record.key) ?? 0, record.value));
  const pairs = pairsOf(found);
  const fd = openSync(path, 'r+');

  const write = (pair: number, slots: number[], record: IssuedRecord) => {
    const bytes = encodeRecord(record);
    try {
      for (const slot of slots) writeSync(fd, bytes, 0, SLOT_BYTES, slotOffset(2 * pair + slot));
      fdatasyncSync(fd);
    } catch (error) {
      // The registration it follows is already saved, so the caller goes on; IT must hear of it here.
      warn(
        'The issued-numbers file refused a write: the number is kept by the database only, and a backup restored before the next registration could issue it again. Check the disk of the data folder.',
        { file: path, key: record.key, value: record.value, error: (error as Error).message },
        'error',
      );
      throw error;
    }
  };

  /** A free pair, or the one whose key has the oldest day: a key older than every kept one is not kept (null). */
  const pairFor = (key: string): number | null => {
    let oldest: number | null = null;
    for (let i = 0; i < PAIRS; i += 1) {
      const held = pairs[i];
      if (!held) return i;
      if (oldest === null || dayOf(held.key) < dayOf(pairs[oldest]!.key)) oldest = i;
    }
    return oldest !== null && dayOf(pairs[oldest]!.key) <= dayOf(key) ? oldest : null;
  };

  const numbers: IssuedNumbers = {
    highest: (key) => highest.get(key) ?? 0,
    keep(key, value) {
      if (value <= (highest.get(key) ?? 0)) return;
      if (!fitsRecord(key, value)) throw new Error(`The issued-numbers file cannot hold ${key} = ${value}`);
      const held = pairs.findIndex((p) => p?.key === key);
      if (held >= 0) {
        const pair = pairs[held]!;
        // Over the lower of the two: torn by a crash, the slot still holding the higher number is untouched.
        const slot = pair.values[0] <= pair.values[1] ? 0 : 1;
        write(held, [slot], { key, value });
        pair.values[slot] = value;
      } else {
        const taken = pairFor(key);
        if (taken !== null) {
          // Both slots at once: the key it held before is older than every other kept one.
          write(taken, [0, 1], { key, value });
          pairs[taken] = { key, values: [value, value] };
        } else {
          warn(
            'A registration number of a day older than every day the issued-numbers file keeps is kept by the database only: is the desk clock right?',
            {
              file: path,
              key,
              value,
            },
          );
        }
      }
      highest.set(key, value);
    },
    close: () => closeSync(fd),
  };

  try {
    importJson(join(dataDir, HAND_WRITTEN_NUMBERS_FILE), numbers, warn);
  } catch (error) {
    numbers.close();
    throw error;
  }
  return numbers;
}

function importJson(path: string, numbers: IssuedNumbers, warn: Warn): void {
  const json = readJsonNumbers(path);
  if (json.kind === 'absent') return;
  if (json.kind === 'unreadable') {
    const aside = keepAside(path);
    warn('registration-numbers.json cannot be read: kept aside, its numbers not carried over; the numbers in the database still hold', {
      file: path,
      keptAs: aside,
      reason: json.reason,
    });
    return;
  }
  // Oldest first, so a file of more days than the kept ones leaves the newest in.
  const entries = Object.entries(json.numbers).sort(([a], [b]) => dayOf(a).localeCompare(dayOf(b)));
  const skipped = entries.filter(([key, value]) => !fitsRecord(key, value)).map(([key]) => key);
  for (const [key, value] of entries) if (fitsRecord(key, value)) numbers.keep(key, value);
  if (skipped.length > 0)
    warn('registration-numbers.json holds keys too long to be registration days: not carried over', { keys: skipped });
  // Only once its numbers are on disk in the slot file; should the removal not reach the disk, it is carried over again, harmlessly.
  rmSync(path);
}
