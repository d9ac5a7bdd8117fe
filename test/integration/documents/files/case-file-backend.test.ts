import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { putBlob } from '../../../../main/backend/blobs/blob-store';
import { DEFAULT_DESK } from '../../../../main/backend/config/desk-config';
import { openDatabase } from '../../../../main/backend/db/open';
import { attachDocument } from '../../../../main/backend/documents/attach-document';
import { STORAGES, useServer } from '../../server/harness';
import { stampOf, useSyncWorld, value } from '../../sync/desk-harness';
import { smallPdf } from './case-file-desk';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(STORAGES)('case files through a running desk backend on %s', (kind) => {
  const server = useServer(kind);
  const world = useSyncWorld(server);

  it('lists a synced document as uploaded, purges it past the retention, fetches it back, and says offline when the link is down', async () => {
    let clock = new Date('2026-11-27T09:30:00Z');
    let down = false;
    const link: typeof fetch = (input, init) => (down ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
    const options = { now: () => clock, fetch: link };
    const first = world.openDesk('31', options);
    await first.enroll();
    const app = await first.register();
    await first.close();

    // Attached while the desk is closed, as scanning would have (the desk's own attach flow is another part's).
    const pdf = await smallPdf('through the backend');
    const blob = await putBlob(first.dataDir, pdf);
    const { actor, sessionId } = stampOf(first);
    const db = openDatabase(first.dbFile);
    const documentId = attachDocument(
      { db, clerkId: actor, sessionId, roles: ['clerk'], now: () => clock, desk: DEFAULT_DESK },
      { applicationId: app.id, kind: 'passport', pages: 1, blob: { ...blob, mime: 'application/pdf' } },
    );
    db.close();

    // Reopened offline: the clerk's sign-in takes a moment, in which the engine would already deliver.
    down = true;
    const desk = world.openDesk('31', { ...options, dataDir: first.dataDir });
    expect(await value(desk.api.call('documents.list', { applicationId: app.id }))).toMatchObject([{ id: documentId, uploaded: false }]);
    down = false;
    // The engine uploads the file in the background and pushes the attach it released on the next cycle.
    await expect
      .poll(async () => {
        await desk.syncNow();
        return value(desk.api.call('documents.list', { applicationId: app.id }));
      })
      .toMatchObject([{ id: documentId, uploaded: true, file: 'local' }]);

    clock = new Date(clock.getTime() + 91 * DAY_MS);
    expect(await value(desk.api.call('documents.purge', {}))).toEqual({ documents: 1, bytes: blob.size });
    const opened = await value(desk.api.call('documents.file', { documentId }));
    expect(createHash('sha256').update(Buffer.from(opened.base64, 'base64')).digest('hex')).toBe(blob.sha256);
    expect(opened.fileName).toBe(`${app.regNumber}-${documentId}.pdf`);

    expect(await value(desk.api.call('documents.purge', {}))).toEqual({ documents: 1, bytes: blob.size });
    down = true;
    expect(await desk.api.call('documents.file', { documentId })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', details: { issues: [{ path: ['file'], message: 'offline' }] } },
    });
  });
});
