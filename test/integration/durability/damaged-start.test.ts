import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { takeBackup } from '../../../main/backend/db/backup';
import { registration } from '../../fixtures/crash/registration';
import { ensureBuilt, repoRoot } from '../../helpers/built-app';
import { garblePages } from '../../helpers/damage';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const hostScript = join(repoRoot, 'dist', 'main', 'browser-host.cjs');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(() => ensureBuilt(), 180_000);

it('the built browser host refuses a damaged database: exits non-zero naming the newest good backup, serves nothing, changes nothing', async () => {
  const dataDir = tempDir();
  const { db, env, file } = openTestDesk(dataDir);
  const applicant = addApplicant(env);
  for (let i = 0; i < 40; i += 1) registerApplication(env, registration(applicant.id, 5));
  const backupsDir = join(dataDir, 'backups');
  const good = await takeBackup(db, backupsDir, 7, new Date('2026-11-27T18:00:00Z'));
  const newer = await takeBackup(db, backupsDir, 7, new Date('2026-11-28T18:00:00Z'));
  db.close();
  // The disk failed after last night's backup was written: it is damaged too, so the one before it is the one to restore.
  garblePages(newer.file, 3, 5);
  garblePages(file, 3, 5);
  const before = sha256(file);

  const result = spawnSync(process.execPath, [hostScript, '--data', dataDir, '--port', '0'], { encoding: 'utf8', timeout: 60_000 });

  expect(result.status).toBe(2);
  expect(result.stdout).not.toContain('http://');
  expect(result.stderr).toContain(`Vikno: The database ${file} is damaged (`);
  expect(result.stderr).toContain(`The newest good backup is ${good.file}.`);
  expect(result.stderr).toContain(`copy ${good.file} to ${file}`);
  expect(result.stderr).not.toContain(newer.file);
  expect(sha256(file)).toBe(before);
});
