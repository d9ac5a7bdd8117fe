import type { PDFDict, PDFRawStream } from 'pdf-lib';
import { PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENTS } from '../../../../main/backend/config/documents-config';
import { assemblePdf } from '../../../../main/backend/documents/assemble-pdf';
import type { AssemblyPage, PdfMeta } from '../../../../main/backend/documents/assemble-pdf';
import { compressPage } from '../../../../main/backend/documents/page-image';
import type { CompressedPage } from '../../../../main/backend/documents/page-image';
import { a4Pixels, jpegImage, pdfFile, pngImage, scannedPage, sha256 } from '../../../helpers/sample-files';
import { pdfImages, pdfJpegs, pdfPages, renderPage } from './poppler';

const GRAY = DEFAULT_DOCUMENTS.compression;
const META: PdfMeta = {
  title: 'Паспорт громадянина України',
  author: 'Ковальчук О. П. <ЦНАП № 1>',
  subject: 'Опис 2026-000123/1, рядок 2',
  createdAt: new Date('2026-12-03T10:15:30.250Z'),
};
const A4_PT = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

function imagePage(page: CompressedPage, rotation: AssemblyPage['rotation'] = 0): AssemblyPage {
  return { kind: 'image', bytes: page.bytes, mime: page.mime, widthPx: page.widthPx, heightPx: page.heightPx, dpi: page.dpi, rotation };
}

async function scan(seed: number, dpi = 300, widthPx = a4Pixels(dpi).width): Promise<CompressedPage> {
  return compressPage(await pngImage({ width: widthPx, height: a4Pixels(dpi).height, dpi, seed }), GRAY);
}

