/**
 * Page images as the case file keeps them (docs/ARCHITECTURE.md §6.9): a scan or a picture file
 * made compact (grayscale JPEG by default, colour JPEG, or bilevel PNG), never above the configured
 * resolution; and the small thumbnails the page editor shows.
 */
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import type { Rotation } from '../../../shared/documents';
import type { DocumentsConfig } from '../config/documents-config';
import { pageGeometry } from './page-size';

export interface CompressedPage {
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png';
  widthPx: number;
  heightPx: number;
  dpi: number | null;
}

/** A page image (scan or picture file; `page` = index in a multi-page TIFF) made compact per `compression` (gray JPEG by default, never above maxDpi). */
export async function compressPage(
  input: string | Buffer,
  compression: DocumentsConfig['compression'],
  options: { page?: number; dpi?: number } = {},
): Promise<CompressedPage> {
  const open = () => sharp(input, { failOn: 'error', page: options.page ?? 0 });
  const meta = await open().metadata();
  // Width and height as the eye sees them: a phone's picture is stored sideways with an EXIF turn.
  const { width, height } = meta.autoOrient;
  const geometry = pageGeometry(width, height, options.dpi ?? meta.density ?? null);
  const scale = Math.min(1, compression.maxDpi / geometry.dpi);
  const widthPx = Math.max(1, Math.round(width * scale));
  const heightPx = Math.max(1, Math.round(height * scale));
  const dpi = Math.round(geometry.dpi * scale);
  let image = open().autoOrient().flatten({ background: '#ffffff' });
  if (scale < 1) image = image.resize(widthPx, heightPx, { fit: 'fill', kernel: 'lanczos3' });
  image = image.withDensity(dpi);
  const { data, info } = await encode(image, compression).toBuffer({ resolveWithObject: true });
  return {
    bytes: data,
    mime: compression.mode === 'bilevel' ? 'image/png' : 'image/jpeg',
    widthPx: info.width,
    heightPx: info.height,
    dpi: geometry.stated ? dpi : null,
  };
}

/**
 * Baseline JPEG with optimised Huffman tables, not mozjpeg: on this machine mozjpeg's trellis
 * quantisation took ~270 ms for a 300 dpi gray A4 page against ~50 ms, for ~25% fewer bytes
 * (61 KB against 84 KB on a form page), and pages must keep pace with the scanner (≥ 4 pages/s).
 */
const JPEG = { optimiseCoding: true } as const;

function encode(image: Sharp, compression: DocumentsConfig['compression']): Sharp {
  switch (compression.mode) {
    case 'gray':
      // One channel: grayscale() alone still writes three (sharp 0.35), a third of the bytes wasted.
      return image.toColourspace('b-w').jpeg({ ...JPEG, quality: compression.jpegQuality });
    case 'color':
      return image.toColourspace('srgb').jpeg({ ...JPEG, quality: compression.jpegQuality });
    case 'bilevel':
      // Two colours in a 1-bit palette: a text page is tens of kilobytes.
      return image.toColourspace('b-w').threshold(128).png({ palette: true, colours: 2, compressionLevel: 9 });
  }
}

const THUMBNAIL_PX = 240;

/** JPEG ≤ 240 px on its long side, turned by `rotation`; for a PDF page (no renderer here) a drawn tile "PDF · N". */
export async function imageThumbnail(image: Buffer, rotation: Rotation): Promise<Buffer> {
  return sharp(image, { failOn: 'error' })
    .autoOrient()
    .rotate(rotation)
    .flatten({ background: '#ffffff' })
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ ...JPEG, quality: 75 })
    .toBuffer();
}

export async function pdfPageThumbnail(pageNumber: number, rotation: Rotation): Promise<Buffer> {
  // An A4 sheet, 240 px high, drawn upright and then turned like the page.
  const width = Math.round((THUMBNAIL_PX * 210) / 297);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${THUMBNAIL_PX}" viewBox="0 0 ${width} ${THUMBNAIL_PX}">
  <rect x="0.5" y="0.5" width="${width - 1}" height="${THUMBNAIL_PX - 1}" fill="#ffffff" stroke="#9aa4b2"/>
  <path d="M${width - 36} 0.5 L${width - 0.5} 36" stroke="#9aa4b2" fill="none"/>
  <text x="50%" y="45%" text-anchor="middle" font-family="sans-serif" font-size="40" font-weight="bold" fill="#b42318">PDF</text>
  <text x="50%" y="62%" text-anchor="middle" font-family="sans-serif" font-size="28" fill="#344054">${Math.trunc(pageNumber)}</text>
</svg>`;
  return sharp(Buffer.from(svg)).rotate(rotation).flatten({ background: '#ffffff' }).jpeg({ quality: 80 }).toBuffer();
}
