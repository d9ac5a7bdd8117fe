import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../server/http/http-error';
import { loadQueueConfig, loadStoredQueueConfig } from '../../../server/queue/config';
import { parseQueueConfig, publishQueueConfig } from '../../../server/queue/publish-config';
import { STORAGES } from '../server/harness';
import { sampleQueueConfig, useSampleStorage } from './sample-storage';

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe.each(STORAGES)('publishing a queue configuration on %s', (kind) => {
  const db = useSampleStorage(kind);

  it('stores the sample as version 1, reads it back equal, and counts a changed one as the next version', async () => {
    const config = sampleQueueConfig('C01');
    expect(await loadQueueConfig(db.storage, 'C01')).toBeNull();
    expect(await publishQueueConfig(db.storage, config)).toEqual({ centerCode: 'C01', version: 1, unchanged: false });
    expect(await loadQueueConfig(db.storage, 'C01')).toEqual(config);
    expect(await publishQueueConfig(db.storage, config)).toEqual({ centerCode: 'C01', version: 1, unchanged: true });
    const changed = { ...config, recallsBeforeNoShow: 2 };
    expect(await publishQueueConfig(db.storage, changed)).toEqual({ centerCode: 'C01', version: 2, unchanged: false });
    expect(await loadStoredQueueConfig(db.storage, 'C01')).toEqual({ config: changed, version: 2 });
    expect(await loadQueueConfig(db.storage, 'C02')).toBeNull();
  });

  it('refuses services missing from the center’s catalog and an unknown time zone, each by its path, and keeps the published one', async () => {
    const config = sampleQueueConfig('C03');
    await publishQueueConfig(db.storage, config);
    const bad = {
      ...config,
      timeZone: 'Europe/Atlantis',
      areas: [{ ...config.areas[0]!, serviceCodes: ['ID-01', 'XX-99'] }, ...config.areas.slice(1)],
      queues: [{ ...config.queues[0]!, serviceCodes: ['ID-01', 'XX-99'] }, ...config.queues.slice(1)],
      booking: { ...config.booking!, serviceCodes: ['ZZ-01'] },
    };
    const error = await refusal(publishQueueConfig(db.storage, bad));
    expect(error.status).toBe(400);
    expect(error.code).toBe('queue_config_invalid');
    expect(error.message).toContain('timeZone: unknown time zone Europe/Atlantis');
    expect(error.message).toContain("areas.0.serviceCodes.1: service XX-99 is not in center C03's catalog");
    expect(error.message).toContain("queues.0.serviceCodes.1: service XX-99 is not in center C03's catalog");
    expect(error.message).toContain('booking.serviceCodes.0: no queue serves service ZZ-01');
    expect(await loadStoredQueueConfig(db.storage, 'C03')).toEqual({ config, version: 1 });
  });

  it('takes a service a center added to its own catalog, for that center only', async () => {
    await db.storage.query(`INSERT INTO services (id, center_code, version, data) VALUES ('c04-own', 'C04', 1, '{"code": "C04-L1"}')`);
    const config = sampleQueueConfig('C04');
    const own = { ...config, queues: config.queues.map((q) => (q.code === 'general' ? { ...q, serviceCodes: ['C04-L1'] } : q)) };
    expect((await publishQueueConfig(db.storage, own)).version).toBe(1);
    const elsewhere = { ...own, centerCode: 'C05' };
    expect((await refusal(publishQueueConfig(db.storage, elsewhere))).message).toContain('queues.3.serviceCodes.0: service C04-L1');
  });

  it('a withdrawn service can no longer be named', async () => {
    await db.storage.query(`UPDATE services SET data = data || '{"active": false}' WHERE data->>'code' = 'NR-01'`);
    const error = await refusal(publishQueueConfig(db.storage, sampleQueueConfig('C06')));
    expect(error.message).toContain("areas.3.serviceCodes.0: service NR-01 is not in center C06's catalog");
    expect(error.message).toContain('queues.2.serviceCodes.1: service NR-01');
    await db.storage.query(`UPDATE services SET data = data - 'active' WHERE data->>'code' = 'NR-01'`);
  });
});

describe('checking a queue.json against the schema', () => {
  it('lists every wrong path at once', () => {
    const config = sampleQueueConfig();
    let error: unknown;
    try {
      parseQueueConfig({
        ...config,
        centerCode: 'c-1',
        desks: [
          { ...config.desks[0]!, deskCode: 'desk one' },
          { ...config.desks[1]!, profile: { queues: [{ queueCode: 'nope' }] } },
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HttpError);
    const message = (error as HttpError).message;
    expect(message).toContain('centerCode:');
    expect(message).toContain('desks.0.deskCode:');
    expect(message).toContain('desks.1.profile.queues.0.queueCode: no queue nope');
  });
});
