/**
 * The store bench's data set, built once and kept under the system temp folder: building 1 M
 * applicants and applications takes minutes, and the same parameters always build the same
 * file. A cache entry is a folder named by the hash of everything that decides its content; it
 * appears under that name only when whole (built under a partial name, then renamed), so a run
 * stopped half-way never leaves a file a later run would take.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchStore } from './dataset';

/** Everything that decides what the data set holds. */
export interface DatasetParams {
  rows: number;
  seed: number;
  /** How many sampled persons the bench draws its queries from. */
  samples: number;
  /** The migrations the schema was built by, as `version:name`, in order. */
  migrations: readonly string[];
  /** Bumped whenever the generator writes different rows for the same parameters (dataset.ts). */
  generatorVersion: number;
}

export interface CachedStore {
  /** The cached data set; its `file` is the cache's own copy, which callers must not write to. */
  store: BenchStore;
  built: boolean;
  folder: string;
}

const META = 'meta.json';
const PARTIAL = /^store-[0-9a-f]+\.partial-(\d+)-[0-9a-f]+$/;
/** An entry no run has used for this long is removed, so old schemas do not pile up 2 GiB files. */
const UNUSED_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/** The entry's name: a hash of the parameters, so any change (a migration, the generator, the row count) builds anew. */
export function datasetKey(params: DatasetParams): string {
  const canonical = JSON.stringify([params.rows, params.seed, params.samples, params.migrations, params.generatorVersion]);
  return `store-${createHash('sha256').update(canonical).digest('hex').slice(0, 20)}`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Partial builds of runs that died, and entries unused for a week. A partial of a live run is left to it. */
function prune(root: string, now: number): void {
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    const partial = PARTIAL.exec(name);
    if (partial) {
      if (!alive(Number(partial[1]))) rmSync(path, { recursive: true, force: true });
    } else if (name.startsWith('store-') && now - statSync(path).mtimeMs > UNUSED_FOR_MS) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

function readEntry(folder: string): BenchStore | null {
  const meta = join(folder, META);
  if (!existsSync(meta)) return null;
  const store = JSON.parse(readFileSync(meta, 'utf8')) as Omit<BenchStore, 'file'>;
  return { ...store, file: join(folder, 'vikno.db') };
}

/**
 * The data set for `params` from `root`, built by `build(folder)` (which must create
 * `<folder>/vikno.db` and return its description) when no whole entry exists.
 */
export function cachedStore(root: string, params: DatasetParams, build: (folder: string) => BenchStore): CachedStore {
  mkdirSync(root, { recursive: true });
  prune(root, Date.now());
  const key = datasetKey(params);
  const folder = join(root, key);
  const cached = readEntry(folder);
  if (cached) {
    const now = new Date();
    utimesSync(folder, now, now); // in use: kept by prune
    return { store: cached, built: false, folder };
  }
  const partial = join(root, `${key}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(partial);
  try {
    const store = build(partial);
    const meta: Omit<BenchStore, 'file'> = {
      clerkId: store.clerkId,
      people: store.people,
      generationMs: store.generationMs,
      fileBytes: store.fileBytes,
    };
    writeFileSync(join(partial, META), JSON.stringify(meta));
    try {
      renameSync(partial, folder);
    } catch (error) {
      // Another run finished the same entry first: theirs is as good, ours goes.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      rmSync(partial, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  const store = readEntry(folder);
  if (!store) throw new Error(`The data set cache entry ${folder} has no ${META} after it was built`);
  return { store, built: true, folder };
}
