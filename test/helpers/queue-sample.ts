/** A center's queue configuration for the queue's tests and bench (no test-runner imports: the bench bundles it). */
import { QueueConfig } from '../../shared/domain/queue-config';

/**
 * Queues А (passports, weighted ×2 at D1), Б (land), В (other requests); desks D1–D8 with
 * overlapping profiles, D8 calling in order.
 */
export function sampleConfig(centerCode: string, overrides: Partial<QueueConfig> = {}): QueueConfig {
  return QueueConfig.parse({
    centerCode,
    areas: [{ code: 'docs', nameUk: 'Документи', nameEn: 'Documents', serviceCodes: ['PASS', 'LAND'] }],
    queues: [
      { code: 'A', nameUk: 'Паспорти', nameEn: 'Passports', series: { prefix: 'А' }, serviceCodes: ['PASS'] },
      { code: 'B', nameUk: 'Земля', nameEn: 'Land', series: { prefix: 'Б' }, serviceCodes: ['LAND'] },
      { code: 'V', nameUk: 'Інше', nameEn: 'Other', series: { prefix: 'В' }, serviceCodes: [], takesOtherRequests: true },
    ],
    priority: { series: { prefix: 'П' }, categories: [{ code: 'disability', nameUk: 'Інвалідність', nameEn: 'Disability' }] },
    desks: [
      { deskCode: 'D1', window: '1', profile: { queues: [{ queueCode: 'A', weight: 2 }, { queueCode: 'B' }] } },
      { deskCode: 'D2', window: '2', profile: { queues: [{ queueCode: 'A' }, { queueCode: 'B' }, { queueCode: 'V' }] } },
      { deskCode: 'D3', window: '3', profile: { queues: [{ queueCode: 'B' }, { queueCode: 'V' }] } },
      { deskCode: 'D4', window: '4', profile: { queues: [{ queueCode: 'A' }] } },
      { deskCode: 'D5', window: '5', profile: { queues: [{ queueCode: 'B', weight: 3 }, { queueCode: 'A' }] } },
      { deskCode: 'D6', window: '6', profile: { queues: [{ queueCode: 'V' }, { queueCode: 'A' }] } },
      { deskCode: 'D7', window: '7', profile: { queues: [{ queueCode: 'A' }, { queueCode: 'V' }] } },
      {
        deskCode: 'D8',
        window: '8',
        profile: { strategy: 'in_order', queues: [{ queueCode: 'V' }, { queueCode: 'B' }, { queueCode: 'A' }] },
      },
    ],
    booking: { series: { prefix: 'Т' }, schedule: { mon: [{ from: '09:00', to: '18:00' }] } },
    ...overrides,
  });
}
