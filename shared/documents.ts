/**
 * Documents into the case file (docs/ARCHITECTURE.md §6.9): pages scanned, taken from the hot
 * folder or imported, held in a page set for one line of a receipt (опис), assembled into one
 * PDF per line and attached to the application. These are the shapes the renderer and the
 * backend exchange; the desk's tables are in desk migration 0014.
 */
import { z } from 'zod';

const Id = z.string().trim().min(1).max(64);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits');

/** Where a document came from; the case records it (a Дія copy is a PDF the citizen shared from Дія). */
export const DocumentSource = z.enum(['scanner', 'hot_folder', 'file', 'diia']);
export type DocumentSource = z.infer<typeof DocumentSource>;

export const Rotation = z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]);
export type Rotation = z.infer<typeof Rotation>;

/**
 * Whose pages these are: a line of the clerk's intake form (by its stable key, before there is an
 * application), a line of an issued опис, or the inbox (a hot-folder file or an import not yet
 * given to a line).
 */
export const SetOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('intake'), lineKey: z.string().trim().min(1).max(64) }).strict(),
  z
    .object({
      kind: z.literal('line'),
      applicationId: Id,
      receipt: z.number().int().min(1).max(999),
      position: z.number().int().min(1).max(200),
    })
    .strict(),
  z.object({ kind: z.literal('inbox') }).strict(),
]);
export type SetOwner = z.infer<typeof SetOwner>;

/**
 * One page: a stored image (a scan, a picture file; compressed JPEG or PNG for bilevel) or one page
 * of a stored PDF (an imported PDF keeps its pages as they are: `pdfPage` is its 0-based index).
 */
export const PageView = z.object({
  id: Id,
  /** 1-based place in its set. */
  position: z.number().int().min(1),
  sha256: Sha256,
  kind: z.enum(['image', 'pdf_page']),
  pdfPage: z.number().int().min(0).nullable(),
  rotation: Rotation,
  widthPx: z.number().int().min(0),
  heightPx: z.number().int().min(0),
  dpi: z.number().int().min(1).nullable(),
  /** Bytes of the stored image; for a PDF page, its file's bytes divided among its pages. */
  bytes: z.number().int().min(0),
  source: DocumentSource,
  /** The file's name or the scanner's label, for the clerk. */
  sourceName: z.string().max(300),
});
export type PageView = z.infer<typeof PageView>;

export const AssembledDocument = z.object({ sha256: Sha256, pages: z.number().int().min(1), bytes: z.number().int().min(1) });
export type AssembledDocument = z.infer<typeof AssembledDocument>;

export const PageSetView = z.object({
  id: Id,
  owner: SetOwner,
  /** The line's name, or the file's name for an inbox set. */
  label: z.string().max(300),
  pages: z.array(PageView),
  /** Sum of the pages' bytes: what the clerk watches against `budgetBytes` before assembling. */
  bytes: z.number().int().min(0),
  /** The configured largest document (`documents.limits.maxDocumentBytes`). */
  budgetBytes: z.number().int().min(1),
  /** The PDF assembled from exactly these pages; any edit clears it. */
  assembled: AssembledDocument.nullable(),
  /** Set once the assembled PDF is attached to an application. */
  documentId: Id.nullable(),
});
export type PageSetView = z.infer<typeof PageSetView>;

export const ScanSourceKind = z.enum(['flatbed', 'feeder', 'duplex']);
export const ScanMode = z.enum(['gray', 'color', 'lineart']);
export const PageSize = z.enum(['a4', 'a5', 'letter', 'legal']);

/** What one scan asks of the scanner; unset fields take the desk's configured defaults. */
export const ScanSettings = z
  .object({
    device: z.string().trim().min(1).max(300).optional(),
    source: ScanSourceKind.optional(),
    mode: ScanMode.optional(),
    dpi: z.number().int().min(75).max(1200).optional(),
    pageSize: PageSize.optional(),
  })
  .strict();
export type ScanSettings = z.infer<typeof ScanSettings>;
export type ResolvedScanSettings = Required<ScanSettings>;

