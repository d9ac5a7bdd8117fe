import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a system command; throws with its stderr when it fails. */
export function run(command: string, ...args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
}

/** Root ignores permission bits, so as root only a mount or the immutable attribute makes a path read-only. */
export const isRoot = process.getuid?.() === 0;

/** Whether a privileged set-up works here: a developer machine or CI may not give root, mount or chattr. */
function works(setUp: (dir: string) => void, tearDown: (dir: string) => void): boolean {
  if (process.platform !== 'linux' || !isRoot) return false;
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

const canBindReadOnly = works(
  (dir) => run('mount', '--bind', '-o', 'ro', dir, dir),
  (dir) => run('umount', dir),
);

const canMakeImmutable = works(
  (dir) => {
    writeFileSync(join(dir, 'probe'), '');
    run('chattr', '+i', join(dir, 'probe'));
  },
  (dir) => run('chattr', '-i', join(dir, 'probe')),
);

if (isRoot && !(canBindReadOnly && canMakeImmutable)) {
  // Failing here rather than skipping: as root a chmod proves nothing, and a skipped test is not a passing one.
  throw new Error('The durability tests run as root need `mount --bind -o ro` and `chattr +i`; run them as a normal user instead.');
}

/** How the tests made a path read-only, to name it in their titles. */
export const readOnlyMethod = isRoot ? 'a read-only bind mount / chattr +i (root)' : 'no write permission (not root)';

/**
 * The folder `dir` with writes refused, and the undo. As root a read-only bind mount of it at `at` (created
 * here); otherwise `dir` itself loses its write permission and `at` is not used.
 */
export function readOnlyFolder(dir: string, at: string): { path: string; undo: () => void } {
  if (isRoot) {
    mkdirSync(at);
    run('mount', '--bind', '-o', 'ro', dir, at);
    return { path: at, undo: () => run('umount', at) };
  }
  return { path: dir, undo: withoutWrite(dir) };
}

/** Makes the file or folder `path` refuse writes; returns the undo. */
export function readOnlyPath(path: string): () => void {
  if (isRoot) {
    run('chattr', '+i', path);
    return () => run('chattr', '-i', path);
  }
  return withoutWrite(path);
}

function withoutWrite(path: string): () => void {
  const mode = statSync(path).mode & 0o7777;
  chmodSync(path, mode & ~0o222);
  return () => chmodSync(path, mode);
}

/**
 * Caps the size of any file this process writes (RLIMIT_FSIZE, what `ulimit -f` sets) at `bytes`; returns
 * the undo. Unlike a tmpfs this needs no privilege, and it binds root too. Node ignores SIGXFSZ, so a
 * write past the cap fails with EFBIG instead of killing the test worker.
 */
export function limitFileSize(bytes: number): () => void {
  const pid = `--pid=${process.pid}`;
  const before = spawnSync('prlimit', [pid, '--fsize', '--raw', '--noheadings', '--output=SOFT'], { encoding: 'utf8' }).stdout.trim();
  if (!before) throw new Error('prlimit (util-linux) is needed to cap the file size');
  // Only the soft limit moves, so a user whose hard limit is lower can lower and restore it too.
  run('prlimit', pid, `--fsize=${bytes}:`);
  return () => run('prlimit', pid, `--fsize=${before}:`);
}
