import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFile } from '../../../helpers/sample-files';
import { useDesks } from './store-harness';

/** The hot folder through the backend: a saved file becomes an inbox set the clerk gives to a line. */
const startDesk = useDesks();

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 500; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('the hot folder', () => {
  it('takes a saved file as an inbox set, refuses a bad one into refused/, and works without a scanner', async () => {
    const desk = startDesk((root) => {
      mkdirSync(join(root, 'scans'));
      return { scanner: { adapter: 'none' }, hotFolder: { path: join(root, 'scans') } };
    });
    const folder = join(desk.root, 'scans');
    expect((await desk.call('documents.scanners', {})).hotFolder).toEqual({ path: folder, state: 'watching' });
    writeFileSync(join(folder, 'scan-001.pdf'), await pdfFile(2));
    await until(async () => (await desk.call('documents.inbox', {})).length === 1, 'the inbox set');
    const [set] = await desk.call('documents.inbox', {});
    expect(set).toMatchObject({ owner: { kind: 'inbox' }, label: 'scan-001.pdf' });
    expect(set!.pages.map((p) => [p.kind, p.source, p.sourceName])).toEqual([
      ['pdf_page', 'hot_folder', 'scan-001.pdf'],
      ['pdf_page', 'hot_folder', 'scan-001.pdf'],
    ]);
    expect(desk.inbox).toContainEqual({ count: 1 });
    expect(desk.count('SELECT count(*) FROM hot_folder_taken')).toBe(1);
    await until(() => !existsSync(join(folder, 'scan-001.pdf')), 'the file to leave the folder');

    writeFileSync(join(folder, 'broken.jpg'), Buffer.from('not a picture at all'));
    await until(() => existsSync(join(folder, 'refused', 'broken.jpg')), 'the refused file');
    expect(await desk.call('documents.inbox', {})).toHaveLength(1);

    const line = await desk.call('documents.openSet', { owner: { kind: 'intake', lineKey: 'a' }, label: 'A' });
    const taken = await desk.call('documents.takeInbox', { fromSetId: set!.id, toSetId: line.id });
    expect(taken.pages).toHaveLength(2);
    expect(await desk.call('documents.inbox', {})).toEqual([]);
    expect(readdirSync(folder).filter((name) => !name.startsWith('.'))).toEqual(['refused']);
  });
});
