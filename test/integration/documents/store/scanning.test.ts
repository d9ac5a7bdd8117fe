import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegImage } from '../../../helpers/sample-files';
import { SANE_TEST, useDesks } from './store-harness';

/** Scanning through the contract with the real SANE test device (`scanimage -d test`). */
const startDesk = useDesks();
const FEEDER = { source: 'feeder' as const, mode: 'gray' as const, dpi: 75 };

describe('scanning into a page set', () => {
  it('answers what the desk can scan with, its hot folder and its limits', async () => {
    const desk = startDesk({ scanner: SANE_TEST });
    const info = await desk.call('documents.scanners', {});
    expect(info).toMatchObject({
      adapter: 'sane',
      state: 'ready',
      problem: null,
      defaults: { device: 'test', mode: 'gray', dpi: 75 },
      hotFolder: { path: null, state: 'off' },
      limits: { maxFileBytes: 50 * 1024 * 1024, maxDocumentBytes: 15 * 1024 * 1024 },
    });
    expect((await desk.call('documents.scanners', { refresh: true })).state).toBe('ready');
  });

  it('scans feeder pages one event each, stores each page, and ends with one finished event', async () => {
    const desk = startDesk();
    const set = await desk.call('documents.openSet', { owner: { kind: 'intake', lineKey: 'passport' }, label: 'Паспорт' });
    const { scanId } = await desk.call('documents.scan', { setId: set.id, settings: FEEDER });
    const events = await desk.scanned(scanId);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ state: 'finished', problem: null, page: null, setId: set.id });
    const scanning = events.slice(0, -1);
    expect(scanning.length).toBe(last.pagesDone);
    expect(scanning.length).toBeGreaterThanOrEqual(2);
    expect(scanning.map((e) => [e.state, e.pagesDone, e.page?.position])).toEqual(scanning.map((_, i) => ['scanning', i + 1, i + 1]));
    const stored = await desk.call('documents.getSet', { setId: set.id });
    expect(stored.pages.map((p) => p.id)).toEqual(scanning.map((e) => e.page!.id));
    expect(stored.pages.every((p) => p.source === 'scanner' && p.kind === 'image' && p.dpi === 75)).toBe(true);
    expect(readdirSync(join(desk.dataDir, 'scan-work'))).toEqual([]);
  });

  it('keeps the pages already stored when the scan is cancelled', async () => {
    const desk = startDesk();
    const set = await desk.call('documents.openSet', { owner: { kind: 'intake', lineKey: 'x' }, label: 'X' });
    const { scanId } = await desk.call('documents.scan', { setId: set.id, settings: { ...FEEDER, dpi: 600 } });
    // Cancel once the first page is in: at 600 dpi the other nine take far longer than that.
    while (!desk.progress.some((e) => e.scanId === scanId)) await new Promise((resolve) => setTimeout(resolve, 10));
    await desk.call('documents.cancelScan', { scanId });
    const events = await desk.scanned(scanId);
    const last = events.at(-1)!;
    expect(last.state).toBe('cancelled');
    expect(last.pagesDone).toBeGreaterThanOrEqual(1);
    expect((await desk.call('documents.getSet', { setId: set.id })).pages).toHaveLength(last.pagesDone);
    // Cancelling a scan that has ended is no error (the clerk pressed as it finished); an unknown one is.
    expect(await desk.call('documents.cancelScan', { scanId })).toBeNull();
    expect((await desk.refused('documents.cancelScan', { scanId: 'never-started' })).code).toBe('NOT_FOUND');
  });

  it('refuses a second scan while one runs (busy), and re-scans one page in place', async () => {
    const desk = startDesk();
    const set = await desk.call('documents.openSet', { owner: { kind: 'intake', lineKey: 'x' }, label: 'X' });
    await desk.importFile(set.id, 'a.jpg', await jpegImage({ width: 400, height: 560 }));
    await desk.importFile(set.id, 'b.jpg', await jpegImage({ width: 400, height: 560, seed: 90 }));
    const before = (await desk.call('documents.getSet', { setId: set.id })).pages;
    const { scanId } = await desk.call('documents.scan', {
      setId: set.id,
      settings: { mode: 'gray', dpi: 75 },
      replacePageId: before[0]!.id,
    });
    expect(await desk.refused('documents.scan', { setId: set.id, settings: { mode: 'gray', dpi: 75 } })).toEqual({
      code: 'UNAVAILABLE',
      issues: [{ path: ['scanner'], message: 'busy' }],
    });
    const events = await desk.scanned(scanId);
    expect(events.at(-1)).toMatchObject({ state: 'finished', pagesDone: 1 });
    const after = (await desk.call('documents.getSet', { setId: set.id })).pages;
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ position: 1, source: 'scanner' });
    expect(after[0]!.id).not.toBe(before[0]!.id);
    expect(after[1]!.id).toBe(before[1]!.id);
  });

  it('says no_scanner when none is configured, while import still works', async () => {
    const desk = startDesk({ scanner: { adapter: 'none' } });
    expect(await desk.call('documents.scanners', {})).toMatchObject({ adapter: 'none', state: 'not_configured' });
    const set = await desk.call('documents.openSet', { owner: { kind: 'intake', lineKey: 'x' }, label: 'X' });
    expect(await desk.refused('documents.scan', { setId: set.id, settings: {} })).toEqual({
      code: 'UNAVAILABLE',
      issues: [{ path: ['scanner'], message: 'no_scanner' }],
    });
    expect((await desk.importFile(set.id, 'a.jpg', await jpegImage({ width: 400, height: 560 }))).pages).toHaveLength(1);
  });

  it('reports a device that is not there as the scan’s problem, with no pages stored', async () => {
    const desk = startDesk({ scanner: { adapter: 'sane', device: 'nosuchdevice:0' } });
    const set = await desk.call('documents.openSet', { owner: { kind: 'intake', lineKey: 'x' }, label: 'X' });
    const { scanId } = await desk.call('documents.scan', { setId: set.id, settings: { mode: 'gray', dpi: 75 } });
    const events = await desk.scanned(scanId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ state: 'failed', pagesDone: 0, page: null, problem: { kind: 'not_found' } });
    expect((await desk.call('documents.getSet', { setId: set.id })).pages).toEqual([]);
    expect(readdirSync(join(desk.dataDir, 'scan-work'))).toEqual([]);
  });
});
