import { QueueConfig } from '../../shared/domain/queue-config';
import type { Sql } from '../storage/storage';
import { toInt } from '../storage/storage';

export interface StoredQueueConfig {
  config: QueueConfig;
  version: number;
}

/** The center's published queue configuration with its version; null when none was published. */
export async function loadStoredQueueConfig(sql: Sql, centerCode: string): Promise<StoredQueueConfig | null> {
  const rows = await sql.query<{ config: unknown; version: unknown }>('SELECT config, version FROM queue_configs WHERE center_code = $1', [
    centerCode,
  ]);
  const row = rows[0];
  // Parsed again: the row was checked when published, and reading it through the schema keeps one type for it.
  return row ? { config: QueueConfig.parse(row.config), version: toInt(row.version) } : null;
}

/** The center's queue configuration (docs/ARCHITECTURE.md §6.8); null when the center has no queue. */
export async function loadQueueConfig(sql: Sql, centerCode: string): Promise<QueueConfig | null> {
  return (await loadStoredQueueConfig(sql, centerCode))?.config ?? null;
}
