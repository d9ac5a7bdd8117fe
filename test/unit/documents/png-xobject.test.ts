import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngLayout } from '../../../main/backend/documents/png-xobject';

const square = (channels: 1 | 3 | 4, size = 37) => {
  const image = sharp({
    create: {
      width: size,
      height: size + 3,
      channels: channels === 4 ? 4 : 3,
      background: channels === 4 ? { r: 10, g: 20, b: 30, alpha: 0.5 } : '#808080',
    },
  });
  return channels === 1 ? image.toColourspace('b-w') : image;
};

describe('a PNG taken into a PDF as it is', () => {
  it('a 1-bit palette PNG gives its palette and pixel rows, which inflate to one filter byte plus packed bits per row', async () => {
    const png = await square(3).threshold(128).png({ palette: true, colours: 2 }).toBuffer();
    const layout = pngLayout(png)!;
    expect(layout).toMatchObject({ width: 37, height: 40, bitDepth: 1, colorType: 3 });
    expect(layout.palette!.length % 3).toBe(0);
    expect(inflateSync(layout.idat).length).toBe(40 * (1 + Math.ceil(37 / 8)));
  });

  it('an 8-bit gray and an RGB PNG are taken; their rows are whole', async () => {
    const gray = pngLayout(await square(1).png().toBuffer())!;
    expect(gray).toMatchObject({ colorType: 0, bitDepth: 8, palette: null });
    expect(inflateSync(gray.idat).length).toBe(40 * (1 + 37));
    const rgb = pngLayout(await square(3).png().toBuffer())!;
    expect(rgb).toMatchObject({ colorType: 2, bitDepth: 8 });
    expect(inflateSync(rgb.idat).length).toBe(40 * (1 + 37 * 3));
  });

  it('the rows split over many IDAT chunks are joined in order', async () => {
    // Random pixels, stored without compression or filters: libpng writes them in several 8 KB chunks, rows as they are.
    const pixels = Buffer.from(Array.from({ length: 300 * 300 }, (_, i) => (i * 7919 + (i >> 3) * 104729) & 255));
    const png = await sharp(pixels, { raw: { width: 300, height: 300, channels: 1 } })
      .toColourspace('b-w')
      .png({ compressionLevel: 0, adaptiveFiltering: false })
      .toBuffer();
    const layout = pngLayout(png)!;
    expect(layout.idat.length).toBeGreaterThan(2 * 8192);
    const rows = inflateSync(layout.idat);
    expect(rows.length).toBe(300 * (1 + 300));
    for (let y = 0; y < 300; y++) {
      expect(rows[y * 301]).toBe(0);
      expect(rows.subarray(y * 301 + 1, (y + 1) * 301).equals(pixels.subarray(y * 300, (y + 1) * 300))).toBe(true);
    }
  });

  it('refuses what a PDF cannot show as it is: alpha, interlacing, transparency, or not a PNG at all', async () => {
    expect(pngLayout(await square(4).png().toBuffer())).toBeNull();
    expect(pngLayout(await square(3).png({ progressive: true }).toBuffer())).toBeNull();
    expect(
      pngLayout(
        await sharp({ create: { width: 4, height: 4, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
          .png({ palette: true })
          .toBuffer(),
      ),
    ).toBeNull();
    expect(pngLayout(await square(1).jpeg().toBuffer())).toBeNull();
    const png = await square(1).png().toBuffer();
    expect(pngLayout(png.subarray(0, 40))).toBeNull();
    // A palette PNG whose palette chunk is missing has no colours to show.
    const palette = await square(3).threshold(128).png({ palette: true, colours: 2 }).toBuffer();
    const plte = palette.indexOf('PLTE') - 4;
    const withoutPalette = Buffer.concat([palette.subarray(0, plte), palette.subarray(plte + 12 + palette.readUInt32BE(plte))]);
    expect(pngLayout(palette)).not.toBeNull();
    expect(pngLayout(withoutPalette)).toBeNull();
  });

  it('any bytes after the signature give a layout or null, never an exception', () => {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (rest) => {
        const layout = pngLayout(new Uint8Array([...signature, ...rest]));
        expect(layout === null || typeof layout.width === 'number').toBe(true);
      }),
    );
  });
});
