import { describe, expect, it } from 'vitest';
import { keepStatistics } from '../../../server/storage/statistics';
import type { Storage } from '../../../server/storage/storage';

/** A stand-in storage that records what it is asked to run (the statements are PostgreSQL's; what is under test is when they run). */
function recordingStorage(fail = false) {
  const ran: string[] = [];
  let release: () => void = () => undefined;
  const storage = {
    exec: (sql: string) => {
      ran.push(sql);
      return new Promise<void>((resolve, reject) => {
        release = () => (fail ? reject(new Error('disk full')) : resolve());
      });
    },
  } as unknown as Storage;
  return { storage, ran, finish: () => release() };
}

describe('keeping the sync tables’ statistics fresh', () => {
  it('analyzes at start and again after every N changes written, one run at a time', async () => {
    const { storage, ran, finish } = recordingStorage();
    const keeper = keepStatistics(storage, () => undefined, 100);
    expect(ran).toEqual(['ANALYZE changes, entity_versions, mutation_log']);
    keeper.written(150);
    expect(ran).toHaveLength(1);
    finish();
    await keeper.idle();
    keeper.written(99);
    expect(ran).toHaveLength(1);
    keeper.written(1);
    expect(ran).toHaveLength(2);
    finish();
    await keeper.idle();
  });

  it('reports a failed run and carries on', async () => {
    const { storage, finish } = recordingStorage(true);
    const errors: unknown[] = [];
    const keeper = keepStatistics(storage, (error) => errors.push(error), 10);
    finish();
    await keeper.idle();
    expect(errors).toEqual([expect.objectContaining({ message: 'disk full' })]);
  });
});
