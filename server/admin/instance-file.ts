import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * `<data>/server-instance.json` while a back office serves a data folder: its process, its URL
 * once it listens, and the admin token of this run. Written for the server's user only (0600):
 * whoever can read it can already read the database. It keeps a second server off the folder
 * (PGlite is one process) and lets `enroll`/`revoke` reach the running server instead.
 */
const FILE = 'server-instance.json';

const Instance = z.object({ pid: z.number().int().positive(), url: z.string().nullable(), adminToken: z.string().min(32) });
export type Instance = z.infer<typeof Instance>;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The back office serving `dataDir` now; null when none is (no file, a damaged one, or its process is gone). */
export function liveInstance(dataDir: string): Instance | null {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8'));
  } catch {
    return null;
  }
  const parsed = Instance.safeParse(value);
  return parsed.success && alive(parsed.data.pid) ? parsed.data : null;
}

export class FolderInUse extends Error {
  constructor(dataDir: string, readonly instance: Instance) {
    super(`Another Vikno back office (process ${instance.pid}${instance.url ? `, ${instance.url}` : ''}) is using ${dataDir}; stop it first, or use another --data folder`);
  }
}

export interface InstanceClaim {
  /** Records the URL once the server listens. */
  listening(url: string): void;
  release(): void;
}

/** Claims `dataDir` for this process; FolderInUse if a live one holds it (a stale file is replaced). */
export function claimInstance(dataDir: string, adminToken: string): InstanceClaim {
  const file = join(dataDir, FILE);
  const running = liveInstance(dataDir);
  if (running) throw new FolderInUse(dataDir, running);
  rmSync(file, { force: true });
  const write = (url: string | null, flag: 'wx' | 'w') => writeFileSync(file, JSON.stringify({ pid: process.pid, url, adminToken }), { mode: 0o600, flag });
  try {
    write(null, 'wx');
  } catch (error) {
    // Another process claimed it between our check and our write.
    const other = liveInstance(dataDir);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && other) throw new FolderInUse(dataDir, other);
    throw error;
  }
  return {
    listening: (url) => write(url, 'w'),
    release: () => rmSync(file, { force: true }),
  };
}
