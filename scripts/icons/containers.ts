/**
 * The two icon containers electron-builder wants besides a PNG: Windows `.ico` and macOS `.icns`.
 * Both hold PNG images as they are (ICO since Vista, ICNS since OS X 10.7), so each is a small
 * header and a table in front of the PNG bytes; no npm package is needed for that.
 * No relative imports here: tests and scripts (NodeNext) both load this file.
 */

/** Width and height of a PNG, read from its IHDR chunk (bytes 16–23). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG image (no PNG signature or IHDR chunk at the start)');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** An ICO file: ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the PNGs. */
export function writeIco(pngs: readonly Buffer[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(pngs.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * pngs.length;
  for (const png of pngs) {
    const { width, height } = pngSize(png);
    if (width !== height || width > 256) throw new Error(`An ICO image must be square and at most 256 px, got ${width}×${height}`);
    const entry = Buffer.alloc(16);
    // 0 in the one-byte width and height means 256.
    entry.writeUInt8(width === 256 ? 0 : width, 0);
    entry.writeUInt8(height === 256 ? 0 : height, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...pngs]);
}

export interface IcoEntry {
  width: number;
  height: number;
  bitsPerPixel: number;
  image: Buffer;
}

/** Reads an ICO back (tests, and anyone checking a built icon): each entry with its image bytes. */
export function readIco(ico: Buffer): IcoEntry[] {
  if (ico.length < 6 || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('Not an ICO file (bad ICONDIR header)');
  const count = ico.readUInt16LE(4);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = 6 + 16 * i;
    if (at + 16 > ico.length) throw new Error(`ICO entry ${i} lies past the end of the file`);
    const size = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    if (offset + size > ico.length) throw new Error(`ICO image ${i} lies past the end of the file`);
    entries.push({
      width: ico.readUInt8(at) || 256,
      height: ico.readUInt8(at + 1) || 256,
      bitsPerPixel: ico.readUInt16LE(at + 6),
      image: ico.subarray(offset, offset + size),
    });
  }
  return entries;
}

/** ICNS element types that hold a PNG, by pixel size (Apple's icns types; `@2x` types share sizes). */
export const ICNS_TYPES = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
] as const;

/** An ICNS file: 'icns' + total length, then per image a 4-letter type, its length (header included) and the PNG. */
export function writeIcns(images: readonly { type: string; png: Buffer }[]): Buffer {
  const parts = images.map(({ type, png }) => {
    if (!/^[a-z0-9]{4}$/.test(type)) throw new Error(`An ICNS type is four letters or digits, got "${type}"`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Reads an ICNS back: each element's type and data. */
export function readIcns(icns: Buffer): { type: string; data: Buffer }[] {
  if (icns.length < 8 || icns.toString('latin1', 0, 4) !== 'icns') throw new Error("Not an ICNS file (no 'icns' magic)");
  const total = icns.readUInt32BE(4);
  if (total !== icns.length) throw new Error(`ICNS length field says ${total} bytes, the file has ${icns.length}`);
  const elements: { type: string; data: Buffer }[] = [];
  let at = 8;
  while (at < total) {
    const length = icns.readUInt32BE(at + 4);
    if (length < 8 || at + length > total) throw new Error(`ICNS element at byte ${at} has a bad length ${length}`);
    elements.push({ type: icns.toString('latin1', at, at + 4), data: icns.subarray(at + 8, at + length) });
    at += length;
  }
  return elements;
}
