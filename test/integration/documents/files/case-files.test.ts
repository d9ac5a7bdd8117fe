import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath, putBlob } from '../../../../main/backend/blobs/blob-store';
import { detachDocument } from '../../../../main/backend/documents/attach-document';
import { uuidv7 } from '../../../../main/backend/ids';
import { discardDeadLetter } from '../../../../main/backend/sync/dead-letters';
import { freePort } from '../../../helpers/free-port';
import { useTempDirs } from '../../../helpers/temp-dir';
import { STORAGES, useServer } from '../../server/harness';
import { caseFileDesk, smallPdf } from './case-file-desk';
import type { CaseFileDesk } from './case-file-desk';

const tempDir = useTempDirs();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const SUPERVISOR = ['clerk', 'supervisor'] as const;

function auditOf(desk: CaseFileDesk, action: string): { entityId: string; details: Record<string, unknown> }[] {
  return (
    desk.test.db.prepare('SELECT entity_id, details FROM audit_events WHERE action = ? ORDER BY seq').all(action) as {
      entity_id: string;
      details: string;
    }[]
  ).map((row) => ({ entityId: row.entity_id, details: JSON.parse(row.details) as Record<string, unknown> }));
}

function purgedAt(desk: CaseFileDesk, sha: string): string | null {
  return desk.test.db.prepare('SELECT purged_at FROM blobs WHERE sha256 = ?').pluck().get(sha) as string | null;
}

/** A page set of `documentId`'s receipt line with one page per image, as scanning leaves it once attached. */
function pageSet(desk: CaseFileDesk, applicationId: string, documentId: string | null, pdfSha: string | null, imageShas: string[]): void {
  const { db, env } = desk.test;
  const setId = uuidv7();
  const at = env.now().toISOString();
  db.prepare(
    `INSERT INTO page_sets (id, owner_kind, application_id, receipt_number, line_position, clerk_id, label, assembled_sha256,
       assembled_pages, assembled_bytes, document_id, created_at, updated_at)
     VALUES (?, 'line', ?, 1, ?, ?, 'Паспорт', ?, ?, ?, ?, ?, ?)`,
  ).run(setId, applicationId, documentId ? 1 : 2, env.clerkId, pdfSha, pdfSha ? 1 : null, pdfSha ? 100 : null, documentId, at, at);
  imageShas.forEach((sha, i) =>
    db
      .prepare(
        `INSERT INTO pages (id, set_id, position, blob_sha256, kind, rotation, width_px, height_px, dpi, bytes, source, source_name, created_at)
         VALUES (?, ?, ?, ?, 'image', 0, 100, 140, 200, 10, 'scanner', 'test', ?)`,
      )
      .run(uuidv7(), setId, i + 1, sha, at),
  );
}

async function pageImage(desk: CaseFileDesk, seed: string): Promise<string> {
  const { sha256: sha, size } = await putBlob(desk.dataDir, Buffer.from(`page image ${seed}`));
  desk.test.db
    .prepare("INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, ?, 'image/jpeg', ?)")
    .run(sha, size, desk.test.env.now().toISOString());
  return sha;
}

