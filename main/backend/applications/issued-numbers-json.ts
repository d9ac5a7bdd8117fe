import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors';

/**
 * `registration-numbers.json`: the issued-numbers record of desks before the fixed-slot file, and
 * what IT writes by hand (`{"KV01/07/2026-11-27": 12}`, README "The database and its backups")
 * when the file was lost with the data folder. issued-numbers.ts carries it into the slot file at
 * open and then removes it.
 */
export const HAND_WRITTEN_NUMBERS_FILE = 'registration-numbers.json';

export type JsonNumbers = { kind: 'absent' } | { kind: 'unreadable'; reason: string } | { kind: 'read'; numbers: Record<string, number> };

/** Its positive whole numbers by key; anything else in it is not a number anyone issued, so it is left out. */
export function readJsonNumbers(path: string): JsonNumbers {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    throw new AppError('STORAGE', `Cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'unreadable', reason: 'not an object of "center/desk/day": number' };
  }
  return {
    kind: 'read',
    numbers: Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, number] => Number.isSafeInteger(entry[1]) && entry[1] > 0),
    ),
  };
}
