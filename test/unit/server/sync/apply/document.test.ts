/**
 * Scanned documents a desk attaches to a case and detaches from it, as the back office keeps them in the
 * case's record (server/sync/apply/document.ts), on a real EntityStore: a document waits for its file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentPolicies } from '../../../../../server/sync/apply/document';
import { useRecords } from './store-fixture';

const records = useRecords();
const attach = documentPolicies['document.attach']!;
const detach = documentPolicies['document.detach']!;
const createdAt = '2026-11-02T09:00:00.000Z';

/** A file the back office stores and has verified for `centers`. */
async function file(...centers: string[]): Promise<string> {
  const sha = createHash('sha256').update(randomUUID()).digest('hex');
  await records.sql('INSERT INTO blobs (sha256, size) VALUES ($1, 10)', [sha]);
  for (const center of centers) await records.sql('INSERT INTO blob_centers (sha256, center_code) VALUES ($1, $2)', [sha, center]);
  return sha;
}

async function application(data: object = {}, centerCode = 'C1'): Promise<string> {
  const id = randomUUID();
  await records.history('application', id, { 1: { id, status: 'registered', ...data } }, centerCode);
  return id;
}

const attaching = (applicationId: string, payload: object, centerCode = 'C1') =>
  records.apply(
    attach,
    {
      aggregate: `application:${applicationId}`,
      kind: 'document.attach',
      baseVersion: null,
      payload: { applicationId, kind: 'passport', pages: 2, ...payload },
      createdAt,
    },
    { centerCode },
  );
const detaching = (applicationId: string, id: string, centerCode = 'C1', at = '2026-11-03T10:00:00.000Z') =>
  records.apply(
    detach,
    {
      aggregate: `application:${applicationId}`,
      kind: 'document.detach',
      baseVersion: null,
      payload: { id, applicationId, reason: 'Не той документ' },
      createdAt: at,
    },
    { centerCode },
  );