describe.each(STORAGES)('a case file on %s', (kind) => {
  const server = useServer(kind);

  it('lists a case’s documents, uploaded only once the back office confirmed the attach, never a detached one', async () => {
    const desk = await caseFileDesk(server, tempDir(), '21');
    const app = desk.register();
    const kept = await desk.attach(app.id, await smallPdf('kept'));
    const detached = await desk.attach(app.id, await smallPdf('detached'));
    detachDocument(desk.test.env, detached.documentId, 'wrong person');

    const before = await desk.call('documents.list', { applicationId: app.id });
    expect(before).toEqual({
      ok: true,
      value: [
        {
          id: kept.documentId,
          applicationId: app.id,
          kind: 'passport',
          receipt: null,
          position: null,
          pages: 1,
          sha256: kept.sha256,
          bytes: kept.size,
          source: null,
          attachedAt: '2026-11-27T09:30:00.000Z',
          file: 'local',
          uploaded: false,
        },
      ],
    });
    expect(await desk.deliver()).toContain('document.attach applied');
    expect(await desk.call('documents.list', { applicationId: app.id })).toMatchObject({
      ok: true,
      value: [{ id: kept.documentId, uploaded: true, file: 'local' }],
    });
    expect(await desk.call('documents.list', { applicationId: uuidv7() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('purges, past the retention, only the files of uploaded documents that no other row still needs', async () => {
    const desk = await caseFileDesk(server, tempDir(), '22');
    const app = desk.register();
    const old = await desk.attach(app.id, await smallPdf('old'));
    const [oldPage, sharedPage] = [await pageImage(desk, 'old'), await pageImage(desk, 'shared')];
    pageSet(desk, app.id, old.documentId, old.sha256, [oldPage, sharedPage]);
    // A set still being edited holds one of the old document's page images too.
    pageSet(desk, app.id, null, null, [sharedPage]);
    const twinBytes = await smallPdf('twin');
    const twinOld = await desk.attach(app.id, twinBytes);
    expect(await desk.deliver()).toEqual(expect.arrayContaining(['document.attach applied', 'document.attach applied']));
    // Never uploaded: the back office does not hold it.
    const notUploaded = await desk.attach(app.id, await smallPdf('not uploaded'));
    // Refused, then discarded by a supervisor: closed as acked, yet the back office never took it.
    const discarded = await desk.attach(app.id, await smallPdf('discarded'));
    const discardedMutation = desk.test.db
      .prepare("SELECT mutation_id FROM outbox WHERE kind = 'document.attach' AND json_extract(payload, '$.id') = ?")
      .pluck()
      .get(discarded.documentId) as string;
    desk.test.db
      .prepare(
        `UPDATE outbox SET status = 'dead', last_error = '{"code":"file_missing","message":"gone","fieldErrors":[]}' WHERE mutation_id = ?`,
      )
      .run(discardedMutation);
    discardDeadLetter(desk.test.env, discardedMutation, 'scanned again');

    // 80 days on, the same file is attached again: the recent document keeps it.
    desk.test.setNow('2027-02-15T09:30:00Z');
    const twinRecent = await desk.attach(app.id, twinBytes);
    expect(twinRecent.sha256).toBe(twinOld.sha256);

    // 89 days on: nothing has reached the retention period yet.
    desk.test.setNow('2027-02-24T09:30:00Z');
    expect(await desk.call('documents.purge', {}, SUPERVISOR)).toEqual({ ok: true, value: { documents: 0, bytes: 0 } });
    expect(auditOf(desk, 'document.purge')).toEqual([]);

    // 91 days on: the old document goes, with the page image only it used.
    desk.test.setNow('2027-02-26T09:30:00Z');
    expect(await desk.call('documents.purge', {}, ['clerk'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const oldPageSize = Buffer.byteLength('page image old');
    expect(await desk.call('documents.purge', {}, SUPERVISOR)).toEqual({
      ok: true,
      value: { documents: 1, bytes: old.size + oldPageSize },
    });
    const onDisk = (sha: string) => existsSync(blobPath(desk.dataDir, sha));
    expect([onDisk(old.sha256), onDisk(oldPage)]).toEqual([false, false]);
    expect([onDisk(sharedPage), onDisk(twinOld.sha256), onDisk(notUploaded.sha256), onDisk(discarded.sha256)]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(purgedAt(desk, old.sha256)).toBe('2027-02-26T09:30:00.000Z');
    expect(purgedAt(desk, oldPage)).toBe('2027-02-26T09:30:00.000Z');
    expect([purgedAt(desk, sharedPage), purgedAt(desk, twinOld.sha256), purgedAt(desk, notUploaded.sha256)]).toEqual([null, null, null]);
    // Rows stay: hash and metadata.
    expect(desk.test.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(5);
    expect(desk.test.db.prepare('SELECT count(*) FROM pages WHERE blob_sha256 = ?').pluck().get(oldPage)).toBe(1);
    const listed = await desk.call('documents.list', { applicationId: app.id });
    expect(listed.ok && (listed.value as { id: string; file: string; uploaded: boolean }[]).map((d) => [d.id, d.file, d.uploaded])).toEqual(
      [
        [old.documentId, 'purged', true],
        [twinOld.documentId, 'local', true],
        [notUploaded.documentId, 'local', false],
        [discarded.documentId, 'local', false],
        [twinRecent.documentId, 'local', false],
      ],
    );
    expect(auditOf(desk, 'document.purge')).toEqual([
      {
        entityId: 'KV01/22',
        details: {
          documents: 1,
          files: 2,
          bytes: old.size + oldPageSize,
          retentionDays: 90,
          attachedBefore: '2026-11-28T09:30:00.000Z',
          documentIds: [old.documentId],
        },
      },
    ]);

    // Nothing left to purge: no second event.
    expect(await desk.call('documents.purge', {}, SUPERVISOR)).toEqual({ ok: true, value: { documents: 0, bytes: 0 } });
    expect(auditOf(desk, 'document.purge')).toHaveLength(1);
  });

  it('fetches a purged document back from the back office, the same file, and records the view', async () => {
    const desk = await caseFileDesk(server, tempDir(), '23');
    const app = desk.register();
    const doc = await desk.attach(app.id, await smallPdf('fetched back'));
    desk.test.db.prepare('UPDATE documents SET receipt_number = 1, line_position = 2 WHERE id = ?').run(doc.documentId);
    await desk.deliver();
    desk.test.setNow('2027-03-01T09:30:00Z');
    expect(await desk.call('documents.purge', {}, SUPERVISOR)).toMatchObject({ ok: true, value: { documents: 1 } });
    expect(existsSync(blobPath(desk.dataDir, doc.sha256))).toBe(false);

    const opened = await desk.call('documents.file', { documentId: doc.documentId });
    expect(opened.ok).toBe(true);
    const { fileName, base64 } = (opened as { value: { fileName: string; base64: string } }).value;
    expect(fileName).toBe(`${app.regNumber}-1-2.pdf`);
    expect(sha256(Buffer.from(base64, 'base64'))).toBe(doc.sha256);
    expect(purgedAt(desk, doc.sha256)).toBeNull();
    expect(existsSync(blobPath(desk.dataDir, doc.sha256))).toBe(true);
    expect(auditOf(desk, 'document.view')).toEqual([{ entityId: doc.documentId, details: {} }]);
    expect(await desk.call('documents.list', { applicationId: app.id })).toMatchObject({ ok: true, value: [{ file: 'local' }] });

    // Opened again: read from the store, viewed again.
    const again = await desk.call('documents.file', { documentId: doc.documentId });
    expect(again).toEqual(opened);
    expect(auditOf(desk, 'document.view')).toHaveLength(2);
  });

  it('refuses cleanly when the back office cannot be reached or the desk has none (nothing stored, still purged, no view); a file stored again needs none', async () => {
    const desk = await caseFileDesk(server, tempDir(), '24');
    const app = desk.register();
    const pdf = await smallPdf('unreachable');
    const doc = await desk.attach(app.id, pdf);
    await desk.deliver();
    desk.test.setNow('2027-03-01T09:30:00Z');
    await desk.call('documents.purge', {}, SUPERVISOR);

    desk.setBackOffice(`http://127.0.0.1:${await freePort()}`);
    const offline = await desk.call('documents.file', { documentId: doc.documentId });
    expect(offline).toMatchObject({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: expect.stringContaining('cannot be reached'),
        details: { issues: [{ path: ['file'], message: 'offline' }] },
      },
    });
    desk.setBackOffice(null);
    expect(await desk.call('documents.file', { documentId: doc.documentId })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', details: { issues: [{ path: ['file'], message: 'offline' }] } },
    });
    expect(purgedAt(desk, doc.sha256)).toBe('2027-03-01T09:30:00.000Z');
    expect(existsSync(blobPath(desk.dataDir, doc.sha256))).toBe(false);
    expect(readdirSync(join(desk.dataDir, 'blobs')).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(auditOf(desk, 'document.view')).toEqual([]);

    desk.setBackOffice(server.url);
    expect(await desk.call('documents.file', { documentId: doc.documentId })).toMatchObject({ ok: true });

    // Purged again, then the same file stored again (imported anew): it is read from the store, with no back office.
    await desk.call('documents.purge', {}, SUPERVISOR);
    expect(purgedAt(desk, doc.sha256)).not.toBeNull();
    await putBlob(desk.dataDir, pdf);
    desk.setBackOffice(null);
    expect(await desk.call('documents.file', { documentId: doc.documentId })).toMatchObject({ ok: true });
    expect(purgedAt(desk, doc.sha256)).toBeNull();
    expect(await desk.call('documents.file', { documentId: uuidv7() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
