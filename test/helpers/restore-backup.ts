import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The README's restore steps ("The database and its backups"), with the desk closed: the
 * database and its -wal/-shm files moved out of the data folder (kept in `keptDir` for IT),
 * the backup copied in as `vikno.db`. Nothing else in the data folder is touched.
 */
export function restoreBackup(dataDir: string, backupFile: string, keptDir: string): void {
  mkdirSync(keptDir, { recursive: true });
  for (const name of ['vikno.db', 'vikno.db-wal', 'vikno.db-shm']) {
    if (existsSync(join(dataDir, name))) renameSync(join(dataDir, name), join(keptDir, name));
  }
  copyFileSync(backupFile, join(dataDir, 'vikno.db'));
}
