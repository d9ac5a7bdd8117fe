/**
 * A PNG placed in a PDF as it is: its compressed pixel rows (the IDAT data) are a Flate stream a PDF
 * reader decodes with the PNG predictor, so the page image is not decoded and compressed again
 * (pdf-lib's embedPng would turn a 1-bit bilevel page into 8-bit RGB, many times larger).
 */
import { PDFHexString, PDFName } from 'pdf-lib';
import type { PDFContext, PDFRef } from 'pdf-lib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1 };

export interface PngLayout {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  palette: Uint8Array | null;
  idat: Uint8Array;
}

/**
 * The parts of a PNG a PDF image needs, or null when it cannot go in as it is: interlaced, with an
 * alpha channel or transparency (tRNS), or not a PNG at all.
 */
export function pngLayout(bytes: Uint8Array): PngLayout | null {
  if (bytes.length < 8 || !SIGNATURE.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Omit<PngLayout, 'palette' | 'idat'> | null = null;
  let palette: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return null;
    if (type === 'IHDR') {
      if (data[12] !== 0) return null; // interlaced
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), bitDepth: data[8]!, colorType: data[9]! };
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') return null;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (header === null || !(header.colorType in CHANNELS) || idat.length === 0) return null;
  if (header.colorType === 3 && palette === null) return null;
  return { ...header, palette, idat: concat(idat) };
}

/** Registers the image XObject for a PNG pngLayout accepted. */
export function pngXObject(context: PDFContext, png: PngLayout): PDFRef {
  const colorSpace =
    png.colorType === 3
      ? [
          PDFName.of('Indexed'),
          PDFName.of('DeviceRGB'),
          png.palette!.length / 3 - 1,
          PDFHexString.of(Buffer.from(png.palette!).toString('hex')),
        ]
      : png.colorType === 0
        ? 'DeviceGray'
        : 'DeviceRGB';
  const stream = context.stream(png.idat, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: png.width,
    Height: png.height,
    BitsPerComponent: png.bitDepth,
    ColorSpace: colorSpace,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: CHANNELS[png.colorType]!, BitsPerComponent: png.bitDepth, Columns: png.width },
  });
  return context.register(stream);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
