import type { Logger, LogLevel } from '../../main/backend/log/logger';

export interface MemoryLogger extends Logger {
  entries: Array<{ level: LogLevel; message: string; fields: Record<string, unknown> }>;
}

/** Keeps log lines in memory so a test can assert what the backend logged. */
export function memoryLogger(): MemoryLogger {
  const entries: MemoryLogger['entries'] = [];
  return {
    entries,
    log(level, message, fields = {}) {
      entries.push({ level, message, fields });
    },
    // Keeps every level: tests assert what was logged, not what a level would let through.
    setLevel: () => undefined,
    close: () => Promise.resolve(),
  };
}
