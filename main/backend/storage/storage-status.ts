import { statSync } from 'node:fs';
import type { AuditCheck, StorageStatus } from '../../../shared/contract';
import { listBackups } from '../db/backup';
import { integrityOf } from '../db/full-check';
import { startCheckOf } from '../db/integrity';
import type { Db } from '../db/open';

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/** What `storage.status` answers: sizes, backups, the integrity checks (at start, and of the whole file in the background) and the newest audit chain check. */
export function storageStatus(db: Db, file: string, backupsDir: string, auditCheck: AuditCheck): StorageStatus {
  const quickCheck = startCheckOf(db);
  // Only openDatabase checks at start; a status without that check would claim what nobody ran.
  if (!quickCheck) throw new Error('storageStatus needs a database opened by openDatabase');
  const backups = listBackups(backupsDir);
  return {
    databaseBytes: sizeOf(file) + sizeOf(`${file}-wal`),
    lastBackupAt: backups[0]?.takenAt ?? null,
    backups: backups.length,
    quickCheck,
    integrity: integrityOf(db),
    auditCheck,
  };
}
