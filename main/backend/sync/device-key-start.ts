import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { KEY_FILE, readOrCreateKeyFile } from '../config/device-key';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import { protectStoredSecrets } from './protect-secrets';
import type { SecretsReport } from './protect-secrets';

export interface DeviceKeyStart {
  db: Db;
  dataDir: string;
  backupsDir: string;
  logger: Logger;
  /** Handed over by Electron's main process; when absent the key file in the data folder is used. */
  given?: Buffer;
}

function keyFromFile(dataDir: string, logger: Logger): Buffer {
  try {
    const result = readOrCreateKeyFile(dataDir);
    if (result.setAside)
      logger.log('error', 'The device key file was damaged: set it aside and made a new one', {
        keyFile: KEY_FILE,
        setAside: result.setAside,
      });
    else if (result.created) logger.log('info', 'Made the device key file', { keyFile: KEY_FILE });
    return result.key;
  } catch (error) {
    throw new AppError('STORAGE', `Cannot read or create the device key ${join(dataDir, KEY_FILE)}: ${(error as Error).message}`);
  }
}

/**
 * Binds the device key to the database and seals what an older desk kept in the clear. A token
 * that no longer opens is not an error that stops the desk: sync counts it as not enrolled, and
 * the log says why and what to do.
 */
export function openDeviceKey(start: DeviceKeyStart): SecretsReport {
  const { logger } = start;
  const key = start.given ?? keyFromFile(start.dataDir, logger);
  const report = protectStoredSecrets(start.db, key, start.backupsDir);
  if (report.sealedNow.length > 0) logger.log('info', 'Sealed the secrets this desk kept in the clear', { secrets: report.sealedNow });
  if (report.backupsSealed.length > 0)
    logger.log('info', 'Sealed the secrets older backups kept in the clear', { backups: report.backupsSealed });
  for (const failed of report.backupsFailed)
    logger.log('warn', 'Could not check a backup for secrets kept in the clear', { backup: failed.file, error: failed.error });
  if (report.unreadable.includes('device_token'))
    logger.log(
      'error',
      'The device token does not open with this desk’s device key (the key was lost or replaced): enroll this desk again with a new code',
      { source: start.given ? 'keychain' : KEY_FILE },
    );
  return report;
}
