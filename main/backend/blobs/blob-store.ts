/**
 * The desk's content-addressed file store (docs/ARCHITECTURE.md §5.5): `<dataDir>/blobs/ab/cd/<sha256>`.
 * A file is written to a temp name in the store (same file system, so the rename is atomic),
 * fsynced, renamed into place and its folder fsynced: a crash leaves either no file or the
 * whole file under its hash, never a torn one the database could point at.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface StoredBlob {
  sha256: string;
  size: number;
}

export function blobPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export async function hasBlob(dataDir: string, sha256: string): Promise<boolean> {
  try {
    await access(blobPath(dataDir, sha256));
    return true;
  } catch {
    return false;
  }
}

async function syncFolder(path: string): Promise<void> {
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/** Stores bytes, or a file streamed from `source.path` (scans can be large), under their SHA-256. */
export async function putBlob(dataDir: string, source: Uint8Array | { path: string }): Promise<StoredBlob> {
  const root = join(dataDir, 'blobs');
  await mkdir(root, { recursive: true });
  const temp = join(root, `.tmp-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const file = await open(temp, 'wx');
  try {
    const chunks: AsyncIterable<Uint8Array> | Uint8Array[] = source instanceof Uint8Array ? [source] : createReadStream(source.path);
    for await (const chunk of chunks) {
      hash.update(chunk);
      size += chunk.length;
      await file.write(chunk);
    }
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temp, { force: true });
    throw error;
  }
  await file.close();
  const sha256 = hash.digest('hex');
  const target = blobPath(dataDir, sha256);
  await mkdir(dirname(target), { recursive: true });
  // Same content, same name: replacing an existing copy is harmless and keeps this race-free.
  await rename(temp, target);
  await syncFolder(dirname(target));
  return { sha256, size };
}
