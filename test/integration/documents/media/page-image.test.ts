import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENTS } from '../../../../main/backend/config/documents-config';
import { compressPage, imageThumbnail, pdfPageThumbnail } from '../../../../main/backend/documents/page-image';
import { a4Pixels, jpegImage, pngImage, scannedPage, tiffImage } from '../../../helpers/sample-files';

const GRAY = DEFAULT_DOCUMENTS.compression;
const KB = 1024;

async function meanOf(image: Buffer): Promise<number> {
  return (await sharp(image).stats()).channels[0]!.mean;
}

describe('a page image made compact', () => {
  it('a 300 dpi A4 scan becomes a one-channel grayscale JPEG of the same size and resolution, a small fraction of the raw page', async () => {
    const a4 = a4Pixels(300);
    const scan = await pngImage({ ...a4, dpi: 300, color: true });
    const page = await compressPage(scan, GRAY);
    expect(page).toMatchObject({ mime: 'image/jpeg', widthPx: a4.width, heightPx: a4.height, dpi: 300 });
    const meta = await sharp(page.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', channels: 1, width: a4.width, height: a4.height, density: 300 });
    // Raw gray is 8.7 MB; the goal for a gray A4 page is 100–200 KB.
    expect(page.bytes.length).toBeLessThan(250 * KB);
  });

  it('a scanner’s uncompressed gray TIFF of a 300 dpi A4 page (26 times larger) comes to under 200 KB', async () => {
    const tiff = await scannedPage({ dpi: 300, seed: 3 });
    const page = await compressPage(tiff, GRAY);
    expect(page).toMatchObject({ mime: 'image/jpeg', dpi: 300, widthPx: a4Pixels(300).width });
    expect(page.bytes.length).toBeLessThan(200 * KB);
    expect(page.bytes.length * 26).toBeLessThan(tiff.length);
  });

  it('a page above maxDpi is scaled down to it; the scanner’s stated dpi wins over the file’s', async () => {
    const page = await compressPage(await pngImage({ width: 2400, height: 3600, dpi: 600 }), GRAY);
    expect(page).toMatchObject({ widthPx: 1200, heightPx: 1800, dpi: 300 });
    const told = await compressPage(await pngImage({ width: 2400, height: 3600 }), { ...GRAY, maxDpi: 200 }, { dpi: 400 });
    expect(told).toMatchObject({ widthPx: 1200, heightPx: 1800, dpi: 200 });
    expect((await sharp(told.bytes).metadata()).density).toBe(200);
  });

  it('a page at or below maxDpi keeps every pixel', async () => {
    const page = await compressPage(await jpegImage({ width: 1654, height: 2339, dpi: 200 }), GRAY);
    expect(page).toMatchObject({ widthPx: 1654, heightPx: 2339, dpi: 200 });
  });

  it('a photo without a believable resolution is held to A4 at maxDpi and reports no dpi', async () => {
    const page = await compressPage(await jpegImage({ width: 4000, height: 3000 }), GRAY);
    // Fitted into landscape A4 (its short side, 210 mm, is the limit at 4:3) at 300 dpi.
    expect(page.heightPx).toBe(Math.round((210 / 25.4) * 300));
    expect(page.widthPx).toBe(Math.round((4000 * page.heightPx) / 3000));
    expect(page.dpi).toBeNull();
  });

  it('a phone picture stored sideways is turned upright by its EXIF orientation', async () => {
    const sideways = await sharp(await jpegImage({ width: 800, height: 600 }))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const page = await compressPage(sideways, GRAY);
    expect([page.widthPx, page.heightPx]).toEqual([600, 800]);
  });

  it('colour mode keeps three channels; bilevel is a two-colour 1-bit PNG far smaller than gray', async () => {
    const scan = await pngImage({ ...a4Pixels(300), dpi: 300, color: true });
    const color = await compressPage(scan, { ...GRAY, mode: 'color' });
    expect(color.mime).toBe('image/jpeg');
    expect((await sharp(color.bytes).metadata()).channels).toBe(3);
    const bilevel = await compressPage(scan, { ...GRAY, mode: 'bilevel' });
    const gray = await compressPage(scan, GRAY);
    expect(bilevel.mime).toBe('image/png');
    expect(await sharp(bilevel.bytes).metadata()).toMatchObject({ format: 'png', isPalette: true, bitsPerSample: 1 });
    const { channels } = await sharp(bilevel.bytes).toColourspace('b-w').stats();
    expect([channels[0]!.min, channels[0]!.max]).toEqual([0, 255]);
    expect(bilevel.bytes.length).toBeLessThan(gray.bytes.length / 3);
  });

  it('takes the asked page of a multi-page TIFF', async () => {
    const options = { width: 400, height: 560, dpi: 150 };
    const tiff = await tiffImage({ ...options, pages: 3, seed: 10 });
    for (const page of [0, 2]) {
      const alone = await compressPage(await pngImage({ ...options, seed: 10 + page }), GRAY);
      const fromTiff = await compressPage(tiff, GRAY, { page });
      expect(fromTiff).toMatchObject({ widthPx: 400, heightPx: 560, dpi: 150 });
      expect(Math.abs((await meanOf(fromTiff.bytes)) - (await meanOf(alone.bytes)))).toBeLessThan(0.5);
    }
    const first = await meanOf((await compressPage(tiff, GRAY, { page: 0 })).bytes);
    const last = await meanOf((await compressPage(tiff, GRAY, { page: 2 })).bytes);
    expect(first).not.toBeCloseTo(last, 1);
  });
});

describe('thumbnails', () => {
  it('an image thumbnail is a JPEG at most 240 px on its long side, turned by the rotation', async () => {
    const page = (await compressPage(await pngImage({ ...a4Pixels(300), dpi: 300 }), GRAY)).bytes;
    const upright = await sharp(await imageThumbnail(page, 0)).metadata();
    expect(upright).toMatchObject({ format: 'jpeg', height: 240, width: 170 });
    for (const rotation of [90, 270] as const)
      expect(await sharp(await imageThumbnail(page, rotation)).metadata()).toMatchObject({ width: 240, height: 170 });
    expect(await sharp(await imageThumbnail(page, 180)).metadata()).toMatchObject({ width: 170, height: 240 });
  });

  it('a small picture is not enlarged', async () => {
    const small = await jpegImage({ width: 100, height: 60 });
    expect(await sharp(await imageThumbnail(small, 0)).metadata()).toMatchObject({ width: 100, height: 60 });
  });

  it('a PDF page tile is an A4-shaped JPEG with its page number drawn, turned by the rotation', async () => {
    const three = await pdfPageThumbnail(3, 0);
    expect(await sharp(three).metadata()).toMatchObject({ format: 'jpeg', width: 170, height: 240 });
    expect(await sharp(await pdfPageThumbnail(3, 90)).metadata()).toMatchObject({ width: 240, height: 170 });
    // The number is drawn: tiles of two pages differ, and the tile is not blank.
    expect(Buffer.compare(three, await pdfPageThumbnail(4, 0))).not.toBe(0);
    expect((await sharp(three).stats()).channels[0]!.min).toBeLessThan(128);
  });
});
