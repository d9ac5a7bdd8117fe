/**
 * Registration numbers never repeat on a desk, also after the README's restore from a backup
 * (issue 10): real SQLite files, real backups from db/backup.ts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getApplicationById } from '../../../main/backend/applications/queries';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { ISSUED_NUMBERS_FILE } from '../../../main/backend/applications/issued-numbers-file';
import { HAND_WRITTEN_NUMBERS_FILE } from '../../../main/backend/applications/issued-numbers-json';
import { takeBackup } from '../../../main/backend/db/backup';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { RegisterApplication } from '../../../shared/domain/application';
import type { Change } from '../../../shared/sync-protocol';
import { addApplicant, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { restoreBackup } from '../../helpers/restore-backup';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function register(desk: TestDesk) {
  const applicantId =
    (desk.db.prepare('SELECT id FROM applicants LIMIT 1').pluck().get() as string | undefined) ?? addApplicant(desk.env).id;
  return registerApplication(
    desk.env,
    RegisterApplication.parse({ serviceId: SAMPLE_SERVICE.id, applicantId, items: [{ name: 'Заява', original: true, sheets: 1 }] }),
  );
}

/** Where a descriptor points, or '' for one closed while listing (the listing's own). */
function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

const numbers = (count: number, desk: TestDesk) => Array.from({ length: count }, () => register(desk).regNumber);

/** Another desk's application as the back office sends it. */
function pulled(id: string, regNumber: string, applicantId: string): Change {
  return {
    seq: 1,
    entity: 'application',
    id,
    version: 1,
    data: {
      regNumber,
      serviceId: SAMPLE_SERVICE.id,
      applicantId,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
      status: 'registered',
      registeredAt: '2026-11-27T09:30:00.000Z',
      registeredOn: '2026-11-27',
      dueDate: '2026-12-25',
      resultDelivery: 'in_person',
      centerCode: 'KV01',
      deskCode: '07',
      statusHistory: [],
    },
  };
}

describe('registration numbers after a restore', () => {
  it('a standalone desk restored from yesterday’s backup never issues again a number it printed after it', async () => {
    const dataDir = tempDir();
    const desk = openTestDesk(dataDir);
    expect(numbers(3, desk)).toEqual(['KV01-07-20261127-0001', 'KV01-07-20261127-0002', 'KV01-07-20261127-0003']);
    const backup = await takeBackup(desk.db, join(dataDir, 'backups'), 7, new Date('2026-11-27T12:00:00Z'));
    expect(numbers(1, desk)).toEqual(['KV01-07-20261127-0004']);
    desk.db.close();

    restoreBackup(dataDir, backup.file, tempDir());
    const restored = openTestDesk(dataDir);
    expect(restored.db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(3);
    expect(numbers(2, restored)).toEqual(['KV01-07-20261127-0005', 'KV01-07-20261127-0006']);
    // Another day starts at 0001 again: the kept numbers are per day.
    restored.setNow('2026-11-28T09:30:00Z');
    expect(numbers(1, restored)).toEqual(['KV01-07-20261128-0001']);
    restored.db.close();
  });

  it('continues after a last number IT wrote into the issued-numbers file by hand, as the README says', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, HAND_WRITTEN_NUMBERS_FILE), JSON.stringify({ 'KV01/07/2026-11-27': 12 }));
    const desk = openTestDesk(dataDir);
    expect(numbers(1, desk)).toEqual(['KV01-07-20261127-0013']);
    desk.db.close();
  });

  it('an issued-numbers file the desk did not write is kept aside, and numbering goes on after the database’s row', () => {
    const dataDir = tempDir();
    const desk = openTestDesk(dataDir);
    expect(numbers(2, desk)).toEqual(['KV01-07-20261127-0001', 'KV01-07-20261127-0002']);
    desk.db.close();
    writeFileSync(join(dataDir, ISSUED_NUMBERS_FILE), 'not the file');
    const reopened = openTestDesk(dataDir);
    expect(numbers(1, reopened)).toEqual(['KV01-07-20261127-0003']);
    reopened.db.close();
    const aside = readdirSync(dataDir).filter((name) => name.startsWith(`${ISSUED_NUMBERS_FILE}.unreadable-`));
    expect(aside.map((name) => readFileSync(join(dataDir, name), 'utf8'))).toEqual(['not the file']);
  });

  it('refuses the registration with STORAGE, saving nothing, while the issued-numbers file cannot be made; the next one after is 0001', () => {
    const dataDir = tempDir();
    const desk = openTestDesk(dataDir);
    const applicantId = addApplicant(desk.env).id;
    // What the desk writes the new file under, taken by a folder: the file cannot be made.
    mkdirSync(join(dataDir, `${ISSUED_NUMBERS_FILE}.tmp`));
    const attempt = () =>
      registerApplication(
        desk.env,
        RegisterApplication.parse({ serviceId: SAMPLE_SERVICE.id, applicantId, items: [{ name: 'Заява', original: true, sheets: 1 }] }),
      );
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'STORAGE', message: expect.stringContaining('issued-numbers file') as string }),
    );
    expect(desk.db.prepare('SELECT count(*) FROM applications').pluck().get()).toBe(0);
    expect(desk.db.prepare('SELECT count(*) FROM registration_sequences').pluck().get()).toBe(0);
    rmSync(join(dataDir, `${ISSUED_NUMBERS_FILE}.tmp`), { recursive: true });
    expect(attempt().regNumber).toBe('KV01-07-20261127-0001');
    desk.db.close();
  });

  it.runIf(existsSync('/proc/self/fd'))('keeps the file open while the database is, and closing the database closes it', () => {
    const dataDir = tempDir();
    const file = join(dataDir, ISSUED_NUMBERS_FILE);
    const openFds = () => readdirSync('/proc/self/fd').filter((fd) => readlinkSafe(`/proc/self/fd/${fd}`) === file).length;
    const desk = openTestDesk(dataDir);
    numbers(3, desk);
    expect(openFds()).toBe(1);
    desk.db.close();
    expect(openFds()).toBe(0);
  });

  it('a pulled application numbered by this desk raises its sequence past it, also with the issued-numbers file gone', () => {
    const dataDir = tempDir();
    const desk = openTestDesk(dataDir);
    const applicantId = addApplicant(desk.env).id;
    rmSync(join(dataDir, ISSUED_NUMBERS_FILE), { force: true });
    createChangeApplier(memoryLogger())(desk.db, [
      pulled('pulled-own', 'KV01-07-20261127-0007', applicantId),
      pulled('pulled-other-desk', 'KV01-08-20261127-0042', applicantId),
      pulled('pulled-other-day', 'KV01-07-20261126-0009', applicantId),
    ]);
    expect(numbers(1, desk)).toEqual(['KV01-07-20261127-0008']);
    desk.db.close();
  });

  it('a pulled application carrying a number a local unsynced one holds: the pull goes on, both stay, the local one marked', () => {
    const desk = openTestDesk(tempDir());
    const local = register(desk);
    const logger = memoryLogger();
    createChangeApplier(logger)(desk.db, [pulled('from-back-office', local.regNumber, local.applicant.id)]);
    expect(getApplicationById(desk.db, 'from-back-office')?.regNumber).toBe('KV01-07-20261127-0001');
    expect(getApplicationById(desk.db, local.id)?.regNumber).toBe(`KV01-07-20261127-0001~${local.id}`);
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ id: local.id }) }));
    expect(numbers(1, desk)).toEqual(['KV01-07-20261127-0002']);
    desk.db.close();
  });
});
