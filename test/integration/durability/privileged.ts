import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a system command; throws with its stderr when it fails. */
export function run(command: string, ...args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
}

/** Whether `command args` works here: these tests need root on Linux, which a developer machine or CI may not give. */
function works(setUp: (dir: string) => void, tearDown: (dir: string) => void): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'vikno-probe-'));
  try {
    setUp(dir);
    tearDown(dir);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const canMountTmpfs = works(
  (dir) => run('mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir),
  (dir) => run('umount', dir),
);

export const canBindReadOnly = works(
  (dir) => run('mount', '--bind', '-o', 'ro', dir, dir),
  (dir) => run('umount', dir),
);

export const canMakeImmutable = works(
  (dir) => {
    writeFileSync(join(dir, 'probe'), '');
    run('chattr', '+i', join(dir, 'probe'));
  },
  (dir) => run('chattr', '-i', join(dir, 'probe')),
);
