/**
 * Fetching a file back from the back office (docs/SYNC.md "Files"): a scan retention removed
 * from this desk, which the back office verified when it was uploaded. The answer is streamed to
 * a temp file while it is hashed and enters the content-addressed store only when its hash is
 * the one asked for, so a wrong or cut answer never lands under a hash it does not have.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { readDeviceToken } from '../sync/sealed-state';
import { HEADER_ACTOR, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../../shared/sync-protocol';
import { putBlob } from './blob-store';
import type { StoredBlob } from './blob-store';
import type { BlobHttpOptions } from './upload-blob';

/**
 * Why a file could not be fetched, as the issue message at path `['file']`: `offline` (not
 * enrolled, no answer, or the back office failing), `unauthorized` (it refused this desk's token),
 * `not_on_server` (it holds no verified file of that hash), `corrupt` (the bytes it sent are not that file).
 */
export type DownloadProblem = 'offline' | 'unauthorized' | 'not_on_server' | 'corrupt';

function unavailable(problem: DownloadProblem, message: string): AppError {
  return new AppError('UNAVAILABLE', message, [{ path: ['file'], message: problem }]);
}

/** The answer's body once the back office answered 200. */
async function get(http: BlobHttpOptions, sha256: string): Promise<ReadableStream<Uint8Array>> {
  const token = http.token();
  if (!token) throw unavailable('offline', 'This desk is not enrolled with the back office, so it cannot fetch files from it');
  let response: Response;
  try {
    response = await http.fetch(new URL(`/blobs/${sha256}`, http.baseUrl), {
      headers: { [HEADER_PROTOCOL]: String(PROTOCOL_VERSION), [HEADER_ACTOR]: http.actor(), authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(http.timeoutMs ?? 60_000),
    });
  } catch (error) {
    throw unavailable('offline', `The back office cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.ok && response.body) return response.body;
  await response.body?.cancel();
  if (response.status === 401) throw unavailable('unauthorized', 'The back office refused this desk’s token; enroll the desk again');
  if (response.status === 404) throw unavailable('not_on_server', `The back office holds no file ${sha256}`);
  throw unavailable('offline', `The back office answered HTTP ${response.status} for file ${sha256}`);
}

/** Streams the answer into `temp`, hashing as it goes; the hash of what arrived. */
async function receive(body: ReadableStream<Uint8Array>, temp: string): Promise<string> {
  const hash = createHash('sha256');
  const file = await open(temp, 'wx');
  try {
    for await (const chunk of body) {
      hash.update(chunk);
      await file.write(chunk);
    }
  } catch (error) {
    throw unavailable(
      'offline',
      `The file stopped arriving from the back office: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}

/** GET /blobs/<sha256> from the back office, verified against its hash, stored with putBlob; throws AppError UNAVAILABLE when it cannot. */
export async function downloadBlob(http: BlobHttpOptions, dataDir: string, sha256: string): Promise<StoredBlob> {
  const body = await get(http, sha256);
  const dir = join(dataDir, 'blobs');
  const temp = join(dir, `.download-${randomUUID()}`);
  try {
    await mkdir(dir, { recursive: true });
    const received = await receive(body, temp);
    if (received !== sha256) {
      throw unavailable('corrupt', `The back office sent a file that hashes to ${received}, not ${sha256}; nothing was stored`);
    }
    return await putBlob(dataDir, { path: temp });
  } finally {
    // Unread when the store could not take it: the connection is let go rather than left waiting.
    await body.cancel().catch(() => undefined);
    await rm(temp, { force: true });
  }
}

/**
 * How this desk reaches the back office's files, as the sync service reaches them (its device
 * token, the acting clerk); null on a standalone desk or one not enrolled yet.
 */
export function deskBlobHttp(db: Db, baseUrl: string | null, actor: () => string, fetchFn: typeof fetch): BlobHttpOptions | null {
  if (baseUrl === null || readDeviceToken(db) === null) return null;
  return { baseUrl, token: () => readDeviceToken(db), actor, fetch: fetchFn };
}
