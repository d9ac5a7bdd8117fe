/**
 * Citizens' data at rest on a shared machine: the desk's and the back office's data folders, and
 * every file the processes write into them, are their user's alone (docs/ARCHITECTURE.md §9.2).
 * The real processes: the built browser host and `npm run server`. As root (CI), another user
 * (`nobody`) tries to read the databases; a file outside shows that the attempt can succeed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from '../helpers/built-app';
import { exitOf, startHost } from '../helpers/host-process';
import { readLogs } from '../helpers/log-files';
import { startServerProcess } from '../helpers/server-process';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
beforeAll(() => ensureBuilt(), 180_000);

const asRoot = process.getuid?.() === 0;

/** Every path under `dir` (itself included) that its group or others may use, with its mode. */
function openToOthers(dir: string): string[] {
  const open: string[] = [];
  const visit = (path: string): void => {
    const stat = statSync(path);
    if ((stat.mode & 0o077) !== 0) open.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return open;
}

function nobodyReads(file: string): boolean {
  return spawnSync('runuser', ['-u', 'nobody', '--', 'cat', file], { stdio: 'ignore' }).status === 0;
}

/** A parent folder anyone may pass through, so only the data folder's own modes stand between. */
function openParent(): string {
  const parent = tempDir();
  chmodSync(parent, 0o755);
  const control = join(parent, 'control.txt');
  writeFileSync(control, 'readable by all', { mode: 0o644 });
  chmodSync(control, 0o644);
  if (asRoot) expect(nobodyReads(control)).toBe(true);
  return parent;
}

describe('data at rest', () => {
  it('a new desk data folder is 0700 with owner-only files, and another user cannot read its database', async () => {
    const dataDir = join(openParent(), 'desk');
    const { child } = await startHost(dataDir);
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['vikno.db', 'vikno.db-wal', 'logs']));
      expect(openToOthers(dataDir)).toEqual([]);
      if (asRoot) expect(nobodyReads(join(dataDir, 'vikno.db'))).toBe(false);
    } finally {
      const exited = exitOf(child);
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('a desk data folder open to others is tightened at start, and the log says so', async () => {
    const dataDir = join(openParent(), 'desk');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const { child } = await startHost(dataDir);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    await exited;
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(readLogs(dataDir)).toContain('made it owner-only');
  });

  it('the back office’s new data folder and its database files are owner-only', async () => {
    const dataDir = join(openParent(), 'server');
    const server = await startServerProcess(repoRoot, dataDir, undefined);
    try {
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(readdirSync(dataDir).length).toBeGreaterThan(0);
      expect(openToOthers(dataDir)).toEqual([]);
      if (asRoot) expect(nobodyReads(join(dataDir, 'PG_VERSION'))).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('a back-office data folder open to others is tightened, with a line saying so', async () => {
    const dataDir = join(openParent(), 'server');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const server = await startServerProcess(repoRoot, dataDir, undefined);
    const output = server.output();
    await server.stop();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(output).toContain('made it owner-only');
  });
});
