import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath } from '../../../../main/backend/blobs/blob-store';
import { encryptedPdf, jpegImage, pdfFile, pngImage, tiffImage, truncated } from '../../../helpers/sample-files';
import { useDesks } from './store-harness';

/** Page sets through the contract on a real desk: opening, importing, editing, assembling, attaching. */
const startDesk = useDesks();

const intake = (lineKey: string) => ({ kind: 'intake' as const, lineKey });

describe('page sets', () => {
  it('keeps one open set per intake line, and a line set only for a line the опис has', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const a = await desk.call('documents.openSet', { owner: intake('passport'), label: 'Паспорт' });
    const again = await desk.call('documents.openSet', { owner: intake('passport'), label: 'Паспорт' });
    const other = await desk.call('documents.openSet', { owner: intake('form'), label: 'Заява' });
    expect(again.id).toBe(a.id);
    expect(other.id).not.toBe(a.id);
    expect(a).toMatchObject({ pages: [], bytes: 0, assembled: null, documentId: null, budgetBytes: 15 * 1024 * 1024 });

    const registered = await desk.registerWith([{ name: 'Заява' }], []);
    if (!registered.ok) throw new Error(registered.error.message);
    const line = { kind: 'line' as const, applicationId: registered.value.id, receipt: 1, position: 1 };
    const lineSet = await desk.call('documents.openSet', { owner: line, label: 'Заява' });
    expect(lineSet.owner).toEqual(line);
    expect((await desk.refused('documents.openSet', { owner: { ...line, position: 2 }, label: 'x' })).issues).toEqual([
      { path: ['owner', 'position'], message: 'no such line' },
    ]);
    expect((await desk.refused('documents.openSet', { owner: { ...line, receipt: 2 }, label: 'x' })).code).toBe('VALIDATION');
    expect((await desk.refused('documents.openSet', { owner: { ...line, applicationId: 'nope' }, label: 'x' })).code).toBe('NOT_FOUND');
  });

  it('imports a JPEG, PNG, TIFF and a PDF (one page entry per PDF page, the file stored whole)', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const set = await desk.call('documents.openSet', { owner: intake('all'), label: 'Усе' });
    await desk.importFile(set.id, 'photo.jpg', await jpegImage({ width: 400, height: 560 }));
    await desk.importFile(set.id, 'scan.png', await pngImage({ width: 300, height: 420 }));
    await desk.importFile(set.id, 'fax.tiff', await tiffImage({ width: 300, height: 420, pages: 2 }));
    const pdf = await pdfFile(3);
    const after = await desk.importFile(set.id, 'diia-copy.pdf', pdf, 'diia');

    expect(after.pages.map((p) => [p.position, p.kind, p.pdfPage, p.source, p.sourceName])).toEqual([
      [1, 'image', null, 'file', 'photo.jpg'],
      [2, 'image', null, 'file', 'scan.png'],
      [3, 'image', null, 'file', 'fax.tiff'],
      [4, 'image', null, 'file', 'fax.tiff'],
      [5, 'pdf_page', 0, 'diia', 'diia-copy.pdf'],
      [6, 'pdf_page', 1, 'diia', 'diia-copy.pdf'],
      [7, 'pdf_page', 2, 'diia', 'diia-copy.pdf'],
    ]);
    // The TIFF's two pages are two different pictures.
    expect(after.pages[2]!.sha256).not.toBe(after.pages[3]!.sha256);
    const pdfPage = after.pages[4]!;
    expect(pdfPage.bytes).toBe(Math.floor(pdf.length / 3));
    expect(readFileSync(blobPath(desk.dataDir, pdfPage.sha256)).equals(Buffer.from(pdf))).toBe(true);
    expect(after.bytes).toBe(after.pages.reduce((sum, p) => sum + p.bytes, 0));
    for (const page of after.pages.slice(0, 4)) {
      expect(page.widthPx).toBeGreaterThan(0);
      expect(desk.count(`SELECT count(*) FROM blobs WHERE sha256 = '${page.sha256}'`)).toBe(1);
    }
    expect(desk.count("SELECT count(*) FROM blobs WHERE mime = 'application/pdf'")).toBe(1);
    expect(readdirSync(join(desk.dataDir, 'imports'))).toEqual([]);
  });

  it('refuses each kind of bad file with its reason, stores nothing of it and leaves no temp file', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const set = await desk.call('documents.openSet', { owner: intake('x'), label: 'X' });
    const blobsBefore = desk.count('SELECT count(*) FROM blobs');
    const png = await pngImage({ width: 300, height: 420 });
    const bad: Array<[string, Uint8Array, string]> = [
      ['photo.jpg', png, 'type_mismatch'],
      ['empty.pdf', new Uint8Array(0), 'empty'],
      ['notes.txt', Buffer.from('hello'), 'unsupported_type'],
      ['cut.jpg', truncated(await jpegImage({ width: 400, height: 560 })), 'corrupt'],
      ['locked.pdf', encryptedPdf(), 'encrypted'],
    ];
    for (const [name, bytes, reason] of bad) {
      const { importId } = await desk.call('documents.importBegin', { setId: set.id, name, size: bytes.length, source: 'file' });
      if (bytes.length > 0)
        await desk.call('documents.importChunk', { importId, offset: 0, base64: Buffer.from(bytes).toString('base64') });
      expect(await desk.refused('documents.importEnd', { importId }), name).toEqual({
        code: 'VALIDATION',
        issues: [{ path: ['file'], message: reason }],
      });
      // The import is over: its id answers no more.
      expect((await desk.refused('documents.importEnd', { importId })).code).toBe('NOT_FOUND');
    }
    expect(desk.count('SELECT count(*) FROM pages')).toBe(0);
    expect(desk.count('SELECT count(*) FROM blobs')).toBe(blobsBefore);
    expect(readdirSync(join(desk.dataDir, 'imports'))).toEqual([]);
  });

  it('refuses a file over the limit at begin, and a chunk at the wrong offset', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' }, maxFileMiB: 1 });
    const set = await desk.call('documents.openSet', { owner: intake('x'), label: 'X' });
    const tooBig = await desk.refused('documents.importBegin', { setId: set.id, name: 'big.pdf', size: 2 * 1024 * 1024, source: 'file' });
    expect(tooBig).toEqual({ code: 'VALIDATION', issues: [{ path: ['file'], message: 'file_too_large' }] });
    const jpeg = await jpegImage({ width: 400, height: 560 });
    const { importId } = await desk.call('documents.importBegin', { setId: set.id, name: 'a.jpg', size: jpeg.length, source: 'file' });
    await desk.call('documents.importChunk', { importId, offset: 0, base64: jpeg.subarray(0, 100).toString('base64') });
    const wrong = await desk.refused('documents.importChunk', { importId, offset: 0, base64: jpeg.subarray(0, 100).toString('base64') });
    expect(wrong.code).toBe('CONFLICT');
    await desk.call('documents.importChunk', { importId, offset: 100, base64: jpeg.subarray(100).toString('base64') });
    expect((await desk.call('documents.importEnd', { importId })).pages).toHaveLength(1);
  });

  it('moves, rotates and deletes pages keeping positions 1..n, and each edit drops the assembled PDF', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const set = await desk.call('documents.openSet', { owner: intake('x'), label: 'X' });
    for (const shade of [40, 120, 200])
      await desk.importFile(set.id, `p${shade}.jpg`, await jpegImage({ width: 400, height: 560, seed: shade }));
    const [a, b, c] = (await desk.call('documents.getSet', { setId: set.id })).pages.map((p) => p.id);

    const assembled = await desk.call('documents.assemble', { setId: set.id });
    expect(assembled.assembled).toMatchObject({ pages: 3 });
    const moved = await desk.call('documents.movePage', { pageId: c!, position: 1 });
    expect(moved.pages.map((p) => [p.id, p.position])).toEqual([
      [c, 1],
      [a, 2],
      [b, 3],
    ]);
    expect(moved.assembled).toBeNull();
    expect((await desk.call('documents.movePage', { pageId: c!, position: 99 })).pages.map((p) => p.id)).toEqual([a, b, c]);

    await desk.call('documents.assemble', { setId: set.id });
    const turned = await desk.call('documents.rotatePage', { pageId: b!, rotation: 90 });
    expect(turned.assembled).toBeNull();
    // Absolute: asking 90 again keeps 90.
    expect((await desk.call('documents.rotatePage', { pageId: b!, rotation: 90 })).pages[1]!.rotation).toBe(90);

    await desk.call('documents.assemble', { setId: set.id });
    const deleted = await desk.call('documents.deletePage', { pageId: a! });
    expect(deleted.pages.map((p) => [p.id, p.position])).toEqual([
      [b, 1],
      [c, 2],
    ]);
    expect(deleted.assembled).toBeNull();
    expect((await desk.refused('documents.deletePage', { pageId: a! })).code).toBe('NOT_FOUND');
  });

  it('assembles the pages in order into one PDF of that many pages, and refuses one over the document budget', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const set = await desk.call('documents.openSet', { owner: intake('x'), label: 'Паспорт' });
    await desk.importFile(set.id, 'a.jpg', await jpegImage({ width: 400, height: 560 }));
    await desk.importFile(set.id, 'b.pdf', await pdfFile(2));
    expect((await desk.refused('documents.assemble', { setId: 'none' })).code).toBe('NOT_FOUND');
    const done = await desk.call('documents.assemble', { setId: set.id });
    expect(done.assembled).toMatchObject({ pages: 3 });
    const file = blobPath(desk.dataDir, done.assembled!.sha256);
    expect(readFileSync(file).length).toBe(done.assembled!.bytes);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Pages:\s+3$/m);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Title:\s+Паспорт$/m);
    expect(desk.count(`SELECT count(*) FROM blobs WHERE sha256 = '${done.assembled!.sha256}' AND mime = 'application/pdf'`)).toBe(1);

    const small = startDesk({ scanner: { adapter: 'none' }, maxDocumentMiB: 1 });
    const big = await small.call('documents.openSet', { owner: intake('x'), label: 'X' });
    const noisy = await import('sharp').then(({ default: sharp }) =>
      sharp(Buffer.from(Array.from({ length: 1200 * 1600 }, (_, i) => (i * 7919) % 251)), {
        raw: { width: 1200, height: 1600, channels: 1 },
      })
        .jpeg({ quality: 95 })
        .toBuffer(),
    );
    for (let n = 0; n < 3; n += 1) await small.importFile(big.id, `n${n}.jpg`, noisy);
    const blobsBefore = small.count('SELECT count(*) FROM blobs');
    const refusal = await small.refused('documents.assemble', { setId: big.id });
    expect(refusal).toEqual({ code: 'VALIDATION', issues: [{ path: ['file'], message: 'document_too_large' }] });
    expect(small.count('SELECT count(*) FROM blobs')).toBe(blobsBefore);
    expect(small.count('SELECT count(*) FROM page_sets WHERE assembled_sha256 IS NOT NULL')).toBe(0);
  });

  it('gives a JPEG thumbnail of an image page and of a PDF page', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const set = await desk.call('documents.openSet', { owner: intake('x'), label: 'X' });
    await desk.importFile(set.id, 'a.jpg', await jpegImage({ width: 400, height: 560 }));
    const after = await desk.importFile(set.id, 'b.pdf', await pdfFile(1));
    for (const page of after.pages) {
      const thumb = await desk.call('documents.thumbnail', { pageId: page.id });
      const bytes = Buffer.from(thumb.base64, 'base64');
      expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    }
  });

  it('attaches a receipt line’s set: a document of that line, the set read-only after, the attach waiting for its file', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const registered = await desk.registerWith([{ name: 'Заява' }, { name: 'Довідка про доходи' }], []);
    if (!registered.ok) throw new Error(registered.error.message);
    const owner = { kind: 'line' as const, applicationId: registered.value.id, receipt: 1, position: 2 };
    const set = await desk.call('documents.openSet', { owner, label: 'Довідка про доходи' });
    await desk.importFile(set.id, 'a.jpg', await jpegImage({ width: 400, height: 560 }));
    await desk.importFile(set.id, 'b.pdf', await pdfFile(1), 'diia');
    const application = await desk.call('documents.attach', { setId: set.id });
    expect(application.id).toBe(registered.value.id);

    const attached = await desk.call('documents.getSet', { setId: set.id });
    expect(attached.documentId).not.toBeNull();
    expect(attached.assembled).toMatchObject({ pages: 2 });
    expect(
      desk.count(
        `SELECT count(*) FROM documents WHERE id = '${attached.documentId}' AND receipt_number = 1 AND line_position = 2
           AND source = 'diia' AND pages = 2 AND blob_sha256 = '${attached.assembled!.sha256}' AND kind = 'Довідка про доходи'`,
      ),
    ).toBe(1);
    expect(desk.count("SELECT count(*) FROM outbox WHERE kind = 'document.attach' AND status = 'blocked_on_blob'")).toBe(1);
    expect(
      desk.count(
        "SELECT count(*) FROM outbox WHERE kind = 'document.attach' AND json_extract(payload, '$.receipt') = 1 AND json_extract(payload, '$.position') = 2 AND json_extract(payload, '$.source') = 'diia'",
      ),
    ).toBe(1);
    const page = attached.pages[0]!.id;
    expect((await desk.refused('documents.rotatePage', { pageId: page, rotation: 180 })).code).toBe('CONFLICT');
    expect((await desk.refused('documents.attach', { setId: set.id })).code).toBe('CONFLICT');
    // The line may start a new set: the attached one is history.
    expect((await desk.call('documents.openSet', { owner, label: 'Довідка' })).id).not.toBe(set.id);

    const intakeSet = await desk.call('documents.openSet', { owner: intake('x'), label: 'X' });
    expect((await desk.refused('documents.attach', { setId: intakeSet.id })).code).toBe('VALIDATION');
  });

  it('takes an inbox set into a line set and removes it from the inbox', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const inbox = await desk.call('documents.openSet', { owner: { kind: 'inbox' }, label: 'dropped.pdf' });
    expect(desk.inbox).toEqual([{ count: 1 }]);
    await desk.importFile(inbox.id, 'dropped.pdf', await pdfFile(2));
    const target = await desk.call('documents.openSet', { owner: intake('x'), label: 'X' });
    await desk.importFile(target.id, 'a.jpg', await jpegImage({ width: 400, height: 560 }));
    expect(await desk.call('documents.inbox', {})).toHaveLength(1);
    const taken = await desk.call('documents.takeInbox', { fromSetId: inbox.id, toSetId: target.id });
    expect(taken.pages.map((p) => [p.position, p.sourceName])).toEqual([
      [1, 'a.jpg'],
      [2, 'dropped.pdf'],
      [3, 'dropped.pdf'],
    ]);
    expect(await desk.call('documents.inbox', {})).toEqual([]);
    expect(desk.inbox.at(-1)).toEqual({ count: 0 });
    expect((await desk.refused('documents.takeInbox', { fromSetId: inbox.id, toSetId: target.id })).code).toBe('NOT_FOUND');
    expect((await desk.refused('documents.takeInbox', { fromSetId: target.id, toSetId: target.id })).issues).toEqual([
      { path: ['fromSetId'], message: 'not an inbox set' },
    ]);
  });
});
