/**
 * The desk's side of the resumable file upload (shared/blob-protocol.ts): announce → chunks
 * from the server's confirmed offset, each with its SHA-256 → complete, where the server
 * hashes the whole file. Resuming is free: the server's offset is the only upload state.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import {
  AnnounceResponse,
  BLOB_CHUNK_MAX_BYTES,
  ChunkResponse,
  CompleteResponse,
  HEADER_CHUNK_SHA256,
  HEADER_UPLOAD_OFFSET,
} from '../../../shared/blob-protocol';
import { ErrorResponse, HEADER_ACTOR, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../../shared/sync-protocol';

export interface BlobHttpOptions {
  baseUrl: string;
  token: () => string | null;
  actor: () => string;
  fetch: typeof fetch;
  timeoutMs?: number;
}

/**
 * Why an upload stopped: `auth` (401, pause like sync), `too_large` (413, the file can never
 * go), `hash_mismatch` (the whole file failed twice: the local copy is not what its hash says),
 * `retry` (network, 5xx, repeated bad chunks: try again later, it resumes).
 */
export type BlobUploadFailure = 'auth' | 'too_large' | 'hash_mismatch' | 'retry';

export class BlobUploadError extends Error {
  constructor(
    readonly kind: BlobUploadFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Bytes of this file the server holds, after each confirmed chunk. */
export type UploadProgress = (confirmed: number, size: number) => void;

/** A chunk refused for its checksum is sent again, but a link that corrupts every time is a fault, not luck. */
const MAX_CHUNK_RESENDS = 3;
/** A dropped chunk request is re-synced with HEAD; this many in a row and the upload stops (it resumes later). */
const MAX_DROPPED_REQUESTS = 3;

async function request(
  http: BlobHttpOptions,
  path: string,
  init: { method: string; body?: Uint8Array<ArrayBuffer> | string; headers?: Record<string, string> },
): Promise<Response> {
  const token = http.token();
  if (!token) throw new BlobUploadError('auth', 'This desk is not enrolled with the back office');
  try {
    return await http.fetch(new URL(path, http.baseUrl), {
      method: init.method,
      body: init.body,
      headers: {
        [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
        [HEADER_ACTOR]: http.actor(),
        authorization: `Bearer ${token}`,
        ...init.headers,
      },
      signal: AbortSignal.timeout(http.timeoutMs ?? 60_000),
    });
  } catch (error) {
    throw new BlobUploadError('retry', `network: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function errorCode(response: Response): Promise<{ code: string; message: string }> {
  const parsed = ErrorResponse.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data.error : { code: 'unknown', message: `HTTP ${response.status}` };
}

/** The failure a non-2xx answer means when the caller has no use for it. */
async function failure(response: Response): Promise<BlobUploadError> {
  const { message } = await errorCode(response);
  if (response.status === 401) return new BlobUploadError('auth', message);
  if (response.status === 413) return new BlobUploadError('too_large', message);
  return new BlobUploadError('retry', `HTTP ${response.status}: ${message}`);
}

async function announce(http: BlobHttpOptions, sha256: string, size: number): Promise<AnnounceResponse> {
  const response = await request(http, '/blobs/announce', {
    method: 'POST',
    body: JSON.stringify({ sha256, size }),
    headers: { 'content-type': 'application/json' },
  });
  if (!response.ok) throw await failure(response);
  return AnnounceResponse.parse(await response.json());
}

async function serverOffset(http: BlobHttpOptions, sha256: string): Promise<number> {
  const response = await request(http, `/blobs/${sha256}`, { method: 'HEAD' });
  if (!response.ok) throw await failure(response);
  return Number(response.headers.get(HEADER_UPLOAD_OFFSET));
}

interface Chunk {
  bytes: Uint8Array<ArrayBuffer>;
  checksum: string;
}

async function readChunk(file: FileHandle, offset: number, size: number): Promise<Chunk> {
  const bytes = new Uint8Array(Math.min(BLOB_CHUNK_MAX_BYTES, size - offset));
  const { bytesRead } = await file.read(bytes, 0, bytes.length, offset);
  if (bytesRead !== bytes.length) throw new BlobUploadError('retry', 'The local file changed while it was uploading');
  return { bytes, checksum: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Reads and hashes chunks one ahead: the next chunk is read while the server stores this one, so
 * the desk's hashing overlaps the server's instead of adding to it. A chunk read for an offset the
 * server then moved away from (409, a lost answer) is dropped and the right one read.
 */
function chunkReader(file: FileHandle, size: number): (offset: number) => Promise<Chunk> {
  let ahead: { offset: number; chunk: Promise<Chunk> } | null = null;
  const start = (offset: number) => {
    const chunk = readChunk(file, offset, size);
    // Read ahead and maybe never awaited: its failure is reported when (if) it is used.
    chunk.catch(() => undefined);
    return { offset, chunk };
  };
  return async (offset) => {
    const current = ahead?.offset === offset ? ahead : start(offset);
    const chunk = await current.chunk;
    const next = offset + chunk.bytes.length;
    ahead = next < size ? start(next) : null;
    return chunk;
  };
}

/** Sends the file from `offset` to its end, always from where the server says it is. */
async function sendChunks(
  http: BlobHttpOptions,
  sha256: string,
  file: FileHandle,
  size: number,
  start: number,
  onProgress: UploadProgress,
): Promise<void> {
  const chunkAt = chunkReader(file, size);
  let offset = start;
  let resends = 0;
  let dropped = 0;
  while (offset < size) {
    const { bytes, checksum } = await chunkAt(offset);
    let response: Response;
    try {
      response = await request(http, `/blobs/${sha256}?offset=${offset}`, {
        method: 'PUT',
        body: bytes,
        headers: { 'content-type': 'application/octet-stream', [HEADER_CHUNK_SHA256]: checksum },
      });
    } catch (error) {
      if (!(error instanceof BlobUploadError) || error.kind !== 'retry' || ++dropped >= MAX_DROPPED_REQUESTS) throw error;
      // The chunk may or may not have landed: the server's offset says which.
      offset = await serverOffset(http, sha256);
      continue;
    }
    dropped = 0;
    if (response.status === 409) {
      offset = Number(response.headers.get(HEADER_UPLOAD_OFFSET));
      continue;
    }
    if (response.status === 400 && (await errorCode(response)).code === 'chunk_checksum_mismatch') {
      if (++resends > MAX_CHUNK_RESENDS)
        throw new BlobUploadError('retry', `A chunk at ${offset} was corrupted in transit ${resends} times`);
      continue;
    }
    if (!response.ok) throw await failure(response);
    offset = ChunkResponse.parse(await response.json()).offset;
    resends = 0;
    onProgress(offset, size);
  }
}

/** true when stored; false when the server's whole-file hash did not match (it discarded the upload). */
async function complete(http: BlobHttpOptions, sha256: string): Promise<boolean> {
  const response = await request(http, `/blobs/${sha256}/complete`, { method: 'POST' });
  if (response.status === 422) return false;
  if (!response.ok) throw await failure(response);
  CompleteResponse.parse(await response.json());
  return true;
}

/**
 * Uploads the file at `path` whose content is `sha256`. A whole-file mismatch restarts from 0
 * once (a chunk may have been corrupted between its checksum and the disk); a second one means
 * the local file is not what its hash says, and is a `hash_mismatch`.
 */
export async function uploadBlob(
  http: BlobHttpOptions,
  sha256: string,
  path: string,
  onProgress: UploadProgress = () => undefined,
): Promise<'exists' | 'stored'> {
  const file = await open(path, 'r');
  try {
    const { size } = await stat(path);
    for (let attempt = 1; ; attempt++) {
      const announced = await announce(http, sha256, size);
      if (announced.status === 'exists') {
        onProgress(size, size);
        return 'exists';
      }
      onProgress(announced.offset, size);
      await sendChunks(http, sha256, file, size, announced.offset, onProgress);
      if (await complete(http, sha256)) return 'stored';
      if (attempt === 2) throw new BlobUploadError('hash_mismatch', `The server hashed the uploaded file twice and it is not ${sha256}`);
    }
  } finally {
    await file.close();
  }
}
