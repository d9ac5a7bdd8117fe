import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ImportRefusal } from '../../../../shared/documents';
import { ImportRefused, inspectFile } from '../../../../main/backend/documents/inspect-file';
import {
  damageTiffPage,
  encryptedPdf,
  jpegImage,
  pdfFile,
  pngImage,
  tiffImage,
  truncated,
  writeSample,
} from '../../../helpers/sample-files';
import { useTempDirs } from '../../../helpers/temp-dir';

const LIMITS = { maxFileBytes: 5 * 1024 * 1024 };

describe('checking a file before it is imported', () => {
  const tempDir = useTempDirs();

  async function refusal(name: string, bytes: Uint8Array | string, limits = LIMITS): Promise<ImportRefused> {
    const path = writeSample(tempDir(), name, bytes);
    const error = await inspectFile(path, name, limits).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, `${name} should be refused`).toBeInstanceOf(ImportRefused);
    const refused = error as ImportRefused;
    // The log's words name the file, whatever the refusal.
    expect(refused.message).toContain(name);
    return refused;
  }

  it.each([
    ['scan.pdf', 'pdf', 3, () => pdfFile(3)],
    ['ФОТО.JPG', 'jpeg', 1, () => jpegImage({ width: 600, height: 800, dpi: 200 })],
    ['page.jpeg', 'jpeg', 1, () => jpegImage({ width: 300, height: 200 })],
    ['page.png', 'png', 1, () => pngImage({ width: 640, height: 480 })],
    ['single.tif', 'tiff', 1, () => tiffImage({ width: 400, height: 560, pages: 1, dpi: 150 })],
    ['batch.tiff', 'tiff', 4, () => tiffImage({ width: 400, height: 560, pages: 4, dpi: 150 })],
    // Some scanners' software saves without an extension: the bytes decide.
    ['scan-0001', 'pdf', 2, () => pdfFile(2)],
  ] as const)('accepts %s as %s with %i page(s)', async (name, kind, pages, make) => {
    const bytes = await make();
    const path = writeSample(tempDir(), name, bytes);
    expect(await inspectFile(path, name, LIMITS)).toEqual({ kind, pages, bytes: bytes.length });
  });

  it('accepts a Дія copy with many pages', async () => {
    const bytes = await pdfFile(12);
    const path = writeSample(tempDir(), 'diia-copy.pdf', bytes);
    expect((await inspectFile(path, 'diia-copy.pdf', LIMITS)).pages).toBe(12);
  });

  it.each<[string, ImportRefusal, () => Promise<Uint8Array | string> | Uint8Array | string]>([
    ['empty.pdf', 'empty', () => ''],
    ['picture.pdf', 'type_mismatch', () => pngImage({ width: 50, height: 50 })],
    ['scan.png', 'type_mismatch', () => jpegImage({ width: 50, height: 50 })],
    ['document.tif', 'type_mismatch', () => pdfFile(1)],
    ['notes.jpg', 'unsupported_type', () => 'This is a text file, not a photo.\n'],
    ['letter.docx', 'unsupported_type', () => Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('word/document.xml')])],
    ['setup.exe', 'unsupported_type', () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])],
    // A real PDF named .docx: the name says something else than the bytes.
    ['contract.docx', 'type_mismatch', () => pdfFile(1)],
    ['cut.jpg', 'corrupt', async () => truncated(await jpegImage({ width: 400, height: 400 }))],
    ['cut.png', 'corrupt', async () => truncated(await pngImage({ width: 400, height: 400 }))],
    ['cut.tif', 'corrupt', async () => truncated(await tiffImage({ width: 400, height: 400, pages: 2 }), 0.3)],
    // Every page is decoded: damage in the last page of a batch is found too.
    ['third-page-bad.tif', 'corrupt', async () => damageTiffPage(await tiffImage({ width: 400, height: 560, pages: 3 }), 2)],
    [
      'header-only.png',
      'corrupt',
      async () => Buffer.concat([(await pngImage({ width: 40, height: 40 })).subarray(0, 33), Buffer.alloc(300, 7)]),
    ],
    ['cut.pdf', 'corrupt', async () => truncated(await pdfFile(3), 0.9)],
    ['garbage.pdf', 'corrupt', () => '%PDF-1.7\nthis is not a PDF at all\n%%EOF\n'],
    [
      'no-pages.pdf',
      'corrupt',
      () =>
        '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    ],
    ['locked.pdf', 'encrypted', () => encryptedPdf()],
  ])('refuses %s: %s', async (name, code, make) => {
    expect((await refusal(name, await make())).refusal).toBe(code);
  });

  it('the encrypted sample is a real encrypted PDF that readers open', () => {
    const path = writeSample(tempDir(), 'locked.pdf', encryptedPdf());
    const info = execFileSync('pdfinfo', [path]).toString();
    expect(info).toMatch(/Encrypted:\s+yes/);
    expect(info).toMatch(/Pages:\s+1/);
  });

  it('refuses a file over the limit, naming its size; one exactly at the limit passes', async () => {
    const bytes = await jpegImage({ width: 300, height: 300 });
    const refused = await refusal('big.jpg', bytes, { maxFileBytes: bytes.length - 1 });
    expect(refused.refusal).toBe('file_too_large');
    expect(refused.message).toContain(String(bytes.length));
    // Exactly at the limit is allowed.
    const path = writeSample(tempDir(), 'exact.jpg', bytes);
    expect((await inspectFile(path, 'exact.jpg', { maxFileBytes: bytes.length })).kind).toBe('jpeg');
  });

  it('a file over the limit is refused even when its contents are garbage: the size is checked first', async () => {
    expect((await refusal('huge.pdf', Buffer.alloc(2000, 1), { maxFileBytes: 1000 })).refusal).toBe('file_too_large');
  });
});
