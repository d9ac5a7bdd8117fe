/**
 * A back office that stops mid-upload (chunks are not fsynced one by one, docs/ARCHITECTURE.md
 * §7.4): a second server on the same storage and file folder stands for the restart, with no
 * upload state in memory. Whatever the crash left in the partial file, what is stored is the file.
 */
import { readFileSync, writeSync, openSync, closeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uploadBlob } from '../../../main/backend/blobs/upload-blob';
import { startServer } from '../../../server/app';
import { partialPath, storedPath } from '../../../server/blobs/blob-files';
import { DEFAULT_MAX_BLOB_BYTES } from '../../../server/blobs/blob-routes';
import type { Storage } from '../../../server/storage/storage';
import { useTempDirs } from '../../helpers/temp-dir';
import { STORAGES, useServer } from '../server/harness';
import { blobHttp, link, MiB, randomBytes, scanFile } from './upload-helpers';
import type { Sent } from './upload-helpers';

const tempDir = useTempDirs();

function wire(sent: readonly Sent[], sha: string): string[] {
  return sent.map((s) => [s.method, s.path.replace(sha, '<sha>'), s.offset, s.status].filter((part) => part !== null).join(' '));
}

describe.each(STORAGES)('an upload across a back-office restart on %s', (kind) => {
  const server = useServer(kind);

  /** Cuts the link once the second 4 MiB chunk has reached the server: it holds 8 MiB of the 12. */
  async function halfUploaded(name: string, seed: number) {
    const desk = await server.enrollDesk('C1');
    const bytes = randomBytes(12 * MiB, seed);
    const file = scanFile(tempDir(), name, bytes);
    const first = link();
    first.cutAfterChunk(1);
    await expect(uploadBlob(blobHttp(server.url, desk, first.fetch), file.sha256, file.path)).rejects.toMatchObject({ kind: 'retry' });
    return { desk, bytes, file, partial: partialPath(server.blobDir, { centerCode: 'C1', sha256: file.sha256 }) };
  }

  /** Another server on the same data: the first one's memory is gone. Its close leaves the shared storage open for the harness. */
  async function restarted() {
    const { storage } = server;
    const shared: Storage = {
      kind: storage.kind,
      query: (sql, params) => storage.query(sql, params),
      exec: (sql) => storage.exec(sql),
      transaction: (fn) => storage.transaction(fn),
      close: () => Promise.resolve(),
    };
    return startServer(shared, '127.0.0.1', 0, { dir: server.blobDir, maxBytes: DEFAULT_MAX_BLOB_BYTES });
  }

  it('resumes from the bytes the restarted server holds, re-reading them for the whole-file hash', async () => {
    const { desk, bytes, file } = await halfUploaded('resumed.pdf', 11);
    const again = await restarted();
    try {
      const second = link();
      expect(await uploadBlob(blobHttp(again.url, desk, second.fetch), file.sha256, file.path)).toBe('stored');
      expect(wire(second.sent, file.sha256)).toEqual([
        'POST /blobs/announce 200',
        `PUT /blobs/<sha> ${8 * MiB} 200`,
        'POST /blobs/<sha>/complete 200',
      ]);
      expect(readFileSync(storedPath(server.blobDir, file.sha256)).equals(bytes)).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('never stores a torn tail: the whole-file hash refuses it and the desk sends the file again from 0', async () => {
    const { desk, bytes, file, partial } = await halfUploaded('torn.pdf', 12);
    // A crash before the fsync: the size reached the disk, the last 2 MiB of data did not (zeros).
    const fd = openSync(partial, 'r+');
    writeSync(fd, Buffer.alloc(2 * MiB), 0, 2 * MiB, 6 * MiB);
    closeSync(fd);
    const again = await restarted();
    try {
      const second = link();
      expect(await uploadBlob(blobHttp(again.url, desk, second.fetch), file.sha256, file.path)).toBe('stored');
      expect(wire(second.sent, file.sha256)).toEqual([
        'POST /blobs/announce 200',
        `PUT /blobs/<sha> ${8 * MiB} 200`,
        'POST /blobs/<sha>/complete 422',
        'POST /blobs/announce 200',
        'PUT /blobs/<sha> 0 200',
        `PUT /blobs/<sha> ${4 * MiB} 200`,
        `PUT /blobs/<sha> ${8 * MiB} 200`,
        'POST /blobs/<sha>/complete 200',
      ]);
      expect(readFileSync(storedPath(server.blobDir, file.sha256)).equals(bytes)).toBe(true);
    } finally {
      await again.close();
    }
  });
});
