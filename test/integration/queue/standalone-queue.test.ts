/** A desk with no back office: the queue panel serves walk-ins on local tickets and says it is standalone. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import type { QueuePanel } from '../../../shared/queue-panel';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { value } from '../sync/desk-harness';
import { signInAdmin } from '../../helpers/sign-in';

const tempDir = useTempDirs();
const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

describe('the queue panel of a standalone desk', () => {
  it('serves a walk-in on a local ticket, pushes each new panel, and has no statistics to show', async () => {
    const backend = createBackend({ dataDir: join(tempDir(), 'data'), appVersion: 'test', logger: memoryLogger() });
    open.push(backend);
    const api = connectInProcess(backend);
    await signInAdmin(api);
    const pushed: QueuePanel[] = [];
    api.on('queue.changed', (panel) => pushed.push(panel));

    expect(await value(api.call('queue.state', {}))).toEqual({
      connection: 'standalone',
      desk: null,
      lastContactAt: null,
      localCurrent: null,
      localPending: 0,
      refused: [],
    });
    const serving = await value(api.call('queue.act', { action: 'walk_in', serviceCode: null, purpose: 'consultation' }));
    expect(serving).toMatchObject({
      connection: 'standalone',
      localCurrent: { number: 'Л001', status: 'serving', purpose: 'consultation' },
    });
    expect(pushed.at(-1)).toEqual(serving);
    const done = await value(api.call('queue.act', { action: 'finish', ticketId: serving.localCurrent!.id }));
    expect(done).toMatchObject({ localCurrent: null, localPending: 4 });
    const statistics = await api.call('queue.statistics', { from: '2026-12-01T00:00:00Z', to: '2026-12-02T00:00:00Z' });
    expect(statistics).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
