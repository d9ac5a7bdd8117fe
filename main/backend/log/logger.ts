import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import roll from 'pino-roll';
import type SonicBoom from 'sonic-boom';
import { redactFields, scrubJsonLine, scrubText } from '../../../shared/redact';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  /** From the desk config (`log.level`), once it is read: the logger exists before it, to log a bad config. */
  setLevel(level: LogLevel): void;
  close(): Promise<void>;
}

/** Days of logs kept: today's file and the 13 before it. */
export const LOG_DAYS_KEPT = 14;
/** Lines held while the day's file is being opened; past this the oldest are dropped (a log must never grow memory without end). */
const PENDING_LIMIT = 1000;

export interface FileLoggerOptions {
  level?: LogLevel;
  /** The file name's stem: `<stem>.<yyyy-MM-dd>.<n>.log`. */
  stem?: string;
}

/**
 * A pino stream into `<dir>/<stem>.<yyyy-MM-dd>.<n>.log`, a new file each day (pino-roll), the
 * oldest beyond LOG_DAYS_KEPT removed at each daily roll, files 0600 in a 0700 folder. Lines are
 * written while pino-roll opens the file (it is asynchronous; loggers here are not).
 */
function rolledStream(dir: string, stem: string): { write(line: string): void; close(): Promise<void> } {
  // The host may log before the backend makes the data folder: whatever this makes is owner-only.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let pending: string[] = [];
  let sink: SonicBoom | null = null;
  const opened = roll({
    file: join(dir, stem),
    extension: '.log',
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    limit: { count: LOG_DAYS_KEPT, removeOtherLogFiles: true },
    mode: 0o600,
    mkdir: true,
    // Each line reaches the file before the call returns: the lines before a crash are the ones that matter.
    sync: true,
  }).then(
    (stream) => {
      // A write that fails (disk full) must not take the backend down with an unhandled error event.
      stream.on('error', (error: Error) => process.stderr.write(`Vikno: writing the log failed: ${scrubText(error.message)}\n`));
      sink = stream;
      for (const line of pending) stream.write(line);
      pending = [];
    },
    (error: unknown) => {
      process.stderr.write(`Vikno: cannot open the log in ${dir}: ${scrubText(String(error))}\n`);
      pending = [];
    },
  );
  return {
    write(line) {
      if (sink) sink.write(line);
      else if (pending.push(line) > PENDING_LIMIT) pending.shift();
    },
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

/**
 * The desk's log (docs/IT.md, Logs and diagnostics): JSON lines in `<dataDir>/logs/`, rotated
 * daily. Personal data never reaches a line: fields are redacted by key and every finished line is
 * scrubbed of shaped identifiers and tokens (shared/redact.ts), errors included. Errors are echoed
 * to stderr too (scrubbed the same), so a host's console shows them; nothing here reaches the renderer.
 */
export function createFileLogger(dataDir: string, options: FileLoggerOptions = {}): Logger {
  const stream = rolledStream(join(dataDir, 'logs'), options.stem ?? 'backend');
  let echo = false;
  const logger = pino(
    {
      level: options.level ?? 'info',
      // pino's own `msg`: fields named `message` (a back office's refusal) stay fields.
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: { streamWrite: scrubJsonLine },
    },
    {
      write(line: string) {
        stream.write(line);
        if (echo) process.stderr.write(line);
      },
    },
  );
  return {
    log(level, message, fields) {
      // pino writes synchronously into the stream above, so the flag covers exactly this line.
      echo = level === 'error';
      try {
        logger[level](redactFields(fields ?? {}) as object, message);
      } finally {
        echo = false;
      }
    },
    setLevel(level) {
      logger.level = level;
    },
    close: () => stream.close(),
  };
}
