import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uploadBlob } from '../../../../main/backend/blobs/upload-blob';
import type { Mutation } from '../../../../shared/sync-protocol';
import { useTempDirs } from '../../../helpers/temp-dir';
import { blobHttp, randomBytes, scanFile } from '../../files/upload-helpers';
import { registerMutation, STORAGES, useServer } from '../../server/harness';

const tempDir = useTempDirs();

function attachMutation(register: Mutation, prev: Mutation, payload: Record<string, unknown>): Mutation {
  const applicationId = register.payload.id as string;
  return {
    mutationId: randomUUID(),
    aggregate: register.aggregate,
    prevMutationId: prev.mutationId,
    baseVersion: null,
    kind: 'document.attach',
    payload: { applicationId, kind: 'passport', pages: 2, ...payload },
    actor: 'clerk-1',
    createdAt: '2026-11-27T09:31:00.000Z',
  };
}

describe.each(STORAGES)('a document the back office stores on %s', (kind) => {
  const server = useServer(kind);

  it('keeps its receipt line and source when the desk sends them, and adds none when an older desk does not', async () => {
    const desk = await server.enrollDesk('C1');
    const file = scanFile(tempDir(), 'scan.pdf', randomBytes(5000, 61));
    await uploadBlob(blobHttp(server.url, desk), file.sha256, file.path);
    const register = registerMutation();
    const withLine = attachMutation(register, register, {
      id: randomUUID(),
      blobSha256: file.sha256,
      receipt: 2,
      position: 3,
      source: 'diia',
    });
    const older = attachMutation(register, withLine, { id: randomUUID(), blobSha256: file.sha256 });
    expect((await server.push(desk, [register, withLine, older])).map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const pulled = (await server.pull(desk, 0)).changes.filter((c) => c.id === register.payload.id).at(-1);
    const documents = pulled?.data?.documents as Record<string, unknown>[];
    expect(documents[0]).toMatchObject({ id: withLine.payload.id, receipt: 2, position: 3, source: 'diia', blobSha256: file.sha256 });
    expect(documents[1]).toMatchObject({ id: older.payload.id, blobSha256: file.sha256 });
    expect(documents[1]).not.toHaveProperty('receipt');
    expect(documents[1]).not.toHaveProperty('position');
    expect(documents[1]).not.toHaveProperty('source');
  });
});
