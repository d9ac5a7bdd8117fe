/**
 * The SHA-256 of each upload in progress, kept in memory as its chunks arrive, so `complete`
 * does not read the whole file back (docs/ARCHITECTURE.md §7.4). It is a cache of what the
 * partial file holds, never the record of it: it is only trusted while its byte count equals the
 * partial's size, and after a restart (or any doubt) it is rebuilt by reading the partial again.
 * A crash of the machine also ends this process, so a hash in memory only ever covers bytes this
 * process wrote and that the page cache still holds: whatever a crash left on disk is re-read.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { partialPath } from './blob-files';
import type { Upload } from './blob-files';

/** The hash of an upload's first `size` bytes. */
export interface RunningHash {
  size: number;
  hash: Hash;
}

/** A copy of a running hash taken at `size`, which a chunk's bytes went into as they arrived. */
export interface AheadHash {
  from: RunningHash;
  size: number;
  hash: Hash;
}

/** Uploads remembered at once; one forgotten (abandoned, or just many at once) only costs a re-read. */
const DEFAULT_MAX_UPLOADS = 256;

const keyOf = (upload: Upload) => `${upload.centerCode}/${upload.sha256}`;

/** Hashes the partial file's first `size` bytes: the way back after a restart. */
async function hashPrefix(dir: string, upload: Upload, size: number): Promise<RunningHash> {
  const hash = createHash('sha256');
  if (size > 0) {
    for await (const part of createReadStream(partialPath(dir, upload), { end: size - 1 })) hash.update(part as Buffer);
  }
  return { size, hash };
}

export function createUploadHashes(dir: string, maxUploads = DEFAULT_MAX_UPLOADS) {
  const hashes = new Map<string, RunningHash>();
  return {
    /** The running hash of an upload whose partial holds `size` bytes: the one kept, or one rebuilt from the file. */
    async at(upload: Upload, size: number): Promise<RunningHash> {
      const key = keyOf(upload);
      const kept = hashes.get(key);
      if (kept && kept.size === size) return kept;
      hashes.delete(key);
      const rebuilt = await hashPrefix(dir, upload, size);
      // The oldest first in a Map's order: a long-abandoned upload is the one that goes.
      if (hashes.size >= maxUploads) hashes.delete(hashes.keys().next().value as string);
      hashes.set(key, rebuilt);
      return rebuilt;
    },
    /**
     * A copy of the kept hash when it stands at `offset`, for a chunk's bytes to go into as they
     * arrive (before the chunk is checked or its offset confirmed); null when none is kept there.
     */
    ahead(upload: Upload, offset: number): AheadHash | null {
      const kept = hashes.get(keyOf(upload));
      return kept && kept.size === offset ? { from: kept, size: offset, hash: kept.hash.copy() } : null;
    },
    /**
     * Bytes appended to the partial after `running`'s. `ahead` already holds them when it was
     * copied from this very hash at its present size; otherwise they are hashed now.
     */
    add(running: RunningHash, bytes: Uint8Array, ahead: AheadHash | null = null): void {
      if (ahead?.from === running && ahead.size === running.size) running.hash = ahead.hash;
      else running.hash.update(bytes);
      running.size += bytes.length;
    },
    /** The partial was removed, promoted, or a write to it failed: what it holds is no longer known here. */
    forget(upload: Upload): void {
      hashes.delete(keyOf(upload));
    },
  };
}

export type UploadHashes = ReturnType<typeof createUploadHashes>;
