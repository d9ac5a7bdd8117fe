/**
 * The resumable, content-addressed file upload (shared/blob-protocol.ts, docs/SYNC.md "Files"):
 * announce → chunks at the confirmed offset → complete, where the server hashes the whole file.
 * Authenticated like sync: the device token and the acting clerk.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AnnounceRequest, BLOB_CHUNK_MAX_BYTES, HEADER_CHUNK_SHA256, HEADER_UPLOAD_OFFSET, Sha256Hex } from '../../shared/blob-protocol';
import type { AnnounceResponse, ChunkResponse, CompleteResponse } from '../../shared/blob-protocol';
import { parseBody, readBody } from '../http/body';
import { HttpError } from '../http/http-error';
import { Reply } from '../http/reply';
import type { Handler } from '../http/handler';
import { requireDesk } from '../http/sync-headers';
import type { Storage } from '../storage/storage';
import { toInt } from '../storage/storage';
import { appendChunk, confirmedOffset, hashPartial, promotePartial, removePartial } from './blob-files';
import { readChunk } from './chunk-body';
import { createKeyedLock } from './keyed-lock';

export interface BlobOptions {
  /** `<data>/blobs`: on the server's data folder for PGlite and PostgreSQL alike. */
  dir: string;
  /** The largest file accepted; bigger ones are refused at announce and at any chunk that would pass it. */
  maxBytes: number;
}

export const DEFAULT_MAX_BLOB_BYTES = 200 * 1024 * 1024;

const ANNOUNCE_MAX_BYTES = 1024;

/** The hash a `/blobs/<sha256>…` path names: the router matched it as 64 lower-case hex digits (routePath). */
function pathSha(url: URL): string {
  return url.pathname.split('/')[2] ?? '';
}

function tooLarge(size: number, maxBytes: number): HttpError {
  return new HttpError(413, 'file_too_large', `The file is ${size} bytes; this server accepts files up to ${maxBytes} bytes`);
}

async function storedSize(storage: Storage, sha256: string): Promise<number | null> {
  const [row] = await storage.query<{ size: unknown }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256]);
  return row ? toInt(row.size) : null;
}

function chunkOffset(url: URL): number {
  const raw = url.searchParams.get('offset') ?? '';
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
    throw new HttpError(400, 'invalid_query', 'offset must be a whole number of bytes');
  return Number(raw);
}

function chunkChecksum(req: IncomingMessage): string {
  const parsed = Sha256Hex.safeParse(req.headers[HEADER_CHUNK_SHA256]);
  if (!parsed.success)
    throw new HttpError(400, 'chunk_checksum_missing', `Every chunk carries its SHA-256 (hex) in ${HEADER_CHUNK_SHA256}`);
  return parsed.data;
}

/** Routes keyed like routes.ts, `:sha256` standing for the file's hash in the path. */
export function blobRoutes(storage: Storage, options: BlobOptions): [string, Handler][] {
  const { dir, maxBytes } = options;
  const oneAtATime = createKeyedLock();
  return [
    [
      'POST /blobs/announce',
      async (req): Promise<AnnounceResponse> => {
        await requireDesk(req, storage);
        const { sha256, size } = parseBody(await readBody(req, ANNOUNCE_MAX_BYTES), AnnounceRequest);
        if (size > maxBytes) throw tooLarge(size, maxBytes);
        if ((await storedSize(storage, sha256)) !== null) return { status: 'exists' };
        return oneAtATime(sha256, async () => {
          const offset = await confirmedOffset(dir, sha256);
          if (offset <= size) return { status: 'upload', offset };
          // More bytes than the file has: not this file; start over.
          await removePartial(dir, sha256);
          return { status: 'upload', offset: 0 };
        });
      },
    ],
    [
      'HEAD /blobs/:sha256',
      async (req, url): Promise<Reply> => {
        await requireDesk(req, storage);
        const sha256 = pathSha(url);
        const size = await storedSize(storage, sha256);
        // 200: stored and verified; 204: an upload (possibly not begun) at this offset.
        if (size !== null) return new Reply(200, null, { [HEADER_UPLOAD_OFFSET]: String(size) });
        return new Reply(204, null, { [HEADER_UPLOAD_OFFSET]: String(await confirmedOffset(dir, sha256)) });
      },
    ],
    [
      'PUT /blobs/:sha256',
      async (req, url): Promise<ChunkResponse> => {
        await requireDesk(req, storage);
        const sha256 = pathSha(url);
        const offset = chunkOffset(url);
        const checksum = chunkChecksum(req);
        const bytes = await readChunk(req, BLOB_CHUNK_MAX_BYTES);
        if (createHash('sha256').update(bytes).digest('hex') !== checksum) {
          throw new HttpError(400, 'chunk_checksum_mismatch', 'The chunk does not match its checksum; it was not stored, send it again');
        }
        if (offset + bytes.length > maxBytes) throw tooLarge(offset + bytes.length, maxBytes);
        return oneAtATime(sha256, async () => {
          const confirmed = await confirmedOffset(dir, sha256);
          if (offset !== confirmed) {
            throw new HttpError(409, 'offset_mismatch', `The server holds ${confirmed} bytes of this file; send from there`, {
              [HEADER_UPLOAD_OFFSET]: String(confirmed),
            });
          }
          await appendChunk(dir, sha256, bytes);
          return { offset: confirmed + bytes.length };
        });
      },
    ],
    [
      'POST /blobs/:sha256/complete',
      async (req, url): Promise<CompleteResponse> => {
        await requireDesk(req, storage);
        const sha256 = pathSha(url);
        if ((await storedSize(storage, sha256)) !== null) return { status: 'stored' };
        return oneAtATime(sha256, async () => {
          // An empty file has no chunks: this makes its partial exist.
          await appendChunk(dir, sha256, new Uint8Array(0));
          const size = await confirmedOffset(dir, sha256);
          if ((await hashPartial(dir, sha256)) !== sha256) {
            await removePartial(dir, sha256);
            throw new HttpError(
              422,
              'file_hash_mismatch',
              'The uploaded bytes do not hash to the announced SHA-256; the upload was discarded, send the file again from 0',
            );
          }
          await promotePartial(dir, sha256);
          // After the rename: a row always names a file on disk. A crash in between leaves a file without a row, and the next upload of it restores the row.
          await storage.query('INSERT INTO blobs (sha256, size) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [sha256, size]);
          return { status: 'stored' };
        });
      },
    ],
  ];
}
