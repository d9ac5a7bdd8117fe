import type { IncomingMessage } from 'node:http';
import { HttpError } from '../http/http-error';

/** A chunk's raw bytes, refused (413) once past `maxBytes` instead of buffering whatever is sent. */
export async function readChunk(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'chunk_too_large', `A chunk is at most ${maxBytes} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of req) {
    const buffer = Buffer.isBuffer(part) ? part : Buffer.from(String(part));
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    parts.push(buffer);
  }
  return Buffer.concat(parts);
}
