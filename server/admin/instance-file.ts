import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * `<data>/server-instance.json` while a back office (or an admin command) uses a data folder:
 * its process, its URL once it listens, and the admin token of this run. Written for the
 * server's user only (0600): whoever can read it can already read the database. It keeps a
 * second server off the folder (PGlite is one process) and lets `enroll`/`revoke` reach the
 * running server instead. Every write is whole (a temporary file linked or renamed into place),
 * so a reader never sees half a file.
 */
const FILE = 'server-instance.json';

const Instance = z.object({
  pid: z.number().int().positive(),
  // Files written before commands could hold the folder have no role: they were servers.
  role: z.enum(['server', 'command']).default('server'),
  url: z.string().nullable(),
  adminToken: z.string().min(32),
  // An https server's certificate, pinned by admin commands (they reach it on loopback, a name its certificate may not carry).
  tlsFingerprint: z.string().nullable().default(null),
  // Which storage the server opened, so a command can say where its work went.
  storage: z.enum(['pglite', 'postgresql']).nullable().default(null),
});
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

function readInstance(file: string): Instance | null {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const parsed = Instance.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The process using `dataDir` now; null when none is (no file, a damaged one, or its process is gone). */
export function liveInstance(dataDir: string): Instance | null {
  const instance = readInstance(join(dataDir, FILE));
  return instance && alive(instance.pid) ? instance : null;
}

/** `exclusive`: fail with EEXIST if the file exists (link never replaces); else replace it. */
function writeWhole(file: string, instance: Instance, exclusive: boolean): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(instance), { mode: 0o600 });
  try {
    if (exclusive) linkSync(temporary, file);
    else renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

export class FolderInUse extends Error {
  constructor(
    dataDir: string,
    readonly instance: Instance,
  ) {
    const who = instance.role === 'server' ? 'back office' : 'admin command';
    super(
      `Another Vikno ${who} (process ${instance.pid}${instance.url ? `, ${instance.url}` : ''}) is using ${dataDir}; stop it first, or use another --data folder`,
    );
  }
}

export interface InstanceClaim {
  /** Records the URL once the server listens, its storage, and the SHA-256 of its certificate when it speaks HTTPS. */
  listening(url: string, details?: Partial<Pick<Instance, 'tlsFingerprint' | 'storage'>>): void;
  /** Removes the file if it is still this process's. */
  release(): void;
}

/** Claims `dataDir` for this process; FolderInUse if a live process holds it. A file left by a dead one is set aside. */
export function claimInstance(dataDir: string, role: Instance['role'], adminToken: string): InstanceClaim {
  const file = join(dataDir, FILE);
  const running = liveInstance(dataDir);
  if (running) throw new FolderInUse(dataDir, running);
  const aside = `${file}.stale`;
  try {
    renameSync(file, aside);
    // A process that claimed the folder just after our check: put its file back and give way.
    const moved = readInstance(aside);
    if (moved && alive(moved.pid)) {
      // link, not rename: never replace a file a third process may have written meanwhile.
      linkSync(aside, file);
      throw new FolderInUse(dataDir, moved);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const mine: Instance = { pid: process.pid, role, url: null, adminToken, tlsFingerprint: null, storage: null };
  try {
    writeWhole(file, mine, true);
  } catch (error) {
    // Another process claimed it between our check and our write.
    const other = liveInstance(dataDir);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST' && other) throw new FolderInUse(dataDir, other);
    throw error;
  }
  const stillMine = () => readInstance(file)?.pid === process.pid;
  return {
    listening: (url, details = {}) => {
      if (stillMine()) writeWhole(file, { ...mine, ...details, url }, false);
    },
    release: () => {
      if (stillMine()) rmSync(file, { force: true });
    },
  };
}
