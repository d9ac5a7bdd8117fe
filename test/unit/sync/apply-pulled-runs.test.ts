import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicantApplier } from '../../../main/backend/applicants/apply-pulled';
import { searchApplicants } from '../../../main/backend/applicants/search';
import type { Db } from '../../../main/backend/db/open';
import { PULLED_APPLIERS } from '../../../main/backend/sync/pulled-appliers';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import type { Change } from '../../../shared/sync-protocol';
import { openTestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { pulledApplicant } from '../../helpers/pulled-changes';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** The same appliers, but applicants one statement each: what the page path must match. */
const ONE_BY_ONE = { ...PULLED_APPLIERS, applicant: { ...applicantApplier, applyPage: undefined } };
/** Applicants by runs only: a page that fell back to one change at a time would skip them, and show. */
const RUNS_ONLY = { ...PULLED_APPLIERS, applicant: { ...applicantApplier, apply: undefined } };

const NAME_INDEXES = ['applicants_fts', 'applicants_folded_fts', 'applicants_latin_fts'];

/** Everything a pulled applicant leaves, but the desk's own timestamps (each run stamps its own): only whether it is deleted. */
function applicantRows(db: Db): unknown[] {
  return db
    .prepare('SELECT * FROM applicants ORDER BY rowid')
    .all()
    .map((row) => ({ ...(row as object), created_at: 0, updated_at: 0, deleted_at: (row as { deleted_at: unknown }).deleted_at !== null }));
}

/** FTS5 compares each external-content index with its table: throws if a name is indexed wrongly or not at all. */
function checkNameIndexes(db: Db): void {
  for (const fts of NAME_INDEXES) db.prepare(`INSERT INTO ${fts} (${fts}, rank) VALUES ('integrity-check', 1)`).run();
}

const SURNAMES = ['Коваль', 'Марʼяненко', 'Олiйник', 'Шевченко', 'Ґудзь', 'IT Solutions'];

/** A page of applicant changes over a few ids: records and tombstones, an id often more than once. */
const page = fc
  .array(fc.record({ id: fc.constantFrom('p-1', 'p-2', 'p-3', 'p-4'), surname: fc.constantFrom(...SURNAMES), gone: fc.boolean() }), {
    minLength: 1,
    maxLength: 30,
  })
  .map((items) =>
    items.map(({ id, surname, gone }, n): Change => {
      const record = pulledApplicant(n + 1, id, surname);
      return { ...record, version: n + 1, data: gone ? null : record.data };
    }),
  );

describe('a pulled page of applicants in one statement', () => {
  it('stores and indexes exactly what applying its changes one by one does', () => {
    // One pair of desks (opening one costs its migrations); each run's ids are its own.
    const byRuns = openTestDesk(tempDir()).db;
    const oneByOne = openTestDesk(tempDir()).db;
    let runs = 0;
    fc.assert(
      fc.property(fc.tuple(page, page), ([first, second]) => {
        runs += 1;
        for (const changes of [first, second].map((changes) => changes.map((c) => ({ ...c, id: `${runs}-${c.id}` })))) {
          createChangeApplier(memoryLogger(), RUNS_ONLY)(byRuns, changes);
          createChangeApplier(memoryLogger(), ONE_BY_ONE)(oneByOne, changes);
        }
        expect(applicantRows(byRuns)).toEqual(applicantRows(oneByOne));
        checkNameIndexes(byRuns);
        for (const query of ['Кова', 'марян', 'Олій', 'гудз', 'Shevch', 'IT']) {
          expect(searchApplicants(byRuns, query).map((a) => a.id)).toEqual(searchApplicants(oneByOne, query).map((a) => a.id));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('skips only an applicant whose field is not a value (a nested object), and keeps the rest of the run', () => {
    const { db } = openTestDesk(tempDir());
    const logger = memoryLogger();
    const odd = pulledApplicant(2, 'p-odd', 'Мельник');
    createChangeApplier(logger)(db, [
      pulledApplicant(1, 'p-1', 'Коваль'),
      { ...odd, data: { ...odd.data, address: { city: 'Київ' } } },
      pulledApplicant(3, 'p-3', 'Ткаченко'),
    ]);
    expect(db.prepare('SELECT id FROM applicants ORDER BY id').pluck().all()).toEqual(['p-1', 'p-3']);
    expect(logger.entries).toEqual([
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ entity: 'applicant', id: 'p-odd' }) }),
    ]);
    checkNameIndexes(db);
  });

  it('ends a run at a change of another kind, and takes a kind this desk does not keep on its own, before and after a run', () => {
    const { db } = openTestDesk(tempDir());
    const logger = memoryLogger();
    const unknown = (seq: number, id: string): Change => ({ seq, entity: 'future_kind', id, version: 1, data: { id } });
    // Applicants by runs only: a page that fell back to one change at a time would skip p-1, and show.
    createChangeApplier(logger, RUNS_ONLY)(db, [unknown(1, 'x-1'), pulledApplicant(2, 'p-1', 'Коваль'), unknown(3, 'x-2')]);
    expect(db.prepare('SELECT id FROM applicants').pluck().all()).toEqual(['p-1']);
    expect(logger.entries.map((e) => [e.level, e.fields?.id])).toEqual([
      ['info', 'x-1'],
      ['info', 'x-2'],
    ]);
    checkNameIndexes(db);
  });
});
