import { truncateSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlobUploadError, uploadBlob } from '../../../main/backend/blobs/upload-blob';
import { toInt } from '../../../server/storage/storage';
import { HEADER_CHUNK_SHA256, HEADER_UPLOAD_OFFSET } from '../../../shared/blob-protocol';
import { useTempDirs } from '../../helpers/temp-dir';
import { STORAGES, useServer } from '../server/harness';
import type { Desk } from '../server/harness';
import { blobHttp, chunkBytes, flipByte, link, MiB, randomBytes, scanFile, sha256 } from './upload-helpers';

const tempDir = useTempDirs();

describe.each(STORAGES)('file upload on %s', (kind) => {
  const server = useServer(kind);

  async function storedSize(sha: string): Promise<number | null> {
    const [row] = await server.storage.query<{ size: unknown }>('SELECT size FROM blobs WHERE sha256 = $1', [sha]);
    return row ? toInt(row.size) : null;
  }

  function announce(desk: Desk, sha: string, size: number): Promise<Response> {
    return fetch(`${server.url}/blobs/announce`, { method: 'POST', headers: desk.headers, body: JSON.stringify({ sha256: sha, size }) });
  }

  it('uploads a small file, then answers its announce with exists and its HEAD with 200 and the size', async () => {
    const desk = await server.enrollDesk('C1');
    const bytes = randomBytes(100_000, 1);
    const file = scanFile(tempDir(), 'small.pdf', bytes);
    const progress: number[] = [];
    expect(await uploadBlob(blobHttp(server.url, desk), file.sha256, file.path, (confirmed) => progress.push(confirmed))).toBe('stored');
    expect(progress.at(-1)).toBe(bytes.length);
    expect(await storedSize(file.sha256)).toBe(bytes.length);

    expect(await (await announce(desk, file.sha256, bytes.length)).json()).toEqual({ status: 'exists' });
    const head = await fetch(`${server.url}/blobs/${file.sha256}`, { method: 'HEAD', headers: desk.headers });
    expect([head.status, head.headers.get(HEADER_UPLOAD_OFFSET)]).toEqual([200, String(bytes.length)]);
    const again = link();
    expect(await uploadBlob(blobHttp(server.url, desk, again.fetch), file.sha256, file.path)).toBe('exists');
    expect(again.sent.map((s) => `${s.method} ${s.path}`)).toEqual(['POST /blobs/announce']);
  });

  it('resumes a 50 MiB upload cut at ~60% from the server offset, and verifies the whole file', async () => {
    const desk = await server.enrollDesk('C1');
    const size = 50 * MiB;
    const file = scanFile(tempDir(), 'large.pdf', randomBytes(size, 2));
    const first = link();
    // Chunk 8 of 13 reaches the server, its answer is lost, and the link stays down.
    first.cutAfterChunk(7);
    await expect(uploadBlob(blobHttp(server.url, desk, first.fetch), file.sha256, file.path)).rejects.toMatchObject({ kind: 'retry' });
    expect(first.sent.at(-1)).toMatchObject({ method: 'HEAD', status: 'dropped' });
    expect(await storedSize(file.sha256)).toBeNull();

    const second = link();
    expect(await uploadBlob(blobHttp(server.url, desk, second.fetch), file.sha256, file.path)).toBe('stored');
    const resumedAt = second.sent.find((s) => s.method === 'PUT')?.offset;
    // The desk last heard 28 MiB; the server holds 32 and the desk starts there.
    expect(resumedAt).toBe(32 * MiB);
    expect(chunkBytes(second.sent)).toBe(size - 32 * MiB);
    expect(chunkBytes(second.sent)).toBeLessThan(0.45 * size);
    expect(second.sent.at(-1)).toMatchObject({ method: 'POST', path: `/blobs/${file.sha256}/complete`, status: 200 });
    expect(await storedSize(file.sha256)).toBe(size);
  });

  it('refuses a chunk corrupted in transit (400, not stored) and the desk sends it again', async () => {
    const desk = await server.enrollDesk('C1');
    const file = scanFile(tempDir(), 'scan.pdf', randomBytes(10 * MiB, 3));
    const wire = link();
    wire.tamper((n, body, headers) => (n === 2 ? flipByte(body, headers, false) : { body, headers }));
    expect(await uploadBlob(blobHttp(server.url, desk, wire.fetch), file.sha256, file.path)).toBe('stored');
    expect(wire.sent.filter((s) => s.method === 'PUT').map((s) => [s.offset, s.status])).toEqual([
      [0, 200],
      [4 * MiB, 400],
      [4 * MiB, 200],
      [8 * MiB, 200],
    ]);
    expect(await storedSize(file.sha256)).toBe(10 * MiB);
  });

  it('discards an upload whose whole file does not hash to its name (422), and the desk restarts from 0', async () => {
    const desk = await server.enrollDesk('C1');
    const file = scanFile(tempDir(), 'scan.pdf', randomBytes(6 * MiB, 4));
    const wire = link();
    // Corrupted before its checksum was taken: the chunk passes, only the whole-file hash catches it.
    wire.tamper((n, body, headers) => (n === 1 ? flipByte(body, headers, true) : { body, headers }));
    expect(await uploadBlob(blobHttp(server.url, desk, wire.fetch), file.sha256, file.path)).toBe('stored');
    expect(
      wire.sent.map((s) => `${s.method} ${s.path.replace(file.sha256, '<sha>')} ${s.offset ?? ''} ${s.status}`.replace('  ', ' ')),
    ).toEqual([
      'POST /blobs/announce 200',
      'PUT /blobs/<sha> 0 200',
      `PUT /blobs/<sha> ${4 * MiB} 200`,
      'POST /blobs/<sha>/complete 422',
      'POST /blobs/announce 200',
      'PUT /blobs/<sha> 0 200',
      `PUT /blobs/<sha> ${4 * MiB} 200`,
      'POST /blobs/<sha>/complete 200',
    ]);
    expect(await storedSize(file.sha256)).toBe(6 * MiB);
  });

  it('gives up with hash_mismatch when the local file is not what its hash says, leaving nothing on the server', async () => {
    const desk = await server.enrollDesk('C1');
    const named = sha256(randomBytes(1000, 5));
    const other = scanFile(tempDir(), 'other.pdf', randomBytes(1000, 6));
    await expect(uploadBlob(blobHttp(server.url, desk), named, other.path)).rejects.toMatchObject({ kind: 'hash_mismatch' });
    const head = await fetch(`${server.url}/blobs/${named}`, { method: 'HEAD', headers: desk.headers });
    expect([head.status, head.headers.get(HEADER_UPLOAD_OFFSET)]).toEqual([204, '0']);
    expect(await storedSize(named)).toBeNull();
  });

  it('refuses a file over the size limit with a clear message, at announce and on the desk', async () => {
    const desk = await server.enrollDesk('C1');
    const response = await announce(desk, 'b'.repeat(64), 201 * MiB);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: 'file_too_large', message: `The file is ${201 * MiB} bytes; this server accepts files up to ${200 * MiB} bytes` },
    });
    const path = scanFile(tempDir(), 'huge.tiff', Buffer.alloc(0)).path;
    truncateSync(path, 201 * MiB);
    const error = await uploadBlob(blobHttp(server.url, desk), 'c'.repeat(64), path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlobUploadError);
    expect(error).toMatchObject({ kind: 'too_large', message: expect.stringContaining('accepts files up to') });
  });

  it('answers a chunk at the wrong offset with 409 and the confirmed offset, and refuses chunks without a checksum or a token', async () => {
    const desk = await server.enrollDesk('C1');
    const bytes = new Uint8Array(randomBytes(1000, 7));
    const sha = sha256(bytes);
    const put = (offset: number, body: Uint8Array<ArrayBuffer>, headers: Record<string, string>) =>
      fetch(`${server.url}/blobs/${sha}?offset=${offset}`, { method: 'PUT', body, headers });
    const first = bytes.subarray(0, 400);
    expect(await (await put(0, first, { ...desk.headers, [HEADER_CHUNK_SHA256]: sha256(first) })).json()).toEqual({ offset: 400 });
    const replay = await put(0, first, { ...desk.headers, [HEADER_CHUNK_SHA256]: sha256(first) });
    expect([replay.status, replay.headers.get(HEADER_UPLOAD_OFFSET)]).toEqual([409, '400']);
    expect(await replay.json()).toMatchObject({ error: { code: 'offset_mismatch' } });
    expect((await put(400, bytes.subarray(400), desk.headers)).status).toBe(400);
    expect((await put(400, bytes.subarray(400), { [HEADER_CHUNK_SHA256]: sha256(bytes.subarray(400)) })).status).toBe(401);
    expect(await (await announce(desk, sha, bytes.length)).json()).toEqual({ status: 'upload', offset: 400 });
  });
});