describe('document policies', () => {
  it('adds the document to the case with who attached it and when, as a new version', async () => {
    const id = await application({ notes: 'Принесе оригінал' });
    const sha = await file('C1');
    expect(await attaching(id, { id: 'doc-1', blobSha256: sha })).toEqual({ status: 'applied', version: 2 });
    const plain = { id: 'doc-1', kind: 'passport', pages: 2, blobSha256: sha, clerkId: 'clerk-1', attachedAt: createdAt, deletedAt: null };
    expect(await records.stored('application', id)).toEqual({
      version: 2,
      data: { id, status: 'registered', notes: 'Принесе оригінал', documents: [plain] },
      versions: [1, 2],
    });
    // With its receipt line and origin, when the desk sent them; after the documents already there.
    expect(await attaching(id, { id: 'doc-2', blobSha256: sha, receipt: 1, position: 2, source: 'scanner' })).toEqual({
      status: 'applied',
      version: 3,
    });
    expect((await records.stored('application', id))?.data.documents).toEqual([
      plain,
      { ...plain, id: 'doc-2', receipt: 1, position: 2, source: 'scanner' },
    ]);
  });

  it('waits while the desk’s center has not uploaded the file, even if another center has', async () => {
    const id = await application();
    const elsewhere = await file('C2');
    expect(await attaching(id, { id: 'doc-1', blobSha256: elsewhere })).toEqual({ status: 'retry_later', reason: 'blob_missing' });
    const nowhere = createHash('sha256').update('no such file').digest('hex');
    expect(await attaching(id, { id: 'doc-1', blobSha256: nowhere })).toEqual({ status: 'retry_later', reason: 'blob_missing' });
    expect(await records.stored('application', id)).toMatchObject({ version: 1, versions: [1] });
    await records.sql('INSERT INTO blob_centers (sha256, center_code) VALUES ($1, $2)', [elsewhere, 'C1']);
    expect(await attaching(id, { id: 'doc-1', blobSha256: elsewhere })).toEqual({ status: 'applied', version: 2 });
  });

  it('refuses a document twice, on a case the server lacks, on another center’s, and a malformed one', async () => {
    const sha = await file('C1', 'C2');
    const id = await application();
    await attaching(id, { id: 'doc-1', blobSha256: sha });
    expect(await attaching(id, { id: 'doc-1', blobSha256: sha, pages: 5 })).toEqual({
      status: 'rejected',
      code: 'already_exists',
      message: 'Document doc-1 is already attached',
      fieldErrors: [],
    });
    const missing = randomUUID();
    expect(await attaching(missing, { id: 'doc-1', blobSha256: sha })).toEqual({
      status: 'rejected',
      code: 'not_found',
      message: `No application ${missing}`,
      fieldErrors: [],
    });
    expect(await attaching(id, { id: 'doc-1', blobSha256: sha }, 'C2')).toMatchObject({ code: 'wrong_center' });
    expect(await attaching(id, { id: 'doc-2', blobSha256: sha, pages: 0 })).toMatchObject({
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'pages'] }],
    });
    expect(await records.stored('application', id)).toMatchObject({ version: 2, data: { documents: [{ id: 'doc-1', pages: 2 }] } });
    expect(await records.stored('application', missing)).toBeNull();
  });

  it('detaches by a tombstone with when and why, keeping the document and the others', async () => {
    const sha = await file('C1');
    const id = await application();
    await attaching(id, { id: 'doc-1', blobSha256: sha });
    await attaching(id, { id: 'doc-2', blobSha256: sha });
    expect(await detaching(id, 'doc-1')).toEqual({ status: 'applied', version: 4 });
    const stored = await records.stored('application', id);
    expect(stored).toMatchObject({ version: 4, versions: [1, 2, 3, 4] });
    expect(stored?.data.documents).toEqual([
      expect.objectContaining({
        id: 'doc-1',
        attachedAt: createdAt,
        deletedAt: '2026-11-03T10:00:00.000Z',
        detachReason: 'Не той документ',
      }),
      expect.objectContaining({ id: 'doc-2', deletedAt: null }),
    ]);
    expect(stored?.data.documents).toEqual([expect.anything(), expect.not.objectContaining({ detachReason: expect.anything() })]);
  });

  it('refuses to detach a document twice, one the case lacks, on another center’s case, and a malformed detach', async () => {
    const sha = await file('C1');
    const id = await application();
    await attaching(id, { id: 'doc-1', blobSha256: sha });
    // A document the case lacks, while another is attached.
    expect(await detaching(id, 'doc-9')).toMatchObject({ code: 'not_found', message: 'No document doc-9 on the server' });
    expect(await records.stored('application', id)).toMatchObject({ version: 2 });
    await detaching(id, 'doc-1');
    const gone = { status: 'rejected', code: 'not_found', message: 'No document doc-1 on the server', fieldErrors: [] };
    expect(await detaching(id, 'doc-1')).toEqual(gone);
    expect(await detaching(id, 'doc-9')).toMatchObject({ code: 'not_found', message: 'No document doc-9 on the server' });
    expect(await detaching(id, 'doc-1', 'C2')).toMatchObject({ code: 'wrong_center' });
    const missing = randomUUID();
    expect(await detaching(missing, 'doc-1')).toMatchObject({ code: 'not_found', message: `No application ${missing}` });
    expect(
      await records.apply(detach, {
        aggregate: `application:${id}`,
        kind: 'document.detach',
        baseVersion: null,
        payload: { id: 'doc-1', applicationId: id },
      }),
    ).toMatchObject({ code: 'invalid_payload', fieldErrors: [{ path: ['payload', 'reason'] }] });
    expect(await records.stored('application', id)).toMatchObject({ version: 3 });
  });

  it('reads a case without a document list (or a malformed one) as having none', async () => {
    const sha = await file('C1');
    const id = await application({ documents: 'none' });
    expect(await detaching(id, 'doc-1')).toMatchObject({ code: 'not_found' });
    expect(await attaching(id, { id: 'doc-1', blobSha256: sha })).toEqual({ status: 'applied', version: 2 });
    expect((await records.stored('application', id))?.data.documents).toMatchObject([{ id: 'doc-1' }]);
  });
});
