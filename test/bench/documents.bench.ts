/**
 * Documents (docs/ARCHITECTURE.md §6.9): pages per second from the SANE test device to a stored,
 * compressed page (scanimage's feeder batch, each page through compressPage and putBlob as it
 * arrives), then assembly of a 20-page document of those pages, and the peak RSS over both of the
 * process doing them: a child (documents-child.ts) holding the desk backend's modules, not the
 * bench with the store and sync sections' heaps (the backend's share of the work: scanimage is a
 * process of its own).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedScanSettings } from '../../shared/documents';
import { putBlob } from '../../main/backend/blobs/blob-store';
import { DEFAULT_DOCUMENTS } from '../../main/backend/config/documents-config';
import { assemblePdf } from '../../main/backend/documents/assemble-pdf';
import type { AssemblyPage } from '../../main/backend/documents/assemble-pdf';
import { compressPage } from '../../main/backend/documents/page-image';
import { findProgram } from '../../main/backend/scan/find-program';
import { SaneScanner } from '../../main/backend/scan/sane-scanner';
import { benchChild } from './cold-open';
import type { Figure } from './report';

/** The test device's feeder gives 10 pages a batch. */
const FEEDER_PAGES = 10;
const DOCUMENT_PAGES = 20;
const MiB = 1024 * 1024;

/**
 * A4 asked; the test device clamps it to its 200 × 200 mm. Its Grid picture (black lines every
 * 10 mm on white) stands in for a printed page; its "Color pattern" in gray is one-pixel stripes,
 * the worst case for JPEG and like no document, and "Solid black" would compress to nothing.
 */
const SETTINGS: ResolvedScanSettings = { device: 'test', source: 'feeder', mode: 'gray', dpi: 300, pageSize: 'a4' };
const PICTURE = ['--test-picture', 'Grid'];

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

export function documentsFigures(quick: boolean): Figure[] {
  const child = spawnSync(process.execPath, [benchChild('documents'), ...(quick ? ['--quick'] : [])], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`The documents child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Figure[];
}

/** The measurement itself, in the child; its own RSS sampled from before the first page to after the PDF. */
export async function measureDocuments(quick: boolean): Promise<Figure[]> {
  const program = findProgram(null, { names: ['scanimage'], platform: process.platform, env: process.env });
  if (program === null) throw new Error('the documents bench needs scanimage (Debian package sane-utils)');
  const dir = mkdtempSync(join(tmpdir(), 'vikno-bench-documents-'));
  const rss = sampleRss();
  try {
    const scanner = new SaneScanner({ program, extraArgs: PICTURE });
    const compression = DEFAULT_DOCUMENTS.compression;
    const pages: AssemblyPage[] = [];
    const batches = quick ? 1 : DOCUMENT_PAGES / FEEDER_PAGES;
    const started = performance.now();
    for (let batch = 0; batch < batches; batch += 1) {
      const workDir = join(dir, `scan-${batch}`);
      mkdirSync(workDir);
      const outcome = await scanner.scan(SETTINGS, workDir, async (page) => {
        const compressed = await compressPage(page.file, compression, { dpi: page.dpi });
        await putBlob(join(dir, 'data'), compressed.bytes);
        rmSync(page.file);
        pages.push({ kind: 'image', ...compressed, rotation: 0 });
      }).done;
      if (outcome.state !== 'finished') throw new Error(`the test scan ended ${outcome.state}: ${outcome.problem?.detail ?? ''}`);
    }
    const scanSeconds = (performance.now() - started) / 1000;
    // The quick run has one batch: its 10 pages twice make the 20-page document.
    const documentPages = Array.from({ length: DOCUMENT_PAGES }, (_, i) => pages[i % pages.length]!);
    const assemblyStarted = performance.now();
    const pdf = await assemblePdf(documentPages, { title: 'bench', author: 'bench', subject: 'bench', createdAt: new Date(0) });
    const assemblyMs = performance.now() - assemblyStarted;
    const peak = rss.stop();
    return [
      {
        name: `documents scan → stored page, ${pages.length} pages (SANE test device grid, 300 dpi gray A4; goal ≥ 4)`,
        value: pages.length / scanSeconds,
        unit: 'pages/s',
      },
      { name: `documents ${DOCUMENT_PAGES}-page 300 dpi gray PDF assembly (goal ≤ 2000)`, value: assemblyMs, unit: 'ms' },
      { name: `documents ${DOCUMENT_PAGES}-page 300 dpi gray PDF size (goal ≤ 4)`, value: pdf.length / 1e6, unit: 'MB' },
      { name: 'documents peak RSS during scan and assembly (goal ≤ 300)', value: peak / MiB, unit: 'MiB' },
    ];
  } finally {
    rss.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
