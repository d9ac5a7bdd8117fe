/**
 * The server's file store on disk: verified files at `<dir>/ab/cd/<sha256>` (one copy whichever
 * centers uploaded it), uploads in progress at `<dir>/partial/<center>/<sha256>`: each center
 * uploads its own copy, so one center's progress tells another nothing (files are per center).
 * A partial file only ever grows by chunks whose checksum matched, so its size is the confirmed
 * offset: no upload state is kept anywhere else (the running hash in upload-hashes.ts is a cache
 * of it). Chunks are not fsynced one by one; the file is fsynced once, at `complete`, before it is
 * stored and acknowledged. A crash before that may leave a torn tail (missing or zero-filled
 * bytes) that the size still counts: the desk resumes after it, and the whole-file hash at
 * `complete`, taken from the bytes on disk after a restart, refuses the upload (the desk starts
 * again from 0), so a torn tail is never stored.
 */
import type { ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export function storedPath(dir: string, sha256: string): string {
  return join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** An upload in progress: the center that sends it (a PlaceCode, safe as a folder name) and the file's hash. */
export interface Upload {
  centerCode: string;
  sha256: string;
}

export function partialPath(dir: string, upload: Upload): string {
  return join(dir, 'partial', upload.centerCode, upload.sha256);
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/** The bytes of the upload the server holds so far (0 when none). */
export async function confirmedOffset(dir: string, upload: Upload): Promise<number> {
  try {
    return (await stat(partialPath(dir, upload))).size;
  } catch (error) {
    if (isNotFound(error)) return 0;
    throw error;
  }
}

/** Appends a checked chunk. Not fsynced: `syncPartial` makes the whole file durable at once when it completes. */
export async function appendChunk(dir: string, upload: Upload, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(partialPath(dir, upload)), { recursive: true });
  const file = await open(partialPath(dir, upload), 'a');
  try {
    await file.write(bytes);
  } finally {
    await file.close();
  }
}

/** Writes the partial's bytes to disk (creating an empty one for an empty file): before it is stored and acknowledged. */
export async function syncPartial(dir: string, upload: Upload): Promise<void> {
  await mkdir(dirname(partialPath(dir, upload)), { recursive: true });
  const file = await open(partialPath(dir, upload), 'a');
  try {
    await file.sync();
  } finally {
    await file.close();
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

/**
 * Moves a verified partial into place; the folder is fsynced so the rename itself survives a crash.
 * A second center's copy of a file already stored replaces it with the same bytes (its hash matched).
 */
export async function promotePartial(dir: string, upload: Upload): Promise<void> {
  const target = storedPath(dir, upload.sha256);
  await mkdir(dirname(target), { recursive: true });
  await rename(partialPath(dir, upload), target);
  await syncFolder(dirname(target));
}

export async function removePartial(dir: string, upload: Upload): Promise<void> {
  await rm(partialPath(dir, upload), { force: true });
}

/**
 * A verified file opened for reading, with its size on disk; null when it is not there. The
 * descriptor is opened before the answer starts, so a missing file is a 404, not a broken 200.
 */
export async function openStored(dir: string, sha256: string): Promise<{ size: number; stream: ReadStream } | null> {
  let file;
  try {
    file = await open(storedPath(dir, sha256), 'r');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  try {
    const { size } = await file.stat();
    return { size, stream: file.createReadStream() };
  } catch (error) {
    await file.close();
    throw error;
  }
}
