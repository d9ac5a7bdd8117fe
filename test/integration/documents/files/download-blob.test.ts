import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath } from '../../../../main/backend/blobs/blob-store';
import { downloadBlob } from '../../../../main/backend/blobs/download-blob';
import { uploadBlob } from '../../../../main/backend/blobs/upload-blob';
import type { BlobHttpOptions } from '../../../../main/backend/blobs/upload-blob';
import { AppError } from '../../../../shared/errors';
import { useTempDirs } from '../../../helpers/temp-dir';
import { blobHttp, MiB, randomBytes, scanFile } from '../../files/upload-helpers';
import { STORAGES, useServer } from '../../server/harness';

const tempDir = useTempDirs();

/** What downloadBlob threw: its code and the problem at path ['file']. */
async function refusal(download: Promise<unknown>): Promise<[string, string | undefined]> {
  const error = await download.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`Expected an AppError, got ${String(error)}`);
  return [error.code, error.issues?.find((issue) => issue.path.join('.') === 'file')?.message];
}

/** Nothing under the store's hash, and no temp file left beside it. */
function storeHolds(dataDir: string, sha: string): { file: boolean; temps: string[] } {
  const dir = join(dataDir, 'blobs');
  return { file: existsSync(blobPath(dataDir, sha)), temps: existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('.')) : [] };
}

describe.each(STORAGES)('fetching a file back from the back office on %s', (kind) => {
  const server = useServer(kind);

  async function uploaded(seed: number, size = 3 * MiB + 5): Promise<{ sha256: string; bytes: Buffer; http: BlobHttpOptions }> {
    const desk = await server.enrollDesk('C1');
    const bytes = randomBytes(size, seed);
    const file = scanFile(tempDir(), 'scan.pdf', bytes);
    await uploadBlob(blobHttp(server.url, desk), file.sha256, file.path);
    return { sha256: file.sha256, bytes, http: blobHttp(server.url, desk) };
  }

  it('stores the file under its hash, byte for byte', async () => {
    const { sha256, bytes, http } = await uploaded(51);
    const dataDir = tempDir();
    expect(await downloadBlob(http, dataDir, sha256)).toEqual({ sha256, size: bytes.length });
    expect(readFileSync(blobPath(dataDir, sha256)).equals(bytes)).toBe(true);
    expect(storeHolds(dataDir, sha256).temps).toEqual([]);
  });

  it('refuses bytes that are not the file asked for, and stores nothing', async () => {
    const { sha256, http } = await uploaded(52);
    // One flipped byte on the way, as a broken proxy might.
    const tampering: typeof fetch = async (input, init) => {
      const real = await fetch(input, init);
      const body = new Uint8Array(await real.arrayBuffer());
      body[1000] = (body[1000] ?? 0) ^ 0xff;
      return new Response(body, { status: real.status, headers: real.headers });
    };
    const dataDir = tempDir();
    expect(await refusal(downloadBlob({ ...http, fetch: tampering }, dataDir, sha256))).toEqual(['UNAVAILABLE', 'corrupt']);
    expect(storeHolds(dataDir, sha256)).toEqual({ file: false, temps: [] });
    expect(readdirSync(join(dataDir, 'blobs'))).toEqual([]);
  });

  it('says why it cannot: a file the server lacks, a token it refuses, no answer, no enrollment', async () => {
    const { sha256, http } = await uploaded(53, 100);
    const dataDir = tempDir();
    expect(await refusal(downloadBlob(http, dataDir, 'f'.repeat(64)))).toEqual(['UNAVAILABLE', 'not_on_server']);
    expect(await refusal(downloadBlob({ ...http, token: () => 'revoked' }, dataDir, sha256))).toEqual(['UNAVAILABLE', 'unauthorized']);
    const down: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    expect(await refusal(downloadBlob({ ...http, fetch: down }, dataDir, sha256))).toEqual(['UNAVAILABLE', 'offline']);
    expect(await refusal(downloadBlob({ ...http, token: () => null }, dataDir, sha256))).toEqual(['UNAVAILABLE', 'offline']);
    expect(storeHolds(dataDir, sha256)).toEqual({ file: false, temps: [] });
  });
});
