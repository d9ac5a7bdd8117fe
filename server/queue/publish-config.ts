import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { QueueConfig } from '../../shared/domain/queue-config';
import { HttpError } from '../http/http-error';
import type { Sql, Storage } from '../storage/storage';
import { loadStoredQueueConfig } from './config';

export interface QueueConfigPublished {
  centerCode: string;
  version: number;
  /** The same configuration was already published: nothing written. */
  unchanged: boolean;
}

interface Problem {
  path: (string | number)[];
  message: string;
}

const refuse = (problems: readonly Problem[]) =>
  new HttpError(
    400,
    'queue_config_invalid',
    `The queue configuration is wrong; nothing was published: ${problems.map((p) => `${p.path.join('.') || '(document)'}: ${p.message}`).join('; ')}`,
  );

/** Checks a document against the schema, every wrong path listed; 400 otherwise. */
export function parseQueueConfig(json: unknown): QueueConfig {
  const parsed = QueueConfig.safeParse(json);
  if (!parsed.success)
    throw refuse(parsed.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message })));
  return parsed.data;
}

function knownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The codes of the services a center's desks hold: the base list and the center's own, withdrawn ones left out. */
export async function catalogCodes(sql: Sql, centerCode: string): Promise<Set<string>> {
  const rows = await sql.query<{ code: string }>(
    `SELECT data->>'code' AS code FROM services
      WHERE (center_code IS NULL OR center_code = $1) AND COALESCE(data->>'active', 'true') <> 'false'`,
    [centerCode],
  );
  return new Set(rows.map((row) => row.code));
}

/** What the schema cannot know: the zone exists, every service is in the center's catalog, a bookable service has a queue. */
function problemsWith(config: QueueConfig, catalog: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  if (!knownTimeZone(config.timeZone)) problems.push({ path: ['timeZone'], message: `unknown time zone ${config.timeZone}` });
  const unknown = (codes: readonly string[], path: (string | number)[]) =>
    codes.forEach((code, i) => {
      if (!catalog.has(code))
        problems.push({ path: [...path, i], message: `service ${code} is not in center ${config.centerCode}'s catalog` });
    });
  config.areas.forEach((area, i) => unknown(area.serviceCodes, ['areas', i, 'serviceCodes']));
  config.queues.forEach((queue, i) => unknown(queue.serviceCodes, ['queues', i, 'serviceCodes']));
  if (config.booking) {
    unknown(config.booking.serviceCodes, ['booking', 'serviceCodes']);
    const served = new Set(config.queues.flatMap((q) => q.serviceCodes));
    config.booking.serviceCodes.forEach((code, i) => {
      if (!served.has(code)) problems.push({ path: ['booking', 'serviceCodes', i], message: `no queue serves service ${code}` });
    });
  }
  return problems;
}

/**
 * Publishes a center's queue configuration (docs/ARCHITECTURE.md §6.8) as its next version, or
 * refuses it whole (400, every wrong path listed). Desks, the kiosk and the board read it from the
 * next request on; tickets already issued keep their queue.
 */
export async function publishQueueConfig(storage: Storage, config: QueueConfig): Promise<QueueConfigPublished> {
  return storage.transaction(async (tx) => {
    const problems = problemsWith(config, await catalogCodes(tx, config.centerCode));
    if (problems.length > 0) throw refuse(problems);
    // The row lock makes two publishes of one center take versions one after the other.
    await tx.query('SELECT version FROM queue_configs WHERE center_code = $1 FOR UPDATE', [config.centerCode]);
    const current = await loadStoredQueueConfig(tx, config.centerCode);
    if (current && isDeepStrictEqual(current.config, config))
      return { centerCode: config.centerCode, version: current.version, unchanged: true };
    const version = (current?.version ?? 0) + 1;
    await tx.query(
      `INSERT INTO queue_configs (center_code, config, version, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (center_code) DO UPDATE SET config = EXCLUDED.config, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
      [config.centerCode, JSON.stringify(config), version],
    );
    return { centerCode: config.centerCode, version, unchanged: false };
  });
}

/** The JSON Schema IT's editors check a queue.json against: generated from the schema above, committed as docs/queue.schema.json. */
export function queueConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(QueueConfig, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://vikno.example/queue.schema.json',
    title: 'Vikno queue configuration',
  };
}
