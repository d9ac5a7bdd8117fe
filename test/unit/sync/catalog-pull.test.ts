import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getService, searchServices, seedSampleCatalog } from '../../../main/backend/catalog/queries';
import { SAMPLE_CATALOG } from '../../../main/backend/catalog/sample-catalog';
import { loadSubsistenceTable } from '../../../main/backend/catalog/services';
import { openDatabase } from '../../../main/backend/db/open';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import type { Change } from '../../../shared/sync-protocol';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function sampleDesk() {
  const db = openDatabase(join(tempDir(), 'vikno.db'));
  seedSampleCatalog(db, '2026-12-01T08:00:00.000Z');
  return db;
}

/** The center's ID card as the back office publishes it: another id than the sample's, the same code. */
const { id: _sampleId, ...idCard } = { ...SAMPLE_CATALOG.find((s) => s.code === 'ID-01')!, nameUk: 'ID-картка (каталог центру)' };
const serviceChange = (seq: number, id: string, data: Record<string, unknown>): Change => ({
  seq,
  entity: 'service',
  id,
  version: seq,
  data,
});

describe('the catalog a desk pulls', () => {
  it('the first pulled catalog replaces the sample one: sample services leave the choice, old cases still find them', () => {
    const db = sampleDesk();
    createChangeApplier(memoryLogger())(db, [
      serviceChange(1, 'c01-id-01', idCard),
      { seq: 2, entity: 'subsistence_minimum', id: '2027', version: 1, data: { year: 2027, workingAgeKopecks: 350_000 } },
    ]);
    expect(searchServices(db, '').map((s) => s.id)).toEqual(['c01-id-01']);
    expect(getService(db, 'c01-id-01')).toMatchObject({ code: 'ID-01', nameUk: 'ID-картка (каталог центру)', active: true });
    expect(getService(db, 'sample-rm-01')).toMatchObject({ active: false });
    // The sample's ID-01 gave its code up, keeping its id in it.
    expect(getService(db, 'sample-id-01')?.code).toBe('ID-01~sample-id-01');
    expect(db.prepare("SELECT value FROM desk_meta WHERE key = 'catalog_source'").pluck().get()).toBe('back_office');
    expect(loadSubsistenceTable(db).map((r) => r.year)).toEqual([2025, 2026, 2027]);
  });

  it('later pulls update the card in place and a service the back office withdrew is no longer offered', () => {
    const db = sampleDesk();
    const apply = createChangeApplier(memoryLogger());
    apply(db, [serviceChange(1, 'c01-id-01', idCard)]);
    apply(db, [serviceChange(2, 'c01-id-01', { ...idCard, active: false })]);
    expect(getService(db, 'c01-id-01')).toMatchObject({ active: false });
    expect(searchServices(db, '')).toEqual([]);
    expect(db.prepare('SELECT server_version FROM services WHERE id = ?').pluck().get('c01-id-01')).toBe(2);
  });

  it('skips a card it cannot read, with a note, and keeps the rest of the page', () => {
    const db = sampleDesk();
    const logger = memoryLogger();
    createChangeApplier(logger)(db, [
      serviceChange(1, 'broken', { code: 'X-1', nameUk: 'Без карти', active: true }),
      serviceChange(2, 'c01-id-01', idCard),
    ]);
    expect(getService(db, 'broken')).toBeNull();
    expect(getService(db, 'c01-id-01')?.active).toBe(true);
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([
      expect.objectContaining({ fields: expect.objectContaining({ id: 'broken' }) }),
    ]);
  });
});
