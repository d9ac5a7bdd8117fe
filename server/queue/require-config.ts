/** The center's queue configuration for a route that cannot work without one: 404 queue_not_configured otherwise. */
import type { QueueConfig } from '../../shared/domain/queue-config';
import { QUEUE_ERRORS } from '../../shared/queue-protocol';
import { HttpError } from '../http/http-error';
import type { Sql } from '../storage/storage';
import { loadQueueConfig } from './config';

export async function requireQueueConfig(sql: Sql, centerCode: string): Promise<QueueConfig> {
  const config = await loadQueueConfig(sql, centerCode);
  if (!config) throw new HttpError(404, QUEUE_ERRORS.notConfigured, `Center ${centerCode} has no queue configuration`);
  return config;
}
