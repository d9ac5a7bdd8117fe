/**
 * `<dataDir>/vikno.lock` while a desk process (the browser host, or Electron's backend process)
 * uses a data folder: two processes on one SQLite database and one sync cursor would each push the
 * other's work and race on backups. The file names its holder's process and the machine's boot, so
 * a lock left by a process that is gone — killed, or from before a reboot, when its pid may belong
 * to some other program by now — is taken over.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'vikno.lock';

const Holder = z.object({
  pid: z.number().int().positive(),
  /** When the machine started (ms since the epoch, from the clock and the uptime). */
  bootedAt: z.number(),
  since: z.string(),
});
export type Holder = z.infer<typeof Holder>;

/** Boot times are derived from a clock that may be set meanwhile: within this they are one boot. */
const SAME_BOOT_MS = 5 * 60 * 1000;

export function bootedAt(now = Date.now(), upSeconds = uptime()): number {
  return now - upSeconds * 1000;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Machine {
  bootedAt: number;
  alive(pid: number): boolean;
}

const thisMachine = (): Machine => ({ bootedAt: bootedAt(), alive: processAlive });

/** Whether `holder` still holds its lock: its process runs, and it is of this boot. */
export function holderIsLive(holder: Holder, machine: Machine): boolean {
  return Math.abs(holder.bootedAt - machine.bootedAt) <= SAME_BOOT_MS && machine.alive(holder.pid);
}

export class FolderLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Holder,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Vikno (process ${holder.pid}, since ${holder.since}); close that one first, or use another --data folder`,
    );
  }
}

function readHolder(file: string): Holder | null {
  try {
    const parsed = Holder.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface FolderLock {
  /** Removes the lock file if it is still this process's. Also done when the process exits. */
  release(): void;
}

/**
 * Claims `dataDir` (which must exist) for this process; FolderLocked when a live process holds it.
 * The file is written whole under a temporary name and linked into place, which fails if another
 * process got there first; a stale file is moved aside first, and put back if it turns out to be
 * a live holder's that replaced it meanwhile.
 */
export function lockDataFolder(dataDir: string, machine: Machine = thisMachine()): FolderLock {
  const file = join(dataDir, LOCK_FILE);
  const mine: Holder = { pid: process.pid, bootedAt: machine.bootedAt, since: new Date().toISOString() };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(mine), { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        linkSync(temporary, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw error;
      }
      const holder = readHolder(file);
      if (holder && holderIsLive(holder, machine)) throw new FolderLocked(dataDir, holder);
      const aside = `${file}.stale-${process.pid}`;
      try {
        renameSync(file, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        continue;
      }
      const moved = readHolder(aside);
      if (moved && holderIsLive(moved, machine)) {
        // A live process locked the folder after our read: give its file back (link never replaces).
        linkSync(aside, file);
        rmSync(aside, { force: true });
        throw new FolderLocked(dataDir, moved);
      }
      rmSync(aside, { force: true });
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  const release = () => {
    if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return {
    release() {
      process.removeListener('exit', release);
      release();
    },
  };
}
