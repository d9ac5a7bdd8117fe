/**
 * The hot folder (docs/ARCHITECTURE.md §6.9): a folder a scanner's own software saves into. A file
 * is taken once it stopped growing, claimed by an atomic rename into `.vikno-taking/` (of two
 * watchers only one rename succeeds, so a file is never taken twice), handed to `onFile` one at a
 * time, then removed; a file `onFile` refuses goes to `refused/` where IT can see it.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';
import type { Logger } from '../log/logger';

export interface TakenFile {
  path: string;
  name: string;
  size: number;
}

export interface HotFolder {
  state(): 'watching' | 'missing';
  close(): Promise<void>;
}

export const TAKING_DIR = '.vikno-taking';
export const REFUSED_DIR = 'refused';
const CLAIM_PREFIX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-/;
const TEMPORARY = /\.(tmp|temp|part|partial|crdownload|download)$/i;

/** Names a scanner or a copy is still writing, or that are not documents at all. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name.endsWith('~') || TEMPORARY.test(name) || name === REFUSED_DIR;
}

/**
 * Watches `folder` (chokidar): a file is taken once it stopped growing, never a hidden or temporary
 * one (.tmp .part .crdownload ~$… .~…), claimed by an atomic rename into `<folder>/.vikno-taking/` before
 * `onFile` (so it is never taken twice, even by two watchers); on success the claimed file is removed;
 * if `onFile` throws, the file goes to `<folder>/refused/` (not hidden: IT sees it) and the error is logged.
 * Survives the folder vanishing and coming back (state 'missing' meanwhile); leftovers in .vikno-taking
 * from a crash are offered again at start.
 */
export function watchHotFolder(options: {
  folder: string;
  onFile(file: TakenFile): Promise<void>;
  onState?(state: 'watching' | 'missing'): void;
  logger: Logger;
  stableMs?: number;
}): HotFolder {
  const folder = resolve(options.folder);
  const { logger } = options;
  const stableMs = options.stableMs ?? 1000;
  const taking = join(folder, TAKING_DIR);
  // Known at once, so state() is right before the first check has run.
  let state: 'watching' | 'missing' = statSync(folder, { throwIfNoEntry: false })?.isDirectory() ? 'watching' : 'missing';
  let identity: string | null = null;
  let watcher: FSWatcher | null = null;
  let leftoversOffered = false;
  let closed = false;
  // One onFile at a time, in the order files were claimed.
  let work: Promise<void> = Promise.resolve();
  // Claims under way, so that close() waits for a file half-way into .vikno-taking/.
  const claiming = new Set<Promise<void>>();
  // Checks of the folder never overlap either.
  let checking: Promise<void> = Promise.resolve();

  const setState = (next: 'watching' | 'missing') => {
    if (next === state) return;
    state = next;
    logger.log(next === 'watching' ? 'info' : 'warn', `hot folder ${next === 'watching' ? 'is back' : 'is missing'}`, { folder });
    options.onState?.(next);
  };

  const hand = (claimed: string, name: string) => {
    work = work.then(async () => {
      try {
        const { size } = await stat(claimed);
        await options.onFile({ path: claimed, name, size });
        await rm(claimed, { force: true });
      } catch (error) {
        logger.log('error', 'hot folder file refused', { folder, name, error: errorText(error) });
        await moveToRefused(folder, claimed, name).catch((moveError: unknown) =>
          logger.log('error', 'hot folder could not move a refused file', { folder, name, error: errorText(moveError) }),
        );
      }
    });
  };

  const claim = async (path: string) => {
    const name = basename(path);
    const claimed = join(taking, `${randomUUID()}-${name}`);
    try {
      await mkdir(taking, { recursive: true });
      await rename(path, claimed);
    } catch (error) {
      // Another watcher claimed it first, or it was removed: either way it is not ours.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      logger.log('error', 'hot folder could not take a file; it stays and is offered again at the next start', {
        folder,
        name,
        error: errorText(error),
      });
      return;
    }
    hand(claimed, name);
  };

  const offerLeftovers = async () => {
    leftoversOffered = true;
    const names = await readdir(taking).catch(() => [] as string[]);
    for (const leftover of names) {
      const name = leftover.replace(CLAIM_PREFIX, '');
      const claimed = join(taking, `${randomUUID()}-${name}`);
      // Claimed again by rename, so two desks starting together do not both take it.
      const ours = await rename(join(taking, leftover), claimed).then(
        () => true,
        () => false,
      );
      if (ours) {
        logger.log('warn', 'hot folder offers a file again that a stopped desk had taken', { folder, name });
        hand(claimed, name);
      }
    }
  };

  // Our own check that a file stopped growing: chokidar 6's awaitWriteFinish let a file written in
  // chunks through after its first chunk (test/integration/documents/media/hot-folder.test.ts).
  const settling = new Set<string>();
  const pollMs = Math.max(20, Math.min(100, Math.floor(stableMs / 4)));
  const settle = (path: string) => {
    if (closed || settling.has(path) || dirname(path) !== folder) return;
    settling.add(path);
    let last = '';
    let since = Date.now();
    const poll = async () => {
      const now = await stat(path).then(
        (s) => (s.isFile() ? `${s.size}:${s.mtimeMs}` : null),
        () => null,
      );
      if (closed || now === null) return settling.delete(path);
      if (now !== last) {
        last = now;
        since = Date.now();
      } else if (Date.now() - since >= stableMs) {
        settling.delete(path);
        const claimed = claim(path);
        claiming.add(claimed);
        return void claimed.finally(() => claiming.delete(claimed));
      }
      setTimeout(() => void poll(), pollMs).unref();
    };
    void poll();
  };

  const startWatcher = () => {
    const current = watch(folder, {
      depth: 0,
      ignoreInitial: false,
      ignored: (path, stats) => resolve(path) !== folder && (isIgnoredName(basename(path)) || stats?.isDirectory() === true),
    });
    current.on('add', (path) => settle(resolve(path)));
    current.on('change', (path) => settle(resolve(path)));
    current.on('error', (error) => {
      logger.log('warn', 'hot folder watcher error', { folder, error: errorText(error) });
      check();
    });
    watcher = current;
  };

  // The folder as it is now: a different folder of the same name (removed and made again) is a new watch.
  const check = () => {
    checking = checking.then(async () => {
      if (closed) return;
      const now = await folderIdentity(folder);
      if (now === identity) return;
      identity = now;
      const old = watcher;
      watcher = null;
      await old?.close();
      if (closed) return;
      if (now === null) return setState('missing');
      startWatcher();
      setState('watching');
      if (!leftoversOffered) await offerLeftovers();
    });
  };

  check();
  // Polled rather than watched: the parent may be a network share or vanish too.
  const timer = setInterval(check, Math.max(100, Math.min(1000, stableMs)));
  timer.unref();

  return {
    state: () => state,
    async close() {
      closed = true;
      clearInterval(timer);
      await checking;
      await watcher?.close();
      await Promise.all(claiming);
      await work;
    },
  };
}

async function folderIdentity(folder: string): Promise<string | null> {
  try {
    const stats = await stat(folder);
    return stats.isDirectory() ? `${stats.dev}:${stats.ino}` : null;
  } catch {
    return null;
  }
}

async function moveToRefused(folder: string, claimed: string, name: string): Promise<void> {
  const refused = join(folder, REFUSED_DIR);
  await mkdir(refused, { recursive: true });
  const taken = await stat(join(refused, name)).then(
    () => true,
    () => false,
  );
  await rename(claimed, join(refused, taken ? `${randomUUID().slice(0, 8)}-${name}` : name));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
