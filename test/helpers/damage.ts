import { closeSync, openSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** SQLite's default page size, which every desk database uses. */
export const PAGE = 4096;

/** What a failing disk does: random bytes over whole pages (1-based, like SQLite numbers them). */
export function garblePages(file: string, first: number, last: number): void {
  const fd = openSync(file, 'r+');
  try {
    for (let page = first; page <= last; page += 1) writeSync(fd, randomBytes(PAGE), 0, PAGE, (page - 1) * PAGE);
  } finally {
    closeSync(fd);
  }
}
