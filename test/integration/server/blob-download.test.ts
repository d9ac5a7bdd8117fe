import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uploadBlob } from '../../../main/backend/blobs/upload-blob';
import { storedPath } from '../../../server/blobs/blob-files';
import { HEADER_CHUNK_SHA256 } from '../../../shared/blob-protocol';
import { useTempDirs } from '../../helpers/temp-dir';
import { blobHttp, MiB, randomBytes, scanFile, sha256 } from '../files/upload-helpers';
import { STORAGES, useServer } from './harness';

const tempDir = useTempDirs();

describe.each(STORAGES)('GET /blobs/:sha256 on %s', (kind) => {
  const server = useServer(kind);

  it('answers 200 with the very bytes a desk uploaded, as an octet stream of its length', async () => {
    const desk = await server.enrollDesk('C1');
    // Larger than a chunk, so the answer is streamed from the file, not one buffer.
    const bytes = randomBytes(5 * MiB + 17, 41);
    const file = scanFile(tempDir(), 'scan.pdf', bytes);
    expect(await uploadBlob(blobHttp(server.url, desk), file.sha256, file.path)).toBe('stored');

    const response = await fetch(`${server.url}/blobs/${file.sha256}`, { headers: desk.headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(file.sha256);
  });

  it('refuses a request without a device token, or with a revoked one, with 401', async () => {
    const desk = await server.enrollDesk('C1');
    const file = scanFile(tempDir(), 'scan.pdf', randomBytes(1000, 42));
    await uploadBlob(blobHttp(server.url, desk), file.sha256, file.path);

    const anonymous = await fetch(`${server.url}/blobs/${file.sha256}`, { headers: { 'x-vikno-actor': 'clerk-1' } });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const forged = await fetch(`${server.url}/blobs/${file.sha256}`, { headers: { ...desk.headers, authorization: 'Bearer not-a-token' } });
    expect(forged.status).toBe(401);
  });

  it('answers 404 not_found for an unknown file, a partial upload, a file without its row and a verified file lost from disk', async () => {
    const desk = await server.enrollDesk('C1');
    const notFound = async (sha: string) => {
      const response = await fetch(`${server.url}/blobs/${sha}`, { headers: desk.headers });
      return [response.status, ((await response.json()) as { error: { code: string } }).error.code];
    };
    expect(await notFound('a'.repeat(64))).toEqual([404, 'not_found']);

    // One chunk of two sent: the server holds a prefix, which is no file.
    const bytes = randomBytes(2000, 43);
    const sha = sha256(bytes);
    const chunk = new Uint8Array(bytes.subarray(0, 1000));
    const put = await fetch(`${server.url}/blobs/${sha}?offset=0`, {
      method: 'PUT',
      headers: { ...desk.headers, 'content-type': 'application/octet-stream', [HEADER_CHUNK_SHA256]: sha256(chunk) },
      body: chunk,
    });
    expect(put.status).toBe(200);
    expect(await notFound(sha)).toEqual([404, 'not_found']);

    // A crash between the rename and the row leaves a file the server does not count as stored (HEAD says 204): not served either.
    const orphan = randomBytes(1000, 45);
    const orphanPath = storedPath(server.blobDir, sha256(orphan));
    mkdirSync(dirname(orphanPath), { recursive: true });
    writeFileSync(orphanPath, orphan);
    expect(await notFound(sha256(orphan))).toEqual([404, 'not_found']);

    const lost = scanFile(tempDir(), 'lost.pdf', randomBytes(1000, 44));
    await uploadBlob(blobHttp(server.url, desk), lost.sha256, lost.path);
    rmSync(storedPath(server.blobDir, lost.sha256));
    expect(await notFound(lost.sha256)).toEqual([404, 'not_found']);
  });
});
