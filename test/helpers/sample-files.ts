/**
 * Real files for the documents tests, made on the spot: scans and photos (sharp), PDFs (pdf-lib),
 * an encrypted PDF (the standard security handler, written here: pdf-lib cannot encrypt and qpdf
 * is not installed), and broken ones.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { degrees, PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';
import type { Sharp } from 'sharp';

/** An A4 page at `dpi`, in pixels. */
export function a4Pixels(dpi: number): { width: number; height: number } {
  return { width: Math.round((210 / 25.4) * dpi), height: Math.round((297 / 25.4) * dpi) };
}

/**
 * A page that looks like a scanned form: a white sheet with lines of "text" (dark bars of varying
 * length) and a heading; `seed` varies the lines so pages differ. Rendered at its size, no density.
 */
export function formSvg(width: number, height: number, seed = 1): string {
  const lineHeight = Math.max(4, Math.round(height / 70));
  const margin = Math.round(width / 12);
  const bars: string[] = [];
  let state = seed * 7919;
  for (let y = margin * 2; y < height - margin; y += lineHeight * 2) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const length = ((state % 1000) / 1000) * (width - 2 * margin) * 0.6 + (width - 2 * margin) * 0.3;
    bars.push(`<rect x="${margin}" y="${y}" width="${length.toFixed(1)}" height="${lineHeight}" fill="#222"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#fbfbf8"/>
<rect x="${margin}" y="${margin}" width="${width - 2 * margin}" height="${lineHeight * 3}" fill="#555"/>
${bars.join('\n')}
</svg>`;
}

export interface ImageOptions {
  width: number;
  height: number;
  /** Written into the file's density (JFIF / pHYs / TIFF resolution); none when unset. */
  dpi?: number;
  seed?: number;
  color?: boolean;
}

function render(options: ImageOptions): Sharp {
  let image = sharp(Buffer.from(formSvg(options.width, options.height, options.seed)));
  if (options.color) image = image.tint({ r: 40, g: 60, b: 160 });
  return options.dpi ? image.withDensity(options.dpi) : image;
}

export function jpegImage(options: ImageOptions): Promise<Buffer> {
  return render(options).flatten({ background: '#ffffff' }).jpeg({ quality: 90 }).toBuffer();
}

export function pngImage(options: ImageOptions): Promise<Buffer> {
  return render(options).png().toBuffer();
}

/**
 * What a scanner in gray mode hands over: an uncompressed one-channel TIFF of the form page with
 * paper grain (noise of about `grain` levels, seeded, so the same call gives the same bytes). Grain
 * is what makes real scans larger than clean drawings: a flat drawing compresses to nothing.
 */
export async function scannedPage(options: { dpi: number; seed?: number; grain?: number }): Promise<Buffer> {
  const { width, height } = a4Pixels(options.dpi);
  const pixels = await sharp(Buffer.from(formSvg(width, height, options.seed)))
    .toColourspace('b-w')
    .extractChannel(0)
    .raw()
    .toBuffer();
  const grain = options.grain ?? 2;
  let state = (options.seed ?? 1) * 2654435761;
  for (let i = 0; i < pixels.length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    // Two uniform draws summed: a bell-shaped noise without Math.random.
    const noise = ((state >> 16) & 255) / 255 + ((state >> 8) & 255) / 255 - 1;
    pixels[i] = Math.min(255, Math.max(0, pixels[i]! + noise * grain * 1.7));
  }
  return sharp(pixels, { raw: { width, height, channels: 1 } })
    .toColourspace('b-w')
    .withDensity(options.dpi)
    .tiff({ compression: 'none' })
    .toBuffer();
}

/** A TIFF of `pages` pages, each of the given size (different seeds, so different pictures). */
export async function tiffImage(options: ImageOptions & { pages: number }): Promise<Buffer> {
  const pages = await Promise.all(Array.from({ length: options.pages }, (_, i) => pngImage({ ...options, seed: (options.seed ?? 1) + i })));
  const joined = pages.length === 1 ? sharp(pages[0]) : sharp(pages, { join: { animated: true } });
  return (options.dpi ? joined.withDensity(options.dpi) : joined).tiff({ compression: 'lzw' }).toBuffer();
}

/**
 * The TIFF with the pixel data of page `index` overwritten (its strips filled with 0xFF): its
 * header and earlier pages stay readable, that page does not decode. Little-endian TIFFs only.
 */
export function damageTiffPage(tiff: Buffer, index: number): Buffer {
  const bad = Buffer.from(tiff);
  let ifd = bad.readUInt32LE(4);
  for (let i = 0; i < index; i++) ifd = bad.readUInt32LE(ifd + 2 + bad.readUInt16LE(ifd) * 12);
  const values = (tag: number): number[] => {
    for (let e = 0; e < bad.readUInt16LE(ifd); e++) {
      const at = ifd + 2 + e * 12;
      if (bad.readUInt16LE(at) !== tag) continue;
      const size = bad.readUInt16LE(at + 2) === 3 ? 2 : 4;
      const count = bad.readUInt32LE(at + 4);
      const from = count * size <= 4 ? at + 8 : bad.readUInt32LE(at + 8);
      return Array.from({ length: count }, (_, k) => (size === 2 ? bad.readUInt16LE(from + k * 2) : bad.readUInt32LE(from + k * 4)));
    }
    throw new Error(`TIFF page ${index} has no tag ${tag}`);
  };
  const counts = values(279); // StripByteCounts
  values(273).forEach((offset, k) => bad.fill(0xff, offset, offset + counts[k]!)); // StripOffsets
  return bad;
}

/** A PDF of `pages` A4 pages with a drawn shape each (no fonts needed). */
export async function pdfFile(pages: number, options: { rotation?: number } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawRectangle({ x: 50 + i * 10, y: 600, width: 300, height: 100, color: rgb(0.2, 0.2, 0.2 + (i % 5) * 0.1) });
    if (options.rotation) page.setRotation(degrees(options.rotation));
  }
  return pdf.save();
}

/** The first `fraction` of a file's bytes: what a copy cut short leaves. */
export function truncated(bytes: Uint8Array, fraction = 0.6): Buffer {
  return Buffer.from(bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

export function writeSample(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const PASSWORD_PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Uint8Array[]) => createHash('md5').update(Buffer.concat(parts)).digest();

/**
 * A one-page PDF encrypted with the standard security handler (revision 2, RC4 40-bit, PDF 1.7
 * §7.6.3), empty user password, owner password "owner": any reader opens it, and it is encrypted.
 */
export function encryptedPdf(): Buffer {
  const id = md5(Buffer.from('vikno encrypted sample'));
  const ownerKey = md5(Buffer.concat([Buffer.from('owner'), PASSWORD_PAD]).subarray(0, 32)).subarray(0, 5);
  const o = rc4(ownerKey, PASSWORD_PAD);
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-44);
  const fileKey = md5(PASSWORD_PAD, o, permissions, id).subarray(0, 5);
  const u = rc4(fileKey, PASSWORD_PAD);
  const objectKey = (num: number) => md5(fileKey, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from('0.2 0.2 0.6 rg 100 500 300 120 re f\n'));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]),
    `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P -44 >>`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      Buffer.from(body as never),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  const hexId = id.toString('hex');
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${hexId}> <${hexId}>] >>\nstartxref\n${at}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}
