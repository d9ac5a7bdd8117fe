import { describe, expect, it } from 'vitest';
import { getApplicationById } from '../../../main/backend/applications/queries';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { pulledApplicant as applicant, pulledApplication as application } from '../../helpers/pulled-changes';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('applying a pulled page', () => {
  it('applies a whole page of records made elsewhere, searchable by name', () => {
    const { db } = openTestDesk(tempDir());
    createChangeApplier(memoryLogger())(db, [applicant(1, 'p-1', 'Коваль'), application(2, 'a-1', SAMPLE_SERVICE.id, 'p-1')]);
    expect(db.prepare('SELECT server_version FROM applicants WHERE id = ?').pluck().get('p-1')).toBe(1);
    expect(
      db
        .prepare("SELECT a.id FROM applicants_fts f JOIN applicants a ON a.rowid = f.rowid WHERE applicants_fts MATCH 'коваль*'")
        .pluck()
        .all(),
    ).toEqual(['p-1']);
    expect(db.prepare('SELECT count(*) FROM application_items WHERE application_id = ?').pluck().get('a-1')).toBe(1);
  });

  it('skips only a record this desk cannot hold, leaving none of its rows, and applies the rest of the page', () => {
    const { db } = openTestDesk(tempDir());
    const logger = memoryLogger();
    // A service this desk has never pulled: the application's foreign key fails.
    const page = [
      applicant(1, 'p-1', 'Коваль'),
      application(2, 'a-bad', 'svc-unknown', 'p-1'),
      applicant(3, 'p-2', 'Мельник'),
      application(4, 'a-good', SAMPLE_SERVICE.id, 'p-2'),
    ];
    createChangeApplier(logger)(db, page);
    expect(db.prepare('SELECT id FROM applicants ORDER BY id').pluck().all()).toEqual(['p-1', 'p-2']);
    expect(db.prepare('SELECT id FROM applications ORDER BY id').pluck().all()).toEqual(['a-good']);
    expect(db.prepare('SELECT count(*) FROM application_items WHERE application_id = ?').pluck().get('a-bad')).toBe(0);
    expect(logger.entries).toEqual([
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ entity: 'application', id: 'a-bad' }) }),
    ]);
  });

  it('gives a record pulled without a snapshot or receipts (stored before they existed) both from its rows, and never replaces a receipt it holds', () => {
    const { db } = openTestDesk(tempDir());
    const apply = createChangeApplier(memoryLogger());
    apply(db, [applicant(1, 'p-1', 'Коваль'), application(2, 'a-1', SAMPLE_SERVICE.id, 'p-1')]);
    const held = getApplicationById(db, 'a-1')!;
    expect(held.snapshot).toMatchObject({ regNumber: 'KV01-02-2', applicant: { id: 'p-1' }, service: { id: SAMPLE_SERVICE.id } });
    expect(held.receipts).toEqual([
      expect.objectContaining({ number: 1, version: 1, layout: 1, lines: [{ name: 'Заява', original: true, sheets: 1, returned: false }] }),
    ]);

    // The same record again, now carrying a different опис №1 and a №2: №1 stays as held, №2 is added.
    const again = application(3, 'a-1', SAMPLE_SERVICE.id, 'p-1');
    const other = { ...held.receipts[0]!, clerkName: 'Інший', layout: 2 };
    const second = { ...other, number: 2, lines: [{ name: 'Довідка', original: false, sheets: 2, returned: false }] };
    apply(db, [{ ...again, version: 2, data: { ...again.data, regNumber: 'KV01-02-2', receipts: [other, second] } }]);
    const after = getApplicationById(db, 'a-1')!;
    expect(after.receipts).toEqual([held.receipts[0], second]);
    expect(after.snapshot).toEqual(held.snapshot);
  });
});
