/**
 * Uploaded files are per center (issue 16): a desk of center B can neither fetch nor probe a file
 * center A uploaded, nor learn how far A's upload got; the same bytes uploaded by both serve both.
 */
import { describe, expect, it } from 'vitest';
import { uploadBlob } from '../../../main/backend/blobs/upload-blob';
import { EntityStore } from '../../../server/sync/entity-store';
import { HEADER_CHUNK_SHA256, HEADER_UPLOAD_OFFSET } from '../../../shared/blob-protocol';
import { useTempDirs } from '../../helpers/temp-dir';
import { blobHttp, randomBytes, scanFile, sha256 } from '../files/upload-helpers';
import { STORAGES, useServer } from './harness';
import type { Desk } from './harness';

const tempDir = useTempDirs();

describe.each(STORAGES)('files per center on %s', (kind) => {
  const server = useServer(kind);

  const get = (desk: Desk, sha: string) => fetch(`${server.url}/blobs/${sha}`, { headers: desk.headers });
  const head = (desk: Desk, sha: string) => fetch(`${server.url}/blobs/${sha}`, { method: 'HEAD', headers: desk.headers });
  const announce = async (desk: Desk, sha: string, size: number) =>
    (
      await fetch(`${server.url}/blobs/announce`, { method: 'POST', headers: desk.headers, body: JSON.stringify({ sha256: sha, size }) })
    ).json();

  it("answers another center's desk 404 on GET and 204 at offset 0 on HEAD and announce, and serves each center its own upload of the same bytes", async () => {
    const a = await server.enrollDesk('CA');
    const b = await server.enrollDesk('CB');
    const file = scanFile(tempDir(), 'scan.pdf', randomBytes(3000, 61));
    expect(await uploadBlob(blobHttp(server.url, a), file.sha256, file.path)).toBe('stored');
    expect((await get(a, file.sha256)).status).toBe(200);

    const refused = await get(b, file.sha256);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const probe = await head(b, file.sha256);
    expect([probe.status, probe.headers.get(HEADER_UPLOAD_OFFSET)]).toEqual([204, '0']);
    expect(await announce(b, file.sha256, 3000)).toEqual({ status: 'upload', offset: 0 });

    // B proves it has the bytes by uploading them: then both centers have the file.
    expect(await uploadBlob(blobHttp(server.url, b), file.sha256, file.path)).toBe('stored');
    for (const desk of [a, b]) {
      const response = await get(desk, file.sha256);
      expect(response.status).toBe(200);
      expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(file.sha256);
    }
    expect(await announce(b, file.sha256, 3000)).toEqual({ status: 'exists' });
    const rows = await server.storage.query<{ center_code: string }>('SELECT center_code FROM blob_centers WHERE sha256 = $1 ORDER BY 1', [
      file.sha256,
    ]);
    expect(rows.map((r) => r.center_code)).toEqual(['CA', 'CB']);
  });

  it("keeps each center's upload in progress to itself: B does not see A's offset and its chunks do not join A's", async () => {
    const a = await server.enrollDesk('CA');
    const b = await server.enrollDesk('CB');
    const bytes = randomBytes(2000, 62);
    const sha = sha256(bytes);
    const chunk = new Uint8Array(bytes.subarray(0, 1000));
    const put = (desk: Desk, offset: number) =>
      fetch(`${server.url}/blobs/${sha}?offset=${offset}`, {
        method: 'PUT',
        headers: { ...desk.headers, 'content-type': 'application/octet-stream', [HEADER_CHUNK_SHA256]: sha256(chunk) },
        body: chunk,
      });
    expect((await put(a, 0)).status).toBe(200);
    expect((await head(a, sha)).headers.get(HEADER_UPLOAD_OFFSET)).toBe('1000');
    expect((await head(b, sha)).headers.get(HEADER_UPLOAD_OFFSET)).toBe('0');
    // At A's offset, B's chunk is refused: B's own upload holds nothing yet.
    const behind = await put(b, 1000);
    expect([behind.status, behind.headers.get(HEADER_UPLOAD_OFFSET)]).toEqual([409, '0']);
  });

  it('counts a file as stored for a document only at the center that uploaded it (what document.attach asks)', async () => {
    const a = await server.enrollDesk('CA');
    const file = scanFile(tempDir(), 'scan.pdf', randomBytes(1500, 63));
    await uploadBlob(blobHttp(server.url, a), file.sha256, file.path);
    const seen = await server.storage.transaction(async (tx) => {
      const entities = new EntityStore(tx);
      return [await entities.blobStored('CA', file.sha256), await entities.blobStored('CB', file.sha256)];
    });
    expect(seen).toEqual([true, false]);
  });
});
