/**
 * What kind of file an import or a hot-folder file is: by its first bytes (what it is) and by its
 * name (what it claims to be). inspect-file.ts refuses a file whose two answers disagree.
 */
import type { ImportKind } from '../../../shared/documents';

const SIGNATURES: ReadonlyArray<{ kind: ImportKind; bytes: readonly number[] }> = [
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'tiff', bytes: [0x49, 0x49, 0x2a, 0x00] }, // II*\0, little-endian
  { kind: 'tiff', bytes: [0x4d, 0x4d, 0x00, 0x2a] }, // MM\0*, big-endian
];

/** How many leading bytes sniffKind needs at most. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((s) => s.bytes.length));

/** The kind the leading bytes announce, or null for anything else (too short included). */
export function sniffKind(head: Uint8Array): ImportKind | null {
  const found = SIGNATURES.find((s) => s.bytes.length <= head.length && s.bytes.every((b, i) => head[i] === b));
  return found?.kind ?? null;
}

const EXTENSIONS: Readonly<Record<string, ImportKind>> = {
  pdf: 'pdf',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  tif: 'tiff',
  tiff: 'tiff',
};

/** The kind a file's extension claims (case-insensitive), or null for any other or no extension. */
export function kindOfName(name: string): ImportKind | null {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = base.slice(dot + 1).toLowerCase();
  return Object.hasOwn(EXTENSIONS, extension) ? (EXTENSIONS[extension] ?? null) : null;
}
