/**
 * A desk for the sign-in tests: a real data folder and SQLite file, its backend reached
 * through the real contract (connectInProcess), on a clock the test moves.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { MethodInput, MethodName, MethodOutput, ViknoApi } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import { createBackend } from '../../../main/backend/index';
import type { Backend, BackendConfig } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';

export interface TestDesk {
  backend: Backend;
  api: ViknoApi & { disconnect(): void };
  dataDir: string;
  /** Moves the desk's clock on. */
  advance(ms: number): void;
  /** Closes the backend and opens the same data folder again (the clock goes on). */
  restart(): Promise<TestDesk>;
}

export function useAuthDesks() {
  const tempDir = useTempDirs();
  const open: Backend[] = [];
  afterEach(async () => {
    for (const backend of open.splice(0)) await backend.close();
  });

  function start(dataDir: string, clock: { ms: number }, extra: Partial<BackendConfig>): TestDesk {
    const backend = createBackend({ dataDir, appVersion: '0.0.0-test', logger: memoryLogger(), now: () => new Date(clock.ms), ...extra });
    open.push(backend);
    const desk: TestDesk = {
      backend,
      api: connectInProcess(backend),
      dataDir,
      advance: (ms) => void (clock.ms += ms),
      async restart() {
        await backend.close();
        open.splice(open.indexOf(backend), 1);
        return start(dataDir, clock, extra);
      },
    };
    return desk;
  }

  /** A desk with this config.json (none: a standalone demo desk). */
  return function openDesk(config: Record<string, unknown> | null = null, extra: Partial<BackendConfig> = {}): TestDesk {
    const dataDir = tempDir('vikno-auth-');
    if (config) writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
    return start(dataDir, { ms: Date.parse('2026-12-01T08:00:00.000Z') }, extra);
  };
}

/** The call's value; throws with the error's code when it failed. */
export async function value<M extends MethodName>(api: ViknoApi, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await api.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error code the call failed with (null when it succeeded). */
export async function errorCode(call: Promise<Envelope<unknown>>): Promise<string | null> {
  const result = await call;
  return result.ok ? null : result.error.code;
}
