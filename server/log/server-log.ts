/**
 * The back office's log (docs/IT.md, Logs and diagnostics), the desk's way: pino JSON lines in
 * `<data>/logs/server.<yyyy-MM-dd>.<n>.log`, a file per day (pino-roll), 14 days kept, owner-only.
 * Fastify logs each request through it: method, URL, status and time — never a body, and no
 * header but what its serializer picks (no authorization). Sensitive keys are redacted and every
 * line is scrubbed of identifiers and tokens (shared/redact.ts) before it is written; errors are
 * echoed to stderr, scrubbed the same.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Logger as PinoLogger } from 'pino';
import roll from 'pino-roll';
import type SonicBoom from 'sonic-boom';
import { isSensitiveKey, REDACTED, redactFields, scrubJsonLine, scrubText } from '../../shared/redact';

export const SERVER_LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type ServerLogLevel = (typeof SERVER_LOG_LEVELS)[number];
const LOG_DAYS_KEPT = 14;
const PENDING_LIMIT = 1000;

export interface ServerLog {
  logger: PinoLogger;
  close(): Promise<void>;
}

/** The level from `VIKNO_LOG_LEVEL`: info when unset; anything else is refused with the choices. */
export function serverLogLevel(env: NodeJS.ProcessEnv = process.env): ServerLogLevel {
  const value = env.VIKNO_LOG_LEVEL;
  if (value === undefined || value === '') return 'info';
  if ((SERVER_LOG_LEVELS as readonly string[]).includes(value)) return value as ServerLogLevel;
  throw new Error(`VIKNO_LOG_LEVEL must be one of ${SERVER_LOG_LEVELS.join(', ')}, got "${value}"`);
}

/** Only what tells one error from another: PostgreSQL's `detail` quotes the row's values, so it is left out. */
function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { type: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), stack: error.stack };
}

/**
 * Sensitive keys redacted, except in what Fastify's own serializers turn into a few safe fields
 * (`req`: method, URL, host, address; `res`: status) or errorFields does (`err`): those are still
 * objects of their classes here, which a copy would empty.
 */
const SERIALIZED: ReadonlySet<string> = new Set(['req', 'res', 'err', 'error']);

function redactOwnFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = SERIALIZED.has(key) ? value : isSensitiveKey(key) ? REDACTED : redactFields(value);
  }
  return out;
}

export function createServerLog(dataDir: string, level: ServerLogLevel = 'info'): ServerLog {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let pending: string[] = [];
  let sink: SonicBoom | null = null;
  const opened = roll({
    file: join(dir, 'server'),
    extension: '.log',
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    limit: { count: LOG_DAYS_KEPT, removeOtherLogFiles: true },
    mode: 0o600,
    mkdir: true,
    sync: true,
  }).then(
    (stream) => {
      stream.on('error', (error: Error) => process.stderr.write(`Writing the log failed: ${scrubText(error.message)}\n`));
      sink = stream;
      for (const line of pending) stream.write(line);
      pending = [];
    },
    (error: unknown) => {
      process.stderr.write(`Cannot open the log in ${dir}: ${scrubText(String(error))}\n`);
      pending = [];
    },
  );
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: errorFields, error: errorFields },
      formatters: {
        level: (label) => ({ level: label }),
        log: redactOwnFields,
      },
      hooks: { streamWrite: scrubJsonLine },
    },
    {
      write(line: string) {
        if (sink) sink.write(line);
        else if (pending.push(line) > PENDING_LIMIT) pending.shift();
        // Level 50 and up (error, fatal) also on stderr, for the service manager's journal.
        if (/^\{"level":"(error|fatal)"/.test(line)) process.stderr.write(line);
      },
    },
  );
  return {
    logger,
    async close() {
      await opened;
      const stream = sink;
      if (!stream) return;
      await new Promise<void>((resolve) => {
        stream.once('close', () => resolve());
        stream.end();
      });
    },
  };
}
