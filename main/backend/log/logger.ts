import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  close(): Promise<void>;
}

/**
 * JSON lines in `<dataDir>/logs/backend.log`. Errors are echoed to stderr too, so a host's
 * console shows them; nothing here ever reaches the renderer.
 */
export function createFileLogger(dataDir: string): Logger {
  const dir = join(dataDir, 'logs');
  // The host may log before the backend makes the data folder: whatever this makes is owner-only.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stream = createWriteStream(join(dir, 'backend.log'), { flags: 'a', mode: 0o600 });
  return {
    log(level, message, fields) {
      const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
      stream.write(line + '\n');
      if (level === 'error') process.stderr.write(line + '\n');
    },
    close() {
      return new Promise((resolve) => stream.end(resolve));
    },
  };
}
