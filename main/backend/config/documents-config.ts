/**
 * The desk's scanning and documents settings (`documents` in `<dataDir>/config.json`, docs/IT.md
 * "Scanners"): which scanner adapter and device, the hot folder, size limits, how pages are
 * compressed, and how long scans of delivered cases stay on the desk.
 */
import { z } from 'zod';
import { PageSize, ScanMode, ScanSourceKind } from '../../../shared/documents';
import type { ResolvedScanSettings } from '../../../shared/documents';

const MiB = 1024 * 1024;

export const DocumentsConfigFile = z
  .object({
    scanner: z
      .object({
        /** `auto`: SANE on Linux, NAPS2 on Windows and macOS, whichever program is found. */
        adapter: z.enum(['auto', 'sane', 'naps2', 'none']).optional(),
        /** The device to scan from (`scanimage -L` / `NAPS2.Console --listdevices` name it); the first found when unset. */
        device: z.string().trim().min(1).max(300).optional(),
        /** The adapter's program when it is not on PATH (scanimage, or NAPS2.Console.exe). */
        program: z.string().trim().min(1).max(1000).optional(),
        source: ScanSourceKind.optional(),
        mode: ScanMode.optional(),
        dpi: z.number().int().min(75).max(1200).optional(),
        pageSize: PageSize.optional(),
      })
      .strict()
      .optional(),
    /** A folder the scanner's own software saves into; files appear in the Documents inbox. */
    hotFolder: z
      .object({ path: z.string().trim().min(1).max(1000) })
      .strict()
      .optional(),
    maxFileMiB: z.number().int().min(1).max(500).optional(),
    maxDocumentMiB: z.number().int().min(1).max(500).optional(),
    /** How a page image is stored: grayscale or colour JPEG, or bilevel (black and white) PNG; never above `maxDpi`. */
    compression: z
      .object({
        mode: z.enum(['gray', 'color', 'bilevel']).optional(),
        maxDpi: z.number().int().min(100).max(600).optional(),
        jpegQuality: z.number().int().min(30).max(95).optional(),
      })
      .strict()
      .optional(),
    /** Days after which scans of cases the back office holds may be removed from this desk. */
    retentionDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export interface DocumentsConfig {
  scanner: {
    adapter: 'auto' | 'sane' | 'naps2' | 'none';
    device: string | null;
    program: string | null;
    defaults: Omit<ResolvedScanSettings, 'device'>;
  };
  hotFolder: string | null;
  maxFileBytes: number;
  maxDocumentBytes: number;
  compression: { mode: 'gray' | 'color' | 'bilevel'; maxDpi: number; jpegQuality: number };
  retentionDays: number;
}

export const DEFAULT_DOCUMENTS: DocumentsConfig = {
  scanner: {
    adapter: 'auto',
    device: null,
    program: null,
    defaults: { source: 'flatbed', mode: 'gray', dpi: 300, pageSize: 'a4' },
  },
  hotFolder: null,
  maxFileBytes: 50 * MiB,
  maxDocumentBytes: 15 * MiB,
  compression: { mode: 'gray', maxDpi: 300, jpegQuality: 70 },
  retentionDays: 90,
};

export function documentsConfig(file: z.infer<typeof DocumentsConfigFile> | undefined): DocumentsConfig {
  const d = DEFAULT_DOCUMENTS;
  const scanner = file?.scanner;
  return {
    scanner: {
      adapter: scanner?.adapter ?? d.scanner.adapter,
      device: scanner?.device ?? null,
      program: scanner?.program ?? null,
      defaults: {
        source: scanner?.source ?? d.scanner.defaults.source,
        mode: scanner?.mode ?? d.scanner.defaults.mode,
        dpi: scanner?.dpi ?? d.scanner.defaults.dpi,
        pageSize: scanner?.pageSize ?? d.scanner.defaults.pageSize,
      },
    },
    hotFolder: file?.hotFolder?.path ?? null,
    maxFileBytes: file?.maxFileMiB !== undefined ? file.maxFileMiB * MiB : d.maxFileBytes,
    maxDocumentBytes: file?.maxDocumentMiB !== undefined ? file.maxDocumentMiB * MiB : d.maxDocumentBytes,
    compression: { ...d.compression, ...file?.compression },
    retentionDays: file?.retentionDays ?? d.retentionDays,
  };
}
