/**
 * The file (scan) upload between a desk and the back office (docs/ARCHITECTURE.md §7.4,
 * docs/SYNC.md): content-addressed by SHA-256 and resumable. The desk announces a hash, sends
 * chunks at the server's confirmed offset each with its own checksum, and asks the server to
 * verify the whole file. Both sides validate bodies with these schemas.
 */
import { z } from 'zod';

/** The largest chunk body a desk sends and the server accepts. */
export const BLOB_CHUNK_MAX_BYTES = 4 * 1024 * 1024;

/** The SHA-256 (hex) of one chunk's body, on `PUT /blobs/<sha256>`. */
export const HEADER_CHUNK_SHA256 = 'x-chunk-sha256';
/** The bytes the server holds for an upload, on `HEAD /blobs/<sha256>` and a refused chunk. */
export const HEADER_UPLOAD_OFFSET = 'x-upload-offset';

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits');

export const AnnounceRequest = z.object({ sha256: Sha256Hex, size: z.number().int().nonnegative() }).strict();
export type AnnounceRequest = z.infer<typeof AnnounceRequest>;

export const AnnounceResponse = z.discriminatedUnion('status', [
  /** The server already has this file verified: nothing to send. */
  z.object({ status: z.literal('exists') }),
  /** Send from `offset` (0 for a new upload, more when resuming). */
  z.object({ status: z.literal('upload'), offset: z.number().int().nonnegative() }),
]);
export type AnnounceResponse = z.infer<typeof AnnounceResponse>;

/** A chunk's answer: 200 when appended, 409 when it was not at the confirmed offset. Both name that offset. */
export const ChunkResponse = z.object({ offset: z.number().int().nonnegative() });
export type ChunkResponse = z.infer<typeof ChunkResponse>;

export const CompleteResponse = z.object({ status: z.literal('stored') });
export type CompleteResponse = z.infer<typeof CompleteResponse>;