describe('one PDF from a line’s pages', () => {
  it('keeps the pages in order, each at its size and turned by its rotation', async () => {
    // Distinct widths tell the pages apart in the PDF.
    const pages = [await scan(1, 300, 2480), await scan(2, 300, 2300), await scan(3, 300, 2100)];
    const pdf = await assemblePdf([imagePage(pages[0]!, 0), imagePage(pages[1]!, 90), imagePage(pages[2]!, 270)], META);
    const read = pdfPages(pdf);
    expect(read.map((p) => p.rotation)).toEqual([0, 90, 270]);
    expect(read[0]!.width).toBeCloseTo(A4_PT.width, 0);
    expect(read[0]!.height).toBeCloseTo(A4_PT.height, 0);
    expect(read.map((p) => Math.round(p.width))).toEqual([595, Math.round((2300 / 300) * 72), Math.round((2100 / 300) * 72)]);
    const images = pdfImages(pdf);
    expect(images.map((i) => [i.page, i.width, i.height])).toEqual([
      [1, 2480, 3508],
      [2, 2300, 3508],
      [3, 2100, 3508],
    ]);
  });

  it('embeds the compressed JPEGs as they are: gray, 300 ppi, byte for byte the stored page', async () => {
    const pages = [await scan(4), await scan(5)];
    const pdf = await assemblePdf(
      pages.map((p) => imagePage(p)),
      META,
    );
    for (const image of pdfImages(pdf)) expect(image).toMatchObject({ encoding: 'jpeg', color: 'gray', bpc: 8, xPpi: 300, yPpi: 300 });
    expect(pdfJpegs(pdf).map(sha256)).toEqual(pages.map((p) => sha256(p.bytes)));
    // Nothing but the images and a little structure: no second copy, no re-encoding.
    expect(pdf.length).toBeLessThan(pages[0]!.bytes.length + pages[1]!.bytes.length + 20_000);
  });

  it('a bilevel PNG page stays 1-bit in the PDF and draws the same picture', async () => {
    const bilevel = await compressPage(await pngImage({ ...a4Pixels(300), dpi: 300, seed: 6 }), { ...GRAY, mode: 'bilevel' });
    const pdf = await assemblePdf([imagePage(bilevel)], META);
    expect(pdfImages(pdf)).toMatchObject([{ width: 2480, height: 3508, bpc: 1, encoding: 'image', xPpi: 300 }]);
    expect(pdf.length).toBeLessThan(bilevel.bytes.length + 20_000);
    // Drawn by poppler at 75 dpi it looks like the PNG scaled to the same size.
    const drawn = await sharp(renderPage(pdf, 1, 75))
      .toColourspace('b-w')
      .raw()
      .toBuffer({ resolveWithObject: true });
    const expected = await sharp(bilevel.bytes).toColourspace('b-w').resize(drawn.info.width, drawn.info.height).raw().toBuffer();
    let difference = 0;
    for (let i = 0; i < expected.length; i++) difference += Math.abs(expected[i]! - drawn.data[i]!);
    expect(difference / expected.length).toBeLessThan(8);
  });

  it('a page is as large as its pixels at its resolution: a 200 dpi A5 scan makes an A5 page', async () => {
    const a5 = { width: Math.round((148 / 25.4) * 200), height: Math.round((210 / 25.4) * 200) };
    const page = await compressPage(await pngImage({ ...a5, dpi: 200 }), GRAY);
    const pdf = await assemblePdf([imagePage(page)], META);
    const [read] = pdfPages(pdf);
    expect(read!.width).toBeCloseTo((148 / 25.4) * 72, 0);
    expect(read!.height).toBeCloseTo((210 / 25.4) * 72, 0);
    expect(pdfImages(pdf)).toMatchObject([{ xPpi: 200, yPpi: 200 }]);
  });

  it('a photo without a resolution fills an A4 page of its orientation', async () => {
    const photo = await compressPage(await jpegImage({ width: 1600, height: 1200, color: true }), { ...GRAY, mode: 'color' });
    const pdf = await assemblePdf([imagePage(photo)], META);
    const [page] = pdfPages(pdf);
    expect(page!.height).toBeCloseTo(A4_PT.width, 0);
    expect(page!.width).toBeCloseTo((A4_PT.width * 4) / 3, 0);
    expect(pdfImages(pdf)).toMatchObject([{ color: 'rgb', encoding: 'jpeg' }]);
  });

  it('copies a PDF’s page with the clerk’s turn added to the page’s own, between image pages', async () => {
    const source = await pdfFile(3, { rotation: 90 });
    const pdf = await assemblePdf(
      [
        imagePage(await scan(7)),
        { kind: 'pdf_page', pdf: source, pdfPage: 2, rotation: 90 },
        { kind: 'pdf_page', pdf: source, pdfPage: 0, rotation: 270 },
      ],
      META,
    );
    expect(pdfPages(pdf).map((p) => p.rotation)).toEqual([0, 180, 0]);
    // The copied pages are the source's third and first: their rectangles sit 20 and 0 points in.
    const copy = await PDFDocument.load(pdf);
    expect(copy.getPageCount()).toBe(3);
    const original = await PDFDocument.load(source);
    const contentOf = (doc: PDFDocument, i: number) => {
      const contents = doc.getPage(i).node.Contents();
      const stream = contents instanceof PDFStream ? contents : (doc.context.lookup(contents!.get(0)) as PDFStream);
      return Buffer.from((stream as PDFRawStream).getContents()).toString('hex');
    };
    expect(contentOf(copy, 1)).toBe(contentOf(original, 2));
    expect(contentOf(copy, 2)).toBe(contentOf(original, 0));
  });

  it('refuses to assemble nothing, and a page the PDF does not have', async () => {
    await expect(assemblePdf([], META)).rejects.toThrow(/at least one page/);
    await expect(assemblePdf([{ kind: 'pdf_page', pdf: await pdfFile(1), pdfPage: 3, rotation: 0 }], META)).rejects.toThrow();
  });

  it('carries the document’s metadata in the Info dictionary and PDF/A-2b XMP, with an sRGB output intent', async () => {
    const pdf = await assemblePdf([imagePage(await scan(8))], META);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe(META.title);
    expect(doc.getAuthor()).toBe(META.author);
    expect(doc.getSubject()).toBe(META.subject);
    expect(doc.getProducer()).toBe('Vikno');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-03T10:15:30.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-12-03T10:15:30.000Z');

    const metadata = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    expect(metadata.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
    const xmp = Buffer.from(metadata.getContents()).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('Паспорт громадянина України');
    expect(xmp).toContain('Ковальчук О. П. &lt;ЦНАП № 1&gt;');
    expect(xmp).toContain('<xmp:CreateDate>2026-12-03T10:15:30Z</xmp:CreateDate>');

    const intents = doc.context.lookup(doc.catalog.get(PDFName.of('OutputIntents'))) as unknown as { asArray(): unknown[] };
    const intent = doc.context.lookup(intents.asArray()[0] as never) as PDFDict;
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    const profile = doc.context.lookup(intent.get(PDFName.of('DestOutputProfile'))) as PDFStream;
    expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('3');

    const id = doc.context.trailerInfo.ID?.toString() ?? '';
    expect(id).toMatch(/^\[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]$/i);
    expect(Buffer.from(pdf.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
  });

  it('the same pages and meta give the same bytes; another turn or date gives others', async () => {
    const page = await scan(9);
    const once = await assemblePdf([imagePage(page)], META);
    expect(sha256(await assemblePdf([imagePage(page)], META))).toBe(sha256(once));
    expect(sha256(await assemblePdf([imagePage(page, 90)], META))).not.toBe(sha256(once));
    expect(sha256(await assemblePdf([imagePage(page)], { ...META, createdAt: new Date('2026-12-04T10:00:00Z') }))).not.toBe(sha256(once));
  });

  it('a 20-page 300 dpi gray document of scans with paper grain stays under 4 MB', async () => {
    const pages: AssemblyPage[] = [];
    for (let i = 0; i < 20; i++) pages.push(imagePage(await compressPage(await scannedPage({ dpi: 300, seed: 100 + i }), GRAY)));
    const pdf = await assemblePdf(pages, META);
    expect(pdfPages(pdf)).toHaveLength(20);
    expect(pdf.length).toBeLessThan(4 * 1024 * 1024);
  });
});
