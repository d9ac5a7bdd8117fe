/**
 * One PDF per receipt line (docs/ARCHITECTURE.md §6.9): the line's pages in order, each turned by
 * its rotation. Page images go in as they are stored (already compressed: JPEG as DCT, PNG rows as
 * Flate), a PDF page is copied from its file; the result is deterministic (the same pages and meta
 * give the same bytes, so the same hash) and declares PDF/A-2b (pdfa.ts says what that covers).
 */
import { createHash } from 'node:crypto';
import { concatTransformationMatrix, degrees, drawObject, PDFDocument, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import type { PDFPage, PDFRef } from 'pdf-lib';
import type { Rotation } from '../../../shared/documents';
import { pageGeometry } from './page-size';
import { markPdfA } from './pdfa';
import { pngLayout, pngXObject } from './png-xobject';

export type AssemblyPage =
  | {
      kind: 'image';
      bytes: Uint8Array;
      mime: 'image/jpeg' | 'image/png';
      widthPx: number;
      heightPx: number;
      dpi: number | null;
      rotation: Rotation;
    }
  | { kind: 'pdf_page'; pdf: Uint8Array; pdfPage: number; rotation: Rotation };

export interface PdfMeta {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
}

/** One PDF of the pages in order, each turned by its rotation, PDF/A-2b metadata where pdf-lib allows. */
export async function assemblePdf(pages: readonly AssemblyPage[], meta: PdfMeta): Promise<Uint8Array> {
  if (pages.length === 0) throw new Error('A document needs at least one page');
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const sources = new Map<string, PDFDocument>();
  for (const page of pages) {
    if (page.kind === 'image') await addImagePage(pdf, page);
    else await addPdfPage(pdf, page, sources);
  }
  await markPdfA(pdf, { ...meta, producer: 'Vikno', documentId: documentId(pages, meta) });
  return pdf.save({ useObjectStreams: true });
}

async function addImagePage(pdf: PDFDocument, page: Extract<AssemblyPage, { kind: 'image' }>): Promise<void> {
  // The page's size comes from the image itself: a 300 dpi A4 scan makes an A4 page.
  const { width, height } = pageGeometry(page.widthPx, page.heightPx, page.dpi);
  const sheet = pdf.addPage([width, height]);
  const png = page.mime === 'image/png' ? pngLayout(page.bytes) : null;
  if (png) {
    drawXObject(sheet, pngXObject(pdf.context, png), width, height);
  } else {
    const image = page.mime === 'image/jpeg' ? await pdf.embedJpg(page.bytes) : await pdf.embedPng(page.bytes);
    sheet.drawImage(image, { x: 0, y: 0, width, height });
  }
  sheet.setRotation(degrees(page.rotation));
}

function drawXObject(sheet: PDFPage, ref: PDFRef, width: number, height: number): void {
  const name = sheet.node.newXObject('Image', ref);
  sheet.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
}

async function addPdfPage(
  pdf: PDFDocument,
  page: Extract<AssemblyPage, { kind: 'pdf_page' }>,
  sources: Map<string, PDFDocument>,
): Promise<void> {
  const key = sha256(page.pdf);
  let source = sources.get(key);
  if (!source) {
    source = await PDFDocument.load(page.pdf, { updateMetadata: false });
    sources.set(key, source);
  }
  const [copy] = await pdf.copyPages(source, [page.pdfPage]);
  if (!copy) throw new Error(`The PDF has no page ${page.pdfPage + 1}`);
  pdf.addPage(copy);
  // A page already turned in its own file keeps that turn, and the clerk's comes on top.
  copy.setRotation(degrees((((copy.getRotation().angle + page.rotation) % 360) + 360) % 360));
}

/** Derived from the content, never random: the same pages and meta give the same file. */
function documentId(pages: readonly AssemblyPage[], meta: PdfMeta): string {
  const hash = createHash('sha256');
  for (const page of pages) {
    if (page.kind === 'image')
      hash.update(`image ${page.mime} ${page.widthPx}x${page.heightPx} ${page.dpi} ${page.rotation} ${sha256(page.bytes)}\n`);
    else hash.update(`pdf ${page.pdfPage} ${page.rotation} ${sha256(page.pdf)}\n`);
  }
  hash.update(JSON.stringify([meta.title, meta.author, meta.subject, meta.createdAt.toISOString()]));
  return hash.digest('hex').slice(0, 32);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
