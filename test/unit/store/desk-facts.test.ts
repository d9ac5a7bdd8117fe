import { describe, expect, it } from 'vitest';
import { fillDeskFacts } from '../../../main/backend/applications/freeze-snapshot';
import { getApplicationById } from '../../../main/backend/applications/queries';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { addApplication, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { pulledApplicant, pulledApplication } from '../../helpers/pulled-changes';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** What a snapshot built from rows lacks (a backfilled case): the center's name and time zone. */
function unfreeze(db: ReturnType<typeof openTestDesk>['db'], id: string): void {
  db.prepare("UPDATE applications SET snapshot = json_set(snapshot, '$.center.name', NULL, '$.timeZone', NULL) WHERE id = ?").run(id);
}

describe('the center name and time zone of snapshots built from rows (filled at start)', () => {
  it('fills them at the first start, then scans no more until a snapshot is built from rows again', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    unfreeze(desk.db, app.id);
    expect(fillDeskFacts(desk.db, desk.env.desk)).toBe(1);
    expect(getApplicationById(desk.db, app.id)?.snapshot?.center.name).toBe(desk.env.desk.center.name);

    // Nothing built from rows since: the next start does not look (a row unfrozen behind its back stays so).
    unfreeze(desk.db, app.id);
    expect(fillDeskFacts(desk.db, desk.env.desk)).toBe(0);
    expect(getApplicationById(desk.db, app.id)?.snapshot?.center.name).toBeNull();

    // A record pulled without a snapshot gets one from its rows: the next start fills both.
    createChangeApplier(memoryLogger())(desk.db, [
      pulledApplicant(1, 'p-1', 'Коваль'),
      pulledApplication(2, 'a-1', SAMPLE_SERVICE.id, 'p-1'),
    ]);
    expect(fillDeskFacts(desk.db, desk.env.desk)).toBe(2);
    expect(getApplicationById(desk.db, 'a-1')?.snapshot).toMatchObject({
      center: { name: desk.env.desk.center.name },
      timeZone: desk.env.desk.timeZone,
    });
  });
});
