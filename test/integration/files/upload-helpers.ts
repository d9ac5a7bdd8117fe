/** Files and fetch wrappers for the upload tests: deterministic content, and a link that misbehaves on cue. */
import { createCipheriv, createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlobHttpOptions } from '../../../main/backend/blobs/upload-blob';
import { HEADER_CHUNK_SHA256 } from '../../../shared/blob-protocol';
import type { Desk } from '../server/harness';

export const MiB = 1024 * 1024;

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `size` pseudo-random bytes, the same for the same seed (AES-CTR over zeros: fast enough for 50 MiB). */
export function randomBytes(size: number, seed: number): Buffer {
  const key = createHash('sha256').update(`vikno-${seed}`).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(size));
}

/** Writes `bytes` to `<dir>/<name>` and names its hash. */
export function scanFile(dir: string, name: string, bytes: Buffer): { path: string; sha256: string } {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, sha256: sha256(bytes) };
}

/** One request as the wire saw it. */
export interface Sent {
  method: string;
  path: string;
  /** The `offset` query of a chunk. */
  offset: number | null;
  bodyBytes: number;
  status: number | 'dropped';
}

/** What the wrapper may do to the nth chunk (1-based) before it goes: change its body or headers. */
type Chunk = { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> };
export type ChunkTamper = (n: number, body: Uint8Array<ArrayBuffer>, headers: Record<string, string>) => Chunk;

export interface Link {
  fetch: typeof fetch;
  sent: Sent[];
  /** From the nth chunk on, the request reaches the server but its answer is lost, and every later request fails: the cable is cut. */
  cutAfterChunk(n: number): void;
  tamper(fn: ChunkTamper): void;
}

/** A fetch that records every request and fails or tampers on cue. */
export function link(): Link {
  const sent: Sent[] = [];
  let cutAt = Infinity;
  let cut = false;
  let tamper: ChunkTamper = (_n, body, headers) => ({ body, headers });
  let chunks = 0;
  const wrapped = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const method = init.method ?? 'GET';
    const record: Sent = {
      method,
      path: url.pathname,
      offset: url.searchParams.has('offset') ? Number(url.searchParams.get('offset')) : null,
      bodyBytes: 0,
      status: 'dropped',
    };
    sent.push(record);
    if (cut) throw new TypeError('fetch failed: the link is down');
    let body = init.body;
    let headers = { ...(init.headers as Record<string, string>) };
    if (method === 'PUT' && body instanceof Uint8Array) {
      chunks++;
      const chunk = tamper(chunks, body as Uint8Array<ArrayBuffer>, headers);
      ({ body, headers } = chunk);
      record.bodyBytes = chunk.body.length;
      if (chunks >= cutAt) cut = true;
    }
    const response = await fetch(url, { ...init, body, headers });
    if (cut) throw new TypeError('fetch failed: connection reset');
    record.status = response.status;
    return response;
  };
  return {
    fetch: wrapped as typeof fetch,
    sent,
    cutAfterChunk: (n) => {
      cutAt = n + 1;
    },
    tamper: (fn) => {
      tamper = fn;
    },
  };
}

/** A chunk with one byte flipped: the header still names the original's checksum unless `rehash`. */
export function flipByte(body: Uint8Array<ArrayBuffer>, headers: Record<string, string>, rehash: boolean): Chunk {
  const copy = Uint8Array.from(body);
  copy[Math.floor(copy.length / 2)] = (copy[Math.floor(copy.length / 2)] ?? 0) ^ 0xff;
  return { body: copy, headers: rehash ? { ...headers, [HEADER_CHUNK_SHA256]: sha256(copy) } : headers };
}

export function blobHttp(url: string, desk: Desk, fetchFn: typeof fetch = fetch): BlobHttpOptions {
  return { baseUrl: url, token: () => desk.token, actor: () => 'clerk-1', fetch: fetchFn };
}

export function chunkBytes(sent: readonly Sent[]): number {
  return sent.filter((s) => s.method === 'PUT').reduce((sum, s) => sum + s.bodyBytes, 0);
}
