import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegImage, pdfFile } from '../../../helpers/sample-files';
import { useDesks } from './store-harness';

/** Registering an intake whose lines were given pages (docs/ARCHITECTURE.md §6.9). */
const startDesk = useDesks();
const intake = (lineKey: string) => ({ kind: 'intake' as const, lineKey });

describe('registration with documents', () => {
  it('attaches each set to its опис line, prints the set’s page count as the line’s sheets, and queues the attach behind its file', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const passport = await desk.call('documents.openSet', { owner: intake('passport'), label: 'Паспорт громадянина України' });
    await desk.importFile(passport.id, 'p1.jpg', await jpegImage({ width: 400, height: 560 }));
    await desk.importFile(passport.id, 'p2.pdf', await pdfFile(2));
    const registered = await desk.registerWith(
      [{ name: 'Заява' }, { name: 'Паспорт громадянина України', sheets: 1 }],
      [{ item: 1, setId: passport.id }],
    );
    if (!registered.ok) throw new Error(registered.error.message);
    const application = registered.value;
    expect(application.receipts[0]!.lines.map((l) => [l.name, l.sheets])).toEqual([
      ['Заява', 1],
      ['Паспорт громадянина України', 3],
    ]);
    const set = await desk.call('documents.getSet', { setId: passport.id });
    expect(set.documentId).not.toBeNull();
    expect(
      desk.count(
        `SELECT count(*) FROM documents WHERE id = '${set.documentId}' AND application_id = '${application.id}' AND receipt_number = 1 AND line_position = 2 AND pages = 3 AND source = 'file'`,
      ),
    ).toBe(1);
    expect(desk.count("SELECT count(*) FROM outbox WHERE kind = 'document.attach' AND status = 'blocked_on_blob'")).toBe(1);

    const receipt = await desk.call('receipts.pdf', { applicationId: application.id, lang: 'uk' });
    const file = join(desk.root, 'receipt.pdf');
    writeFileSync(file, Buffer.from(receipt.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Паспорт громадянина України.*\b3\b/);
  });

  it('drops the clerk’s other unattached intake sets after registering and on discarding the draft', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const used = await desk.call('documents.openSet', { owner: intake('a'), label: 'A' });
    await desk.importFile(used.id, 'a.jpg', await jpegImage({ width: 400, height: 560 }));
    const left = await desk.call('documents.openSet', { owner: intake('b'), label: 'B' });
    await desk.importFile(left.id, 'b.jpg', await jpegImage({ width: 400, height: 560, seed: 80 }));
    const registered = await desk.registerWith([{ name: 'A' }], [{ item: 0, setId: used.id }]);
    expect(registered.ok).toBe(true);
    expect((await desk.refused('documents.getSet', { setId: left.id })).code).toBe('NOT_FOUND');
    expect((await desk.call('documents.getSet', { setId: used.id })).documentId).not.toBeNull();
    // The next citizen's form: the same line key starts empty.
    const next = await desk.call('documents.openSet', { owner: intake('b'), label: 'B' });
    expect(next.pages).toEqual([]);
    await desk.importFile(next.id, 'c.jpg', await jpegImage({ width: 400, height: 560 }));
    await desk.call('drafts.discard', {});
    expect((await desk.refused('documents.getSet', { setId: next.id })).code).toBe('NOT_FOUND');
    expect(desk.count('SELECT count(*) FROM pages')).toBe(1);
  });

  it('refuses a set that is not this form’s, or a line out of range, and registers nothing', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    const set = await desk.call('documents.openSet', { owner: intake('a'), label: 'A' });
    await desk.importFile(set.id, 'a.jpg', await jpegImage({ width: 400, height: 560 }));
    const inbox = await desk.call('documents.openSet', { owner: { kind: 'inbox' }, label: 'in.pdf' });
    await desk.importFile(inbox.id, 'in.pdf', await pdfFile(1));
    const empty = await desk.call('documents.openSet', { owner: intake('empty'), label: 'E' });

    const cases: Array<[Array<{ item: number; setId: string }>, Array<string | number>]> = [
      [[{ item: 1, setId: set.id }], ['documents', 0, 'item']],
      [[{ item: 0, setId: inbox.id }], ['documents', 0, 'setId']],
      [[{ item: 0, setId: 'no-such-set' }], ['documents', 0, 'setId']],
      [
        [
          { item: 0, setId: set.id },
          { item: 0, setId: inbox.id },
        ],
        ['documents', 1, 'item'],
      ],
      [[{ item: 0, setId: empty.id }], ['documents', 0, 'setId']],
    ];
    for (const [documents, path] of cases) {
      const result = await desk.registerWith([{ name: 'A' }], documents);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('VALIDATION');
      expect((result.error.details as { issues: Array<{ path: unknown[] }> }).issues[0]!.path).toEqual(path);
    }
    expect(desk.count('SELECT count(*) FROM applications')).toBe(0);
    expect(desk.count('SELECT count(*) FROM documents')).toBe(0);
    expect(desk.count('SELECT count(*) FROM page_sets WHERE document_id IS NOT NULL')).toBe(0);
  });
});
