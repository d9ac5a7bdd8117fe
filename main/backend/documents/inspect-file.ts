/**
 * Checks a file before anything of it is stored (docs/ARCHITECTURE.md §6.9): it is not empty, not
 * too large, one of the kinds import takes by its bytes, the kind its extension claims, and decodes
 * completely. Each refusal carries its code (the renderer words it) and an English message for the log.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { ImportKind, ImportRefusal } from '../../../shared/documents';
import { kindOfName, sniffKind, SNIFF_BYTES } from './file-kind';

export class ImportRefused extends Error {
  constructor(
    readonly refusal: ImportRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefused';
  }
}

export interface InspectedFile {
  kind: ImportKind;
  pages: number;
  bytes: number;
}

/** Throws ImportRefused: empty, unsupported_type, type_mismatch (extension vs bytes), corrupt, encrypted (PDF), file_too_large. */
export async function inspectFile(path: string, name: string, limits: { maxFileBytes: number }): Promise<InspectedFile> {
  const { size } = await stat(path);
  if (size === 0) throw new ImportRefused('empty', `${name} is empty (0 bytes)`);
  // Before reading anything: a file over the limit is never read into memory.
  if (size > limits.maxFileBytes) {
    throw new ImportRefused('file_too_large', `${name} has ${size} bytes, more than the limit of ${limits.maxFileBytes}`);
  }
  const kind = sniffKind(await readHead(path));
  if (kind === null) throw new ImportRefused('unsupported_type', `${name} is not a PDF, JPEG, PNG or TIFF file`);
  const claimed = kindOfName(name);
  // A name without an extension (some scanners' software saves such) is judged by its bytes alone.
  if (claimed !== kind && hasExtension(name)) {
    throw new ImportRefused(
      'type_mismatch',
      `${name} is named as ${claimed ?? 'another kind of file'} but its contents are ${kind.toUpperCase()}`,
    );
  }
  const pages = kind === 'pdf' ? await pdfPages(path, name) : await imagePages(path, name);
  return { kind, pages, bytes: size };
}

async function readHead(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function hasExtension(name: string): boolean {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  return base.lastIndexOf('.') > 0;
}

async function pdfPages(path: string, name: string): Promise<number> {
  let pdf: PDFDocument;
  try {
    // Loaded despite encryption so that pdf-lib says so (its EncryptedPDFError fails instanceof: ES5 classes).
    pdf = await PDFDocument.load(await readFile(path), { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new ImportRefused('corrupt', `${name} is not a readable PDF: ${message(error)}`);
  }
  if (pdf.isEncrypted) throw new ImportRefused('encrypted', `${name} is an encrypted PDF: its pages cannot be copied into a case document`);
  const pages = countPages(pdf, name);
  if (pages === 0) throw new ImportRefused('corrupt', `${name} is a PDF without pages`);
  return pages;
}

function countPages(pdf: PDFDocument, name: string): number {
  // pdf-lib parses leniently and only fails on the page tree when it is asked for the pages.
  try {
    return pdf.getPages().length;
  } catch (error) {
    throw new ImportRefused('corrupt', `${name} is a PDF whose pages cannot be read: ${message(error)}`);
  }
}

/** Decodes every page to its last pixel: a header alone says nothing of a truncated or damaged image. */
async function imagePages(path: string, name: string): Promise<number> {
  try {
    const { pages = 1 } = await sharp(path, { failOn: 'error' }).metadata();
    for (let page = 0; page < pages; page++) await sharp(path, { failOn: 'error', page }).stats();
    return pages;
  } catch (error) {
    throw new ImportRefused('corrupt', `${name} is a damaged image: ${message(error)}`);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
