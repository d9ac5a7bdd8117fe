/**
 * One desk process per data folder (main/backend/storage/folder-lock.ts), with the real built
 * browser host: a second one on the same folder refuses to start, naming the folder and the
 * process that holds it; a lock left by a process that is gone is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../../main/backend/storage/folder-lock';
import { ensureBuilt } from '../../helpers/built-app';
import { exitOf, hostScript, startHost } from '../../helpers/host-process';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
beforeAll(() => ensureBuilt(), 180_000);

/** Hosts a test started, stopped after it even if it failed half way. */
const started: Awaited<ReturnType<typeof startHost>>['child'][] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function host(dataDir: string): ReturnType<typeof startHost> {
  const running = await startHost(dataDir);
  started.push(running.child);
  return running;
}

async function stop(child: (typeof started)[number]): Promise<number | null> {
  const exited = exitOf(child);
  child.kill('SIGTERM');
  return exited;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(result.stdout);
}

describe('the data folder lock (browser host)', () => {
  it('a second host on the same folder exits non-zero, naming the folder and the holder’s process; the first goes on', async () => {
    const dataDir = tempDir();
    const first = await host(dataDir);
    try {
      const holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number };
      expect(holder.pid).toBe(first.child.pid);
      const second = spawnSync(process.execPath, [hostScript, '--data', dataDir, '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
      expect(second.status).toBe(2);
      expect(second.stderr).toContain(`The data folder ${dataDir} is in use by another Vikno (process ${first.child.pid}`);
      expect(second.stdout).not.toContain('is running at');
      expect(first.child.exitCode).toBeNull();
    } finally {
      expect(await stop(first.child)).toBe(0);
    }
    // Released on a clean exit, so the next start finds no lock at all.
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock whose process is gone, and one left from before the machine restarted', async () => {
    const dataDir = tempDir();
    const booted = Date.now() - uptime() * 1000;
    for (const stale of [
      { pid: deadPid(), bootedAt: booted, since: '2026-12-01T08:00:00.000Z' },
      // This test's own process is alive, but the lock is from another boot: its pid was someone else's.
      { pid: process.pid, bootedAt: booted - 24 * 3600 * 1000, since: '2026-12-01T08:00:00.000Z' },
    ]) {
      writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(stale));
      const { child } = await host(dataDir);
      expect((JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number }).pid).toBe(child.pid);
      expect(await stop(child)).toBe(0);
    }
  });

  it('hosts on different folders both run', async () => {
    const a = await host(tempDir());
    try {
      const b = await host(tempDir());
      expect(await stop(b.child)).toBe(0);
    } finally {
      expect(await stop(a.child)).toBe(0);
    }
  });
});
