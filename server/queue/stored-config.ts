/**
 * The center's published queue configuration, read as the queue core needs it. Stands in for
 * `loadQueueConfig` (server/queue/config.ts, published with the admin route) until that lands.
 */
import { QueueConfig } from '../../shared/domain/queue-config';
import { QUEUE_ERRORS } from '../../shared/queue-protocol';
import { HttpError } from '../http/http-error';
import type { Sql } from '../storage/storage';

export async function storedQueueConfig(sql: Sql, centerCode: string): Promise<QueueConfig | null> {
  const [row] = await sql.query<{ config: unknown }>('SELECT config FROM queue_configs WHERE center_code = $1', [centerCode]);
  return row ? QueueConfig.parse(row.config) : null;
}

export async function requireQueueConfig(sql: Sql, centerCode: string): Promise<QueueConfig> {
  const config = await storedQueueConfig(sql, centerCode);
  if (!config) throw new HttpError(404, QUEUE_ERRORS.notConfigured, `Center ${centerCode} has no queue configuration`);
  return config;
}
