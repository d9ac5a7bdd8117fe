import { describe, expect, it } from 'vitest';
import { deskPublicKey } from '../../../main/backend/auth/desk-key';
import { readSyncState, writeSyncState } from '../../../main/backend/sync/sync-state';
import { addApplicant } from '../../helpers/desk-db';
import type { ScriptedAnswer } from '../../helpers/scripted-back-office';
import { outboxStatuses, useEngineDesks } from '../sync/engine-desk';

const deskWithEngine = useEngineDesks();

/** A desk enrolled before desks had keys: a device token, no registered key. */
function enrolledWithoutKey(...deskKeyAnswers: ScriptedAnswer[]) {
  const made = deskWithEngine();
  made.office.answerDeskKeys(...deskKeyAnswers);
  writeSyncState(made.desk.db, 'desk_key_registered', null);
  addApplicant(made.desk.env);
  made.engine.start();
  return made;
}

describe('registering the desk key before the first push', () => {
  it('registers once, then pushes; later cycles do not register again', async () => {
    const { desk, office, engine, requests } = enrolledWithoutKey();
    await engine.waitForIdle();
    expect(office.deskKeys).toEqual([deskPublicKey(desk.db)]);
    expect(requests.map((u) => u.pathname).slice(0, 2)).toEqual(['/sync/desk-key', '/sync/push']);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
    addApplicant(desk.env, { kind: 'person', surname: 'Бондар', givenName: 'Ігор', birthDate: '1980-01-01', rnokppAbsent: 'not_assigned' });
    await engine.syncNow();
    expect(office.deskKeys).toHaveLength(1);
    expect(outboxStatuses(desk.db)).toEqual(['acked', 'acked']);
  });

  it('a failed registration pushes nothing; the next cycle registers and pushes', async () => {
    const { desk, office, engine } = enrolledWithoutKey({ status: 503 });
    await engine.waitForIdle();
    expect(office.pushes).toEqual([]);
    expect(readSyncState(desk.db, 'desk_key_registered')).toBeNull();
    expect(outboxStatuses(desk.db)).toEqual(['pending']);
    await engine.syncNow();
    expect(office.deskKeys).toHaveLength(2);
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
  });

  it('a key already registered (409: an earlier answer was lost) counts as registered', async () => {
    const { desk, engine, logger } = enrolledWithoutKey({ status: 409, body: 'a key is registered' });
    await engine.waitForIdle();
    expect(outboxStatuses(desk.db)).toEqual(['acked']);
    expect(readSyncState(desk.db, 'desk_key_registered')).not.toBeNull();
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'The back office holds a key for this desk already' }),
    );
  });
});
