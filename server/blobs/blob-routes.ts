/**
 * The resumable, content-addressed file upload (shared/blob-protocol.ts, docs/SYNC.md "Files"):
 * announce → chunks at the confirmed offset → complete, where the server hashes the whole file.
 * Authenticated like sync: the device token and the acting clerk.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AnnounceRequest, BLOB_CHUNK_MAX_BYTES, HEADER_CHUNK_SHA256, HEADER_UPLOAD_OFFSET, Sha256Hex } from '../../shared/blob-protocol';
import type { AnnounceResponse, ChunkResponse, CompleteResponse } from '../../shared/blob-protocol';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import { requireDesk } from '../http/sync-headers';
import type { WithHeaders } from '../http/sync-headers';
import type { ZodTypeProvider } from '../http/zod-schemas';
import type { Storage } from '../storage/storage';
import { toInt } from '../storage/storage';
import { appendChunk, confirmedOffset, hashPartial, openStored, promotePartial, removePartial } from './blob-files';
import { readChunk } from './chunk-body';
import { createKeyedLock } from './keyed-lock';

export const DEFAULT_MAX_BLOB_BYTES = 200 * 1024 * 1024;

const ANNOUNCE_MAX_BYTES = 1024;

/** A file's hash in a path: 64 lower-case hex digits, or the path names no route (404). */
const FILE = '/blobs/:sha256([0-9a-f]{64})';
const FileParams = z.object({ sha256: Sha256Hex });
const ChunkQuery = z.object({
  offset: z
    .string()
    .refine((raw) => /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)), 'offset must be a whole number of bytes')
    .transform(Number),
});

function tooLarge(size: number, maxBytes: number): HttpError {
  return new HttpError(413, 'file_too_large', `The file is ${size} bytes; this server accepts files up to ${maxBytes} bytes`);
}

async function storedSize(storage: Storage, sha256: string): Promise<number | null> {
  const [row] = await storage.query<{ size: unknown }>('SELECT size FROM blobs WHERE sha256 = $1', [sha256]);
  return row ? toInt(row.size) : null;
}

function chunkChecksum(req: WithHeaders): string {
  const parsed = Sha256Hex.safeParse(req.headers[HEADER_CHUNK_SHA256]);
  if (!parsed.success)
    throw new HttpError(400, 'chunk_checksum_missing', `Every chunk carries its SHA-256 (hex) in ${HEADER_CHUNK_SHA256}`);
  return parsed.data;
}

/** The upload's routes; a chunk is read from the request stream as it comes, never parsed as text. */
export function blobRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage } = deps;
  const { dir, maxBytes } = deps.blobs;
  const oneAtATime = createKeyedLock();
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/blobs/announce',
      { bodyLimit: ANNOUNCE_MAX_BYTES, schema: { body: AnnounceRequest } },
      async (request): Promise<AnnounceResponse> => {
        await requireDesk(request, storage);
        const { sha256, size } = request.body;
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
    );
    app.head(FILE, { schema: { params: FileParams } }, async (request, reply) => {
      await requireDesk(request, storage);
      const { sha256 } = request.params;
      const size = await storedSize(storage, sha256);
      // 200: stored and verified; 204: an upload (possibly not begun) at this offset.
      if (size !== null) return reply.code(200).header(HEADER_UPLOAD_OFFSET, String(size)).send();
      return reply
        .code(204)
        .header(HEADER_UPLOAD_OFFSET, String(await confirmedOffset(dir, sha256)))
        .send();
    });
    // A verified file back to a desk whose retention removed its copy (docs/SYNC.md "Files").
    // Any enrolled desk may fetch any file by its hash: files are not yet scoped per center (issue 16).
    app.get(FILE, { schema: { params: FileParams } }, async (request, reply) => {
      await requireDesk(request, storage);
      const { sha256 } = request.params;
      const notFound = new HttpError(404, 'not_found', `The server holds no verified file ${sha256}`);
      // Only a row makes a file verified: a partial upload, or a file without its row yet, is not served.
      if ((await storedSize(storage, sha256)) === null) throw notFound;
      const stored = await openStored(dir, sha256);
      if (!stored) throw notFound;
      return reply
        .code(200)
        .header('content-type', 'application/octet-stream')
        .header('content-length', String(stored.size))
        .send(stored.stream);
    });
    await app.register(async (chunks) => {
      // Leaves the body unread: readChunk takes it from the request stream after the checks.
      chunks.removeAllContentTypeParsers();
      chunks.addContentTypeParser('*', (_request, _payload, done) => done(null));
      chunks
        .withTypeProvider<ZodTypeProvider>()
        .put(FILE, { schema: { params: FileParams, querystring: ChunkQuery } }, async (request): Promise<ChunkResponse> => {
          await requireDesk(request, storage);
          const { sha256 } = request.params;
          const { offset } = request.query;
          const checksum = chunkChecksum(request);
          const bytes = await readChunk(request.raw, BLOB_CHUNK_MAX_BYTES);
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
        });
    });
    app.post(`${FILE}/complete`, { schema: { params: FileParams } }, async (request): Promise<CompleteResponse> => {
      await requireDesk(request, storage);
      const { sha256 } = request.params;
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
    });
  };
}
