import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partialPath } from '../../../../server/blobs/blob-files';
import { createUploadHashes } from '../../../../server/blobs/upload-hashes';
import { useTempDirs } from '../../../helpers/temp-dir';

const tempDir = useTempDirs();
const upload = { centerCode: 'C1', sha256: 'a'.repeat(64) };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** One chunk as the route handles it: hashed ahead or not, and the server maybe restarted (memory gone) before it. */
const Step = fc.record({ bytes: fc.uint8Array({ maxLength: 64 }), ahead: fc.boolean(), restartBefore: fc.boolean() });

describe('the running hash of an upload', () => {
  it('is always the SHA-256 of the bytes appended, whether chunks were hashed ahead, on arrival, or re-read after a restart', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Step, { maxLength: 8 }), fc.boolean(), async (steps, restartAtEnd) => {
        const dir = tempDir();
        const path = partialPath(dir, upload);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, '');
        let hashes = createUploadHashes(dir);
        let size = 0;
        for (const step of steps) {
          if (step.restartBefore) hashes = createUploadHashes(dir);
          const ahead = step.ahead ? hashes.ahead(upload, size) : null;
          ahead?.hash.update(step.bytes);
          const running = await hashes.at(upload, size);
          appendFileSync(path, step.bytes);
          hashes.add(running, step.bytes, ahead);
          size += step.bytes.length;
        }
        if (restartAtEnd) hashes = createUploadHashes(dir);
        const all = Buffer.concat(steps.map((step) => step.bytes));
        expect((await hashes.at(upload, size)).hash.digest('hex')).toBe(sha256(all));
      }),
      { numRuns: 60 },
    );
  });

  it("does not trust a kept hash whose size is not the partial's: it re-reads the file", async () => {
    const dir = tempDir();
    const path = partialPath(dir, upload);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'abc');
    const hashes = createUploadHashes(dir);
    const running = await hashes.at(upload, 3);
    hashes.add(running, Buffer.from('d'));
    // The file lost its last byte behind the cache's back (the chunk's write did not land): the cache is at 4, the file at 3.
    expect((await hashes.at(upload, 3)).hash.digest('hex')).toBe(sha256(Buffer.from('abc')));
  });

  it('hashes ahead only from the kept hash at that offset, and takes bytes hashed ahead of another offset again', async () => {
    const dir = tempDir();
    const path = partialPath(dir, upload);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'ab');
    const hashes = createUploadHashes(dir);
    expect(hashes.ahead(upload, 2)).toBeNull();
    const running = await hashes.at(upload, 2);
    expect(hashes.ahead(upload, 1)).toBeNull();
    const ahead = hashes.ahead(upload, 2);
    // Another chunk was appended first: what went into `ahead` is stale and must not be used.
    appendFileSync(path, 'c');
    hashes.add(running, Buffer.from('c'));
    ahead?.hash.update('x');
    appendFileSync(path, 'd');
    hashes.add(running, Buffer.from('d'), ahead);
    expect((await hashes.at(upload, 4)).hash.digest('hex')).toBe(sha256(Buffer.from('abcd')));
  });

  it('forgets the oldest upload past its limit, and re-reads it when it comes back', async () => {
    const dir = tempDir();
    const other = { centerCode: 'C2', sha256: 'b'.repeat(64) };
    for (const [u, text] of [
      [upload, 'one'],
      [other, 'two'],
    ] as const) {
      mkdirSync(dirname(partialPath(dir, u)), { recursive: true });
      writeFileSync(partialPath(dir, u), text);
    }
    const hashes = createUploadHashes(dir, 1);
    const first = await hashes.at(upload, 3);
    await hashes.at(other, 3);
    expect(hashes.ahead(upload, 3)).toBeNull();
    const again = await hashes.at(upload, 3);
    expect(again).not.toBe(first);
    expect(again.hash.digest('hex')).toBe(sha256(Buffer.from('one')));
  });
});
