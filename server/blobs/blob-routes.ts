/**
 * The resumable, content-addressed file upload (shared/blob-protocol.ts, docs/SYNC.md "Files"):
 * announce → chunks at the confirmed offset → complete, where the server checks the whole file's
 * hash (kept running across the chunks, upload-hashes.ts) and fsyncs it once before storing it.
 * Authenticated like sync: the device token and the acting clerk. Files are per center: a desk
 * sees (announce, HEAD, GET) only files its own center uploaded, and its center's upload in
 * progress; a hash another center stored is a 404 to it, and it uploads its own copy.
 */
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
import { appendChunk, confirmedOffset, openStored, promotePartial, removePartial, syncPartial } from './blob-files';
import type { Upload } from './blob-files';
import { readChunk } from './chunk-body';
import { createKeyedLock } from './keyed-lock';
import { createUploadHashes } from './upload-hashes';

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

/** The size of a verified file the center uploaded; null when that center has no such file (whoever else has). */
async function storedSize(storage: Storage, upload: Upload): Promise<number | null> {
  const [row] = await storage.query<{ size: unknown }>(
    'SELECT b.size FROM blobs b JOIN blob_centers c ON c.sha256 = b.sha256 WHERE c.center_code = $1 AND b.sha256 = $2',
    [upload.centerCode, upload.sha256],
  );
  return row ? toInt(row.size) : null;
}

/** The desk's upload of the file in the path: its center's copy. */
async function deskUpload(request: WithHeaders & { params: { sha256: string } }, storage: Storage): Promise<Upload> {
  const { device } = await requireDesk(request, storage);
  return { centerCode: device.centerCode, sha256: request.params.sha256 };
}

/** Upload locks per center and file: two centers' copies of one file go on side by side. */
const lockKey = (upload: Upload) => `${upload.centerCode}/${upload.sha256}`;

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
  const hashes = createUploadHashes(dir);
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/blobs/announce',
      { bodyLimit: ANNOUNCE_MAX_BYTES, schema: { body: AnnounceRequest } },
      async (request): Promise<AnnounceResponse> => {
        const { device } = await requireDesk(request, storage);
        const { sha256, size } = request.body;
        const upload = { centerCode: device.centerCode, sha256 };
        if (size > maxBytes) throw tooLarge(size, maxBytes);
        if ((await storedSize(storage, upload)) !== null) return { status: 'exists' };
        return oneAtATime(lockKey(upload), async () => {
          const offset = await confirmedOffset(dir, upload);
          if (offset <= size) return { status: 'upload', offset };
          // More bytes than the file has: not this file; start over.
          hashes.forget(upload);
          await removePartial(dir, upload);
          return { status: 'upload', offset: 0 };
        });
      },
    );
    app.head(FILE, { schema: { params: FileParams } }, async (request, reply) => {
      const upload = await deskUpload(request, storage);
      const size = await storedSize(storage, upload);
      // 200: stored and verified for this center; 204: its upload (possibly not begun) at this offset.
      if (size !== null) return reply.code(200).header(HEADER_UPLOAD_OFFSET, String(size)).send();
      return reply
        .code(204)
        .header(HEADER_UPLOAD_OFFSET, String(await confirmedOffset(dir, upload)))
        .send();
    });
    // A verified file back to a desk whose retention removed its copy (docs/SYNC.md "Files"), only
    // if its center uploaded it: 404, not 403, for another center's file, so a hash probes nothing.
    app.get(FILE, { schema: { params: FileParams } }, async (request, reply) => {
      const upload = await deskUpload(request, storage);
      const notFound = new HttpError(404, 'not_found', `The server holds no verified file ${upload.sha256} of center ${upload.centerCode}`);
      // Only a row makes a file verified: a partial upload, or a file without its row yet, is not served.
      if ((await storedSize(storage, upload)) === null) throw notFound;
      const stored = await openStored(dir, upload.sha256);
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
          const upload = await deskUpload(request, storage);
          const { offset } = request.query;
          const checksum = chunkChecksum(request);
          const ahead = hashes.ahead(upload, offset);
          const { bytes, sha256 } = await readChunk(request.raw, BLOB_CHUNK_MAX_BYTES, ahead?.hash);
          if (sha256 !== checksum) {
            throw new HttpError(400, 'chunk_checksum_mismatch', 'The chunk does not match its checksum; it was not stored, send it again');
          }
          if (offset + bytes.length > maxBytes) throw tooLarge(offset + bytes.length, maxBytes);
          return oneAtATime(lockKey(upload), async () => {
            const confirmed = await confirmedOffset(dir, upload);
            if (offset !== confirmed) {
              throw new HttpError(409, 'offset_mismatch', `The server holds ${confirmed} bytes of this file; send from there`, {
                [HEADER_UPLOAD_OFFSET]: String(confirmed),
              });
            }
            const running = await hashes.at(upload, confirmed);
            try {
              await appendChunk(dir, upload, bytes);
            } catch (error) {
              // Some of the chunk may have landed: the next chunk re-reads what the file holds.
              hashes.forget(upload);
              throw error;
            }
            hashes.add(running, bytes, ahead);
            return { offset: confirmed + bytes.length };
          });
        });
    });
    app.post(`${FILE}/complete`, { schema: { params: FileParams } }, async (request): Promise<CompleteResponse> => {
      const upload = await deskUpload(request, storage);
      const { centerCode, sha256 } = upload;
      if ((await storedSize(storage, upload)) !== null) return { status: 'stored' };
      return oneAtATime(lockKey(upload), async () => {
        // Durable before it is checked and stored (chunks are not fsynced one by one); an empty file has no chunks: this makes its partial exist.
        await syncPartial(dir, upload);
        const size = await confirmedOffset(dir, upload);
        const digest = (await hashes.at(upload, size)).hash.digest('hex');
        hashes.forget(upload);
        if (digest !== sha256) {
          await removePartial(dir, upload);
          throw new HttpError(
            422,
            'file_hash_mismatch',
            'The uploaded bytes do not hash to the announced SHA-256; the upload was discarded, send the file again from 0',
          );
        }
        await promotePartial(dir, upload);
        // After the rename: a row always names a file on disk. A crash in between leaves a file without a row, and the next upload of it restores the row.
        await storage.transaction(async (tx) => {
          await tx.query('INSERT INTO blobs (sha256, size) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [sha256, size]);
          await tx.query('INSERT INTO blob_centers (sha256, center_code) VALUES ($1, $2) ON CONFLICT DO NOTHING', [sha256, centerCode]);
        });
        return { status: 'stored' };
      });
    });
  };
}
