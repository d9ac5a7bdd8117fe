import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QueueConfig } from '../../../shared/domain/queue-config';
import { queueConfigJsonSchema } from '../../../server/queue/publish-config';

/**
 * docs/queue.schema.json is what IT's editors check a queue.json against: it must be the one the back
 * office publishes with. After changing QueueConfig, regenerate it with
 * `npx vitest run test/unit/docs/queue-schema.test.ts -u` and commit it.
 */
describe('the published queue configuration schema', () => {
  it('is the file generated from the zod schema the back office publishes with', async () => {
    await expect(`${JSON.stringify(queueConfigJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../../../docs/queue.schema.json');
  });

  it('the sample queue.json in docs/ is valid, six booking days, one of them until 20:00', () => {
    const doc: unknown = JSON.parse(readFileSync(new URL('../../../docs/queue.sample.json', import.meta.url), 'utf8'));
    const parsed = QueueConfig.safeParse(doc);
    expect(parsed.error?.issues).toBeUndefined();
    const schedule = Object.values(parsed.data?.booking?.schedule ?? {});
    expect(schedule).toHaveLength(6);
    expect(schedule.filter((hours) => hours.some((h) => h.to === '20:00'))).toHaveLength(1);
    expect(parsed.data?.desks).toHaveLength(3);
  });
});
