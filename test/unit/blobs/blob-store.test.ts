import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath, hasBlob, putBlob } from '../../../main/backend/blobs/blob-store';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('desk blob store', () => {
  it('stores bytes under their hash at blobs/ab/cd/<sha256> and leaves no temp file', async () => {
    const dataDir = tempDir();
    const bytes = Buffer.from('scan of a passport page');
    const stored = await putBlob(dataDir, bytes);
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(blobPath(dataDir, stored.sha256)).toBe(
      join(dataDir, 'blobs', stored.sha256.slice(0, 2), stored.sha256.slice(2, 4), stored.sha256),
    );
    expect(readFileSync(blobPath(dataDir, stored.sha256))).toEqual(bytes);
    expect(await hasBlob(dataDir, stored.sha256)).toBe(true);
    expect(readdirSync(join(dataDir, 'blobs')).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('streams a source file larger than one read, hashing what it wrote', async () => {
    const dataDir = tempDir();
    const source = join(tempDir(), 'scan.pdf');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    bytes.write('%PDF', 0);
    writeFileSync(source, bytes);
    const stored = await putBlob(dataDir, { path: source });
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect(sha(readFileSync(blobPath(dataDir, stored.sha256)))).toBe(stored.sha256);
  });

  it('stores the same content once, and an empty file too', async () => {
    const dataDir = tempDir();
    const first = await putBlob(dataDir, Buffer.from('same'));
    const second = await putBlob(dataDir, Buffer.from('same'));
    expect(second).toEqual(first);
    const empty = await putBlob(dataDir, new Uint8Array(0));
    expect(empty).toEqual({ sha256: sha(new Uint8Array(0)), size: 0 });
    expect(await hasBlob(dataDir, empty.sha256)).toBe(true);
  });

  it('answers hasBlob false for a hash it never stored, and leaves nothing behind when the source is missing', async () => {
    const dataDir = tempDir();
    expect(await hasBlob(dataDir, 'f'.repeat(64))).toBe(false);
    await expect(putBlob(dataDir, { path: join(dataDir, 'no-such-scan.pdf') })).rejects.toThrow(/ENOENT/);
    expect(readdirSync(join(dataDir, 'blobs'))).toEqual([]);
  });
});
