import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/http-error';

/**
 * A chunk's raw bytes and their SHA-256, refused (413) once past `maxBytes` instead of buffering
 * whatever is sent. Hashed as the parts arrive (and into `alsoInto`, the upload's running hash
 * ahead, when given), so the checks cost no pass of their own after the body has come.
 */
export async function readChunk(
  req: IncomingMessage,
  maxBytes: number,
  alsoInto: Hash | null = null,
): Promise<{ bytes: Buffer; sha256: string }> {
  const tooLarge = () => new HttpError(413, 'chunk_too_large', `A chunk is at most ${maxBytes} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    const buffer = Buffer.isBuffer(part) ? part : Buffer.from(String(part));
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    hash.update(buffer);
    alsoInto?.update(buffer);
    parts.push(buffer);
  }
  return { bytes: Buffer.concat(parts, size), sha256: hash.digest('hex') };
}
