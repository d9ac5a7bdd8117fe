/**
 * A desk's data folder holds citizens' personal data and the device token: no other user of the
 * machine may read it (docs/ARCHITECTURE.md §9.2). Windows has no umask; there the profile
 * folder's ACLs keep other users out.
 */
import { chmodSync, mkdirSync, statSync } from 'node:fs';

/**
 * Everything this process creates from now on is its user's alone (files 0600, folders 0700):
 * SQLite's database with its -wal and -shm, backups, logs, scans, imports. Called first thing by
 * each process that holds a desk's data: the browser host and Electron's backend process.
 */
export function keepFilesOwnerOnly(): void {
  if (process.platform !== 'win32') process.umask(0o077);
}

/** Makes the folder 0700, or tightens one that exists looser; true when it had to tighten. */
export function ownerOnlyFolder(dir: string): boolean {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32' || (statSync(dir).mode & 0o077) === 0) return false;
  chmodSync(dir, 0o700);
  return true;
}
