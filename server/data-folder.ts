/**
 * The back office's data folder holds every center's personal data, scans and device tokens: no
 * other user of the server may read it. From `main()` on, everything the process creates is
 * owner-only (umask 077: PGlite's files, uploaded scans, partial uploads), and the folder is
 * 0700 — tightened, with a line on stderr, when it exists looser. Windows has no umask; the
 * folder's ACLs are the operator's.
 */
import { chmodSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function privateDataFolder(dataDir: string): void {
  if (process.platform === 'win32') {
    mkdirSync(dataDir, { recursive: true });
    return;
  }
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const mode = statSync(dataDir).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  chmodSync(dataDir, 0o700);
  console.warn(`The data folder ${dataDir} was open to other users (mode ${mode.toString(8)}): made it owner-only (700)`);
}

/**
 * PGlite writes its files with an explicit mode 0666 (its file system layer sets the mode itself,
 * so the umask cannot help): after it opened and migrated, every file and folder in its data
 * folder is made owner-only. Files it makes later while running come out 0666 again inside the
 * 0700 data folder, which no other user can enter; the next start tightens them too.
 */
export function ownerOnlyTree(dir: string): void {
  if (process.platform === 'win32') return;
  const stat = statSync(dir);
  if ((stat.mode & 0o077) !== 0) chmodSync(dir, stat.isDirectory() ? 0o700 : 0o600);
  if (!stat.isDirectory()) return;
  for (const name of readdirSync(dir)) ownerOnlyTree(join(dir, name));
}