/**
 * Why a scan did not (fully) happen, as data: the renderer puts it in words. `no_scanner`: none
 * configured or its program is missing; `not_found`: the named device is not there.
 */
export const ScanProblemKind = z.enum([
  'no_scanner',
  'not_found',
  'busy',
  'feeder_empty',
  'cover_open',
  'jammed',
  'io',
  'cancelled',
  'failed',
]);
export type ScanProblemKind = z.infer<typeof ScanProblemKind>;
export const ScanProblem = z.object({ kind: ScanProblemKind, detail: z.string().max(2000) });
export type ScanProblem = z.infer<typeof ScanProblem>;

export const ScannerDevice = z.object({ id: z.string().min(1).max(300), label: z.string().max(300) });
export type ScannerDevice = z.infer<typeof ScannerDevice>;

/** `documents.scanners`: what this desk can take pages from, found at start (and on `refresh`). */
export const ScannerInfo = z.object({
  adapter: z.enum(['sane', 'naps2', 'none']),
  /** `ready`: the adapter's program runs; devices may still be empty (a configured `device` is tried anyway). */
  state: z.enum(['ready', 'unavailable', 'not_configured']),
  problem: ScanProblem.nullable(),
  devices: z.array(ScannerDevice),
  defaults: z.object({
    device: z.string().nullable(),
    source: ScanSourceKind,
    mode: ScanMode,
    dpi: z.number().int(),
    pageSize: PageSize,
  }),
  hotFolder: z.object({ path: z.string().nullable(), state: z.enum(['off', 'watching', 'missing']) }),
  limits: z.object({ maxFileBytes: z.number().int().min(1), maxDocumentBytes: z.number().int().min(1) }),
});
export type ScannerInfo = z.infer<typeof ScannerInfo>;

/**
 * Event `scan.progress`, once per stored page and once at the end. A cancelled or failed scan
 * keeps the pages already stored (`pagesDone` of them are in the set).
 */
export const ScanProgress = z.object({
  scanId: Id,
  setId: Id,
  state: z.enum(['scanning', 'finished', 'cancelled', 'failed']),
  pagesDone: z.number().int().min(0),
  /** The page just stored (state `scanning`), else null. */
  page: PageView.nullable(),
  problem: ScanProblem.nullable(),
});
export type ScanProgress = z.infer<typeof ScanProgress>;

/**
 * Why an imported or hot-folder file was refused (nothing of it is stored). Travels as the issue
 * message of a VALIDATION error at path `['file']`; the renderer puts it in words.
 */
export const IMPORT_REFUSALS = [
  'empty',
  'unsupported_type',
  'type_mismatch',
  'corrupt',
  'encrypted',
  'file_too_large',
  'document_too_large',
] as const;
export const ImportRefusal = z.enum(IMPORT_REFUSALS);
export type ImportRefusal = z.infer<typeof ImportRefusal>;

/** The file kinds import accepts, by what their bytes are (never by their name alone). */
export const ImportKind = z.enum(['pdf', 'jpeg', 'png', 'tiff']);
export type ImportKind = z.infer<typeof ImportKind>;

/** A document of a case, as the Documents screen lists it. */
export const CaseDocument = z.object({
  id: Id,
  applicationId: Id,
  kind: z.string(),
  receipt: z.number().int().nullable(),
  position: z.number().int().nullable(),
  pages: z.number().int().min(1),
  sha256: Sha256,
  bytes: z.number().int().min(0),
  source: DocumentSource.nullable(),
  attachedAt: z.string(),
  /** `local`: the file is on this desk; `purged`: removed here by retention, fetched back from the back office when opened. */
  file: z.enum(['local', 'purged']),
  /** The back office confirmed it holds the file (the attach was delivered after its upload). */
  uploaded: z.boolean(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;

/** A line of the clerk's intake given pages: registration attaches the set's PDF to that receipt line (0-based `item`). */
export const IntakeDocument = z.object({ item: z.number().int().min(0).max(199), setId: Id }).strict();
export type IntakeDocument = z.infer<typeof IntakeDocument>;

/** Chunks of an imported file travel base64 inside contract frames, this many bytes at most each. */
export const IMPORT_CHUNK_BYTES = 2 * 1024 * 1024;
