import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { watchHotFolder } from '../../../../main/backend/documents/hot-folder';
import type { HotFolder, TakenFile } from '../../../../main/backend/documents/hot-folder';
import { memoryLogger } from '../../../helpers/memory-logger';
import { sha256 } from '../../../helpers/sample-files';
import { useTempDirs } from '../../../helpers/temp-dir';

interface Taken extends TakenFile {
  sha256: string;
  by: number;
}

/** Polls until `condition` holds; the limit is generous so a loaded machine only slows the test. */
async function until(condition: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  for (let waited = 0; !condition(); waited += 25) {
    if (waited > limitMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('the hot folder', () => {
  const tempDir = useTempDirs();
  const watchers: HotFolder[] = [];
  afterEach(async () => {
    await Promise.all(watchers.splice(0).map((w) => w.close()));
  });

  function start(folder: string, options: { stableMs?: number; onFile?: (file: TakenFile) => Promise<void>; by?: number } = {}) {
    const taken: Taken[] = [];
    const states: string[] = [];
    const logger = memoryLogger();
    const watcher = watchHotFolder({
      folder,
      logger,
      stableMs: options.stableMs ?? 200,
      onState: (state) => states.push(state),
      onFile: async (file) => {
        // Read inside onFile: the claimed file is removed once it returns.
        taken.push({ ...file, sha256: sha256(readFileSync(file.path)), by: options.by ?? 0 });
        await options.onFile?.(file);
      },
    });
    watchers.push(watcher);
    return { watcher, taken, states, logger };
  }

  it('takes a file written slowly in chunks once, complete, and removes it', async () => {
    const folder = tempDir();
    // Stability longer than the pauses between writes, with room for a busy machine.
    const { taken } = start(folder, { stableMs: 600 });
    const chunks = Array.from({ length: 6 }, (_, i) => Buffer.alloc(64 * 1024, 65 + i));
    const file = await open(join(folder, 'scan-0001.pdf'), 'w');
    for (const chunk of chunks) {
      await file.write(chunk);
      await file.sync();
      await sleep(100);
    }
    await file.close();
    await until(() => taken.length === 1, 'the file to be taken');
    await sleep(1000);
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ name: 'scan-0001.pdf', size: 6 * 64 * 1024, sha256: sha256(Buffer.concat(chunks)) });
    expect(taken[0]!.path).toContain(join(folder, '.vikno-taking'));
    await until(() => readdirSync(join(folder, '.vikno-taking')).length === 0, 'the claimed file to be removed');
    expect(readdirSync(folder)).toEqual(['.vikno-taking']);
  });

  it('leaves hidden and temporary files, and subfolders, where they are', async () => {
    const folder = tempDir();
    const { taken } = start(folder);
    const ignored = [
      '.hidden.pdf',
      'scan.tmp',
      'scan.TMP',
      'scan.pdf.part',
      'download.crdownload',
      '~$report.pdf',
      '.~lock.scan.pdf#',
      'backup.pdf~',
    ];
    for (const name of ignored) writeFileSync(join(folder, name), 'still being written');
    mkdirSync(join(folder, 'archive'));
    writeFileSync(join(folder, 'archive', 'old.pdf'), '%PDF-1.7 old');
    writeFileSync(join(folder, 'real.pdf'), '%PDF-1.7 real');
    await until(() => taken.length === 1, 'real.pdf');
    await sleep(1000);
    expect(taken.map((t) => t.name)).toEqual(['real.pdf']);
    for (const name of ignored) expect(existsSync(join(folder, name)), name).toBe(true);
    expect(existsSync(join(folder, 'archive', 'old.pdf'))).toBe(true);
  });

  it('takes files already in the folder when it starts', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'waiting.jpg'), 'scanned overnight');
    const { taken } = start(folder);
    await until(() => taken.length === 1, 'the waiting file');
    expect(taken[0]).toMatchObject({ name: 'waiting.jpg', size: 17 });
  });

  it('goes missing when the folder is removed and takes files again once it is made anew', async () => {
    const parent = tempDir();
    const folder = join(parent, 'scans');
    mkdirSync(folder);
    const { watcher, taken, states, logger } = start(folder);
    expect(watcher.state()).toBe('watching');
    writeFileSync(join(folder, 'before.pdf'), 'one');
    await until(() => taken.length === 1, 'the first file');

    rmSync(folder, { recursive: true });
    await until(() => watcher.state() === 'missing', 'the folder to be missing');
    expect(states).toEqual(['missing']);
    expect(logger.entries.some((e) => e.level === 'warn' && e.message.includes('missing'))).toBe(true);

    mkdirSync(folder);
    await until(() => watcher.state() === 'watching', 'the folder to be watched again');
    expect(states).toEqual(['missing', 'watching']);
    writeFileSync(join(folder, 'after.pdf'), 'two');
    await until(() => taken.length === 2, 'the file in the new folder');
    expect(taken.map((t) => t.name)).toEqual(['before.pdf', 'after.pdf']);
  });

  it('watches anew a folder removed and made again at once, before any check saw it missing', async () => {
    const parent = tempDir();
    const folder = join(parent, 'scans');
    mkdirSync(folder);
    const { watcher, taken, states } = start(folder, { stableMs: 1000 });
    writeFileSync(join(folder, 'before.pdf'), 'one');
    await until(() => taken.length === 1, 'the first file');
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    writeFileSync(join(folder, 'after.pdf'), 'two');
    await until(() => taken.length === 2, 'the file in the folder made again');
    expect(taken.map((t) => t.name)).toEqual(['before.pdf', 'after.pdf']);
    expect(watcher.state()).toBe('watching');
    expect(states).toEqual([]);
  });

  it('starts missing when the folder is not there yet, and watches once it appears', async () => {
    const folder = join(tempDir(), 'not-yet');
    const { watcher, taken, states } = start(folder);
    expect(watcher.state()).toBe('missing');
    mkdirSync(folder);
    writeFileSync(join(folder, 'first.png'), 'png');
    await until(() => taken.length === 1, 'the file in the new folder');
    expect(states).toEqual(['watching']);
  });

  it('two watchers on one folder take each file once between them', async () => {
    const folder = tempDir();
    const one = start(folder, { by: 1 });
    const two = start(folder, { by: 2 });
    const names = Array.from({ length: 8 }, (_, i) => `page-${i}.jpg`);
    for (const name of names) writeFileSync(join(folder, name), `content of ${name}`);
    await until(() => one.taken.length + two.taken.length >= names.length, 'every file');
    await sleep(1000);
    const all = [...one.taken, ...two.taken].map((t) => t.name).sort();
    expect(all).toEqual([...names].sort());
  });

  it('moves a file onFile refuses into refused/, keeps both of two with one name, and logs why', async () => {
    const folder = tempDir();
    const { taken, logger } = start(folder, {
      onFile: () => Promise.reject(new Error('not a document we can read')),
    });
    writeFileSync(join(folder, 'broken.pdf'), 'first');
    await until(() => taken.length === 1, 'the first file');
    await until(() => existsSync(join(folder, 'refused', 'broken.pdf')), 'refused/broken.pdf');
    writeFileSync(join(folder, 'broken.pdf'), 'second');
    await until(() => existsSync(join(folder, 'refused')) && readdirSync(join(folder, 'refused')).length === 2, 'the second refused file');
    expect(readFileSync(join(folder, 'refused', 'broken.pdf'), 'utf8')).toBe('first');
    const other = readdirSync(join(folder, 'refused')).find((n) => n !== 'broken.pdf')!;
    expect(other).toMatch(/-broken\.pdf$/);
    expect(readFileSync(join(folder, 'refused', other), 'utf8')).toBe('second');
    expect(readdirSync(join(folder, '.vikno-taking'))).toEqual([]);
    const errors = logger.entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0]!.fields).toMatchObject({ name: 'broken.pdf', error: 'not a document we can read' });
    // refused/ itself is never taken.
    await sleep(600);
    expect(taken).toHaveLength(2);
  });

  it('hands files to onFile one at a time', async () => {
    const folder = tempDir();
    let running = 0;
    let most = 0;
    const { taken } = start(folder, {
      onFile: async () => {
        running++;
        most = Math.max(most, running);
        await sleep(150);
        running--;
      },
    });
    for (let i = 0; i < 4; i++) writeFileSync(join(folder, `f${i}.pdf`), `file ${i}`);
    await until(() => taken.length === 4 && running === 0, 'all four files');
    expect(most).toBe(1);
  });

  it('offers again, once, a file a stopped desk had claimed but not finished', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, '.vikno-taking'));
    writeFileSync(join(folder, '.vikno-taking', `${randomUUID()}-interrupted.pdf`), 'half way');
    const { taken } = start(folder);
    await until(() => taken.length === 1, 'the leftover');
    expect(taken[0]).toMatchObject({ name: 'interrupted.pdf', size: 8 });
    await sleep(600);
    expect(taken).toHaveLength(1);
  });

  it('takes nothing after it is closed', async () => {
    const folder = tempDir();
    const { watcher, taken } = start(folder);
    await watcher.close();
    writeFileSync(join(folder, 'late.pdf'), 'late');
    await sleep(800);
    expect(taken).toHaveLength(0);
    expect(existsSync(join(folder, 'late.pdf'))).toBe(true);
  });
});
