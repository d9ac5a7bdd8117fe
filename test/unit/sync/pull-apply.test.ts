import { describe, expect, it } from 'vitest';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import type { Change } from '../../../shared/sync-protocol';
import { openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function applicant(seq: number, id: string, surname: string): Change {
  return {
    seq,
    entity: 'applicant',
    id,
    version: 1,
    data: {
      id,
      kind: 'person',
      surname,
      given_name: 'Марʼяна',
      display_name: `${surname} Марʼяна`,
      search_name: `${surname.toLowerCase()} маряна`,
      rnokpp_refused: 0,
    },
  };
}

function application(seq: number, id: string, serviceId: string, applicantId: string): Change {
  return {
    seq,
    entity: 'application',
    id,
    version: 1,
    data: {
      regNumber: `KV01-02-${seq}`,
      serviceId,
      applicantId,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
      status: 'registered',
      registeredAt: '2026-11-27T09:00:00.000Z',
      registeredOn: '2026-11-27',
      dueDate: '2026-12-25',
      resultDelivery: 'in_person',
      centerCode: 'KV01',
      deskCode: '02',
    },
  };
}

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
});
