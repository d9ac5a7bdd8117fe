/**
 * Page sets and their pages (docs/ARCHITECTURE.md §6.9): one open set per owner (an intake line of
 * a clerk, a line of an issued опис) plus inbox sets; pages kept at positions 1..n. Every write
 * runs in runCommand and clears the set's assembled PDF, which no longer matches its pages. A set
 * whose PDF is attached is history: read-only.
 */
import type { DocumentSource, PageSetView, PageView, Rotation, SetOwner } from '../../../shared/documents';
import { latestVersions } from '../../../shared/domain/receipt';
import { AppError } from '../../../shared/errors';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { uuidv7 } from '../ids';
import { readReceipts } from '../receipts/receipt-versions';
import { movedOrder } from './page-order';

export interface SetRow {
  id: string;
  owner_kind: 'intake' | 'line' | 'inbox';
  intake_line_key: string | null;
  application_id: string | null;
  receipt_number: number | null;
  line_position: number | null;
  clerk_id: string;
  label: string;
  assembled_sha256: string | null;
  assembled_pages: number | null;
  assembled_bytes: number | null;
  document_id: string | null;
}

export interface PageRow {
  id: string;
  set_id: string;
  position: number;
  blob_sha256: string;
  kind: 'image' | 'pdf_page';
  pdf_page: number | null;
  rotation: Rotation;
  width_px: number;
  height_px: number;
  dpi: number | null;
  bytes: number;
  source: DocumentSource;
  source_name: string;
}

/** A page about to be stored: its blob is already in the content store. */
export interface NewPage {
  blob: { sha256: string; size: number; mime: string };
  kind: 'image' | 'pdf_page';
  pdfPage: number | null;
  widthPx: number;
  heightPx: number;
  dpi: number | null;
  bytes: number;
  source: DocumentSource;
  sourceName: string;
}

function ownerOf(row: SetRow): SetOwner {
  if (row.owner_kind === 'intake') return { kind: 'intake', lineKey: row.intake_line_key! };
  if (row.owner_kind === 'line') {
    return { kind: 'line', applicationId: row.application_id!, receipt: row.receipt_number!, position: row.line_position! };
  }
  return { kind: 'inbox' };
}

function pageView(row: PageRow): PageView {
  return {
    id: row.id,
    position: row.position,
    sha256: row.blob_sha256,
    kind: row.kind,
    pdfPage: row.pdf_page,
    rotation: row.rotation,
    widthPx: row.width_px,
    heightPx: row.height_px,
    dpi: row.dpi,
    bytes: row.bytes,
    source: row.source,
    sourceName: row.source_name,
  };
}

export function findSet(db: Db, setId: string): SetRow | undefined {
  return statement(db, 'SELECT * FROM page_sets WHERE id = ?').get(setId) as SetRow | undefined;
}

export function setRow(db: Db, setId: string): SetRow {
  const row = findSet(db, setId);
  if (!row) throw new AppError('NOT_FOUND', `No page set ${setId}`, [{ path: ['setId'], message: 'no such page set' }]);
  return row;
}

export function pageRows(db: Db, setId: string): PageRow[] {
  return statement(db, 'SELECT * FROM pages WHERE set_id = ? ORDER BY position').all(setId) as PageRow[];
}

export function pageRow(db: Db, pageId: string): PageRow {
  const row = statement(db, 'SELECT * FROM pages WHERE id = ?').get(pageId) as PageRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No page ${pageId}`, [{ path: ['pageId'], message: 'no such page' }]);
  return row;
}

function view(db: Db, row: SetRow, budgetBytes: number): PageSetView {
  const pages = pageRows(db, row.id).map(pageView);
  return {
    id: row.id,
    owner: ownerOf(row),
    label: row.label,
    pages,
    bytes: pages.reduce((sum, page) => sum + page.bytes, 0),
    budgetBytes,
    assembled:
      row.assembled_sha256 === null ? null : { sha256: row.assembled_sha256, pages: row.assembled_pages!, bytes: row.assembled_bytes! },
    documentId: row.document_id,
  };
}

/** The set with its pages in order; NOT_FOUND when there is none. */
export function readSet(db: Db, setId: string, budgetBytes: number): PageSetView {
  return view(db, setRow(db, setId), budgetBytes);
}

/** The inbox: hot-folder files and imports not yet given to a line, oldest first. */
export function listInbox(db: Db, budgetBytes: number): PageSetView[] {
  const rows = statement(db, "SELECT * FROM page_sets WHERE owner_kind = 'inbox' ORDER BY created_at, id").all() as SetRow[];
  return rows.map((row) => view(db, row, budgetBytes));
}

export function inboxCount(db: Db): number {
  return statement(db, "SELECT count(*) FROM page_sets WHERE owner_kind = 'inbox'").pluck().get() as number;
}

/** A set that may still change: NOT_FOUND when missing, CONFLICT once its PDF is attached. */
export function writableSet(db: Db, setId: string): SetRow {
  const row = setRow(db, setId);
  if (row.document_id !== null) {
    throw new AppError('CONFLICT', `Page set ${setId} is attached to its case; it no longer changes`, [
      { path: ['setId'], message: 'attached' },
    ]);
  }
  return row;
}

/** A line of an issued опис (the newest version of that опис), or VALIDATION / NOT_FOUND. */
function assertReceiptLine(db: Db, owner: Extract<SetOwner, { kind: 'line' }>): void {
  if (!statement(db, 'SELECT 1 FROM applications WHERE id = ? AND deleted_at IS NULL').get(owner.applicationId)) {
    throw new AppError('NOT_FOUND', `No application ${owner.applicationId}`, [
      { path: ['owner', 'applicationId'], message: 'no such application' },
    ]);
  }
  const receipt = latestVersions(readReceipts(db, owner.applicationId)).find((r) => r.number === owner.receipt);
  if (!receipt) throw new AppError('VALIDATION', `No опис №${owner.receipt}`, [{ path: ['owner', 'receipt'], message: 'no such receipt' }]);
  if (owner.position > receipt.lines.length) {
    throw new AppError('VALIDATION', `Опис №${owner.receipt} has no line ${owner.position}`, [
      { path: ['owner', 'position'], message: 'no such line' },
    ]);
  }
}

function findOpen(db: Db, clerkId: string, owner: SetOwner): SetRow | undefined {
  if (owner.kind === 'intake') {
    return statement(
      db,
      "SELECT * FROM page_sets WHERE owner_kind = 'intake' AND clerk_id = ? AND intake_line_key = ? AND document_id IS NULL",
    ).get(clerkId, owner.lineKey) as SetRow | undefined;
  }
  if (owner.kind === 'line') {
    return statement(
      db,
      "SELECT * FROM page_sets WHERE owner_kind = 'line' AND application_id = ? AND receipt_number = ? AND line_position = ? AND document_id IS NULL",
    ).get(owner.applicationId, owner.receipt, owner.position) as SetRow | undefined;
  }
  return undefined;
}

/** The owner's one open set, made empty when it has none; an inbox owner always gets a new set. */
export function openSet(env: CommandEnv, owner: SetOwner, label: string): string {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    if (owner.kind === 'line') assertReceiptLine(env.db, owner);
    const existing = findOpen(env.db, env.clerkId, owner);
    if (existing) return existing.id;
    const id = uuidv7();
    statement(
      env.db,
      `INSERT INTO page_sets (id, owner_kind, intake_line_key, application_id, receipt_number, line_position, clerk_id, label, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      owner.kind,
      owner.kind === 'intake' ? owner.lineKey : null,
      owner.kind === 'line' ? owner.applicationId : null,
      owner.kind === 'line' ? owner.receipt : null,
      owner.kind === 'line' ? owner.position : null,
      env.clerkId,
      label,
      at,
      at,
    );
    return id;
  });
}

/** The pages changed: the assembled PDF no longer matches them. */
function touched(db: Db, setId: string, at: string): void {
  statement(
    db,
    'UPDATE page_sets SET assembled_sha256 = NULL, assembled_pages = NULL, assembled_bytes = NULL, updated_at = ? WHERE id = ?',
  ).run(at, setId);
}

function renumber(db: Db, pageIds: readonly string[]): void {
  const update = statement(db, 'UPDATE pages SET position = ? WHERE id = ?');
  pageIds.forEach((id, index) => update.run(index + 1, id));
}

function insertBlobRow(db: Db, blob: NewPage['blob'], at: string): void {
  statement(db, 'INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(
    blob.sha256,
    blob.size,
    blob.mime,
    at,
  );
}

function insertPage(db: Db, setId: string, position: number, page: NewPage, at: string): string {
  insertBlobRow(db, page.blob, at);
  const id = uuidv7();
  statement(
    db,
    `INSERT INTO pages (id, set_id, position, blob_sha256, kind, pdf_page, rotation, width_px, height_px, dpi, bytes, source, source_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    setId,
    position,
    page.blob.sha256,
    page.kind,
    page.pdfPage,
    page.widthPx,
    page.heightPx,
    page.dpi,
    page.bytes,
    page.source,
    page.sourceName,
    at,
  );
  return id;
}

/** Pages appended to the set; returns their ids in order. */
export function addPages(env: CommandEnv, setId: string, pages: readonly NewPage[]): string[] {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    writableSet(env.db, setId);
    const count = statement(env.db, 'SELECT count(*) FROM pages WHERE set_id = ?').pluck().get(setId) as number;
    const ids = pages.map((page, index) => insertPage(env.db, setId, count + index + 1, page, at));
    touched(env.db, setId, at);
    return ids;
  });
}

/** A re-scanned page takes the place of the old one (same position; the old page's row goes, its file stays). */
export function replacePage(env: CommandEnv, pageId: string, page: NewPage): string {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    const old = pageRow(env.db, pageId);
    writableSet(env.db, old.set_id);
    statement(env.db, 'DELETE FROM pages WHERE id = ?').run(pageId);
    const id = insertPage(env.db, old.set_id, old.position, page, at);
    touched(env.db, old.set_id, at);
    return id;
  });
}

/** The set the page is in, once the page may change. */
function editablePage(db: Db, pageId: string): PageRow {
  const page = pageRow(db, pageId);
  writableSet(db, page.set_id);
  return page;
}

/** The page moved to `position` (past the end: last); the others keep their order. Returns its set. */
export function movePage(env: CommandEnv, pageId: string, position: number): string {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    const page = editablePage(env.db, pageId);
    const ids = pageRows(env.db, page.set_id).map((row) => row.id);
    renumber(env.db, movedOrder(ids, pageId, position));
    touched(env.db, page.set_id, at);
    return page.set_id;
  });
}

/** The page's turn, absolute (not added to the one it had). */
export function rotatePage(env: CommandEnv, pageId: string, rotation: Rotation): string {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    const page = editablePage(env.db, pageId);
    statement(env.db, 'UPDATE pages SET rotation = ? WHERE id = ?').run(rotation, pageId);
    touched(env.db, page.set_id, at);
    return page.set_id;
  });
}

/** The page's row goes (its file stays in the content store: another page may share it). */
export function deletePage(env: CommandEnv, pageId: string): string {
  const at = env.now().toISOString();
  return runCommand(env.db, () => {
    const page = editablePage(env.db, pageId);
    statement(env.db, 'DELETE FROM pages WHERE id = ?').run(pageId);
    renumber(
      env.db,
      pageRows(env.db, page.set_id).map((row) => row.id),
    );
    touched(env.db, page.set_id, at);
    return page.set_id;
  });
}

/** An inbox set's pages appended to another set, and the inbox set gone. */
export function takeInbox(env: CommandEnv, fromSetId: string, toSetId: string): void {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    const from = writableSet(env.db, fromSetId);
    if (from.owner_kind !== 'inbox') {
      throw new AppError('VALIDATION', 'Only an inbox set is taken into another', [{ path: ['fromSetId'], message: 'not an inbox set' }]);
    }
    if (fromSetId === toSetId) {
      throw new AppError('VALIDATION', 'A set cannot take itself', [{ path: ['toSetId'], message: 'same set' }]);
    }
    writableSet(env.db, toSetId);
    const ids = [...pageRows(env.db, toSetId), ...pageRows(env.db, fromSetId)].map((row) => row.id);
    const move = statement(env.db, 'UPDATE pages SET set_id = ? WHERE id = ?');
    for (const id of ids) move.run(toSetId, id);
    renumber(env.db, ids);
    statement(env.db, 'DELETE FROM page_sets WHERE id = ?').run(fromSetId);
    touched(env.db, toSetId, at);
  });
}

/** The PDF assembled from exactly the set's current pages. */
export function markAssembled(env: CommandEnv, setId: string, blob: { sha256: string; size: number }, pages: number): void {
  const at = env.now().toISOString();
  runCommand(env.db, () => {
    writableSet(env.db, setId);
    insertBlobRow(env.db, { ...blob, mime: 'application/pdf' }, at);
    statement(
      env.db,
      'UPDATE page_sets SET assembled_sha256 = ?, assembled_pages = ?, assembled_bytes = ?, updated_at = ? WHERE id = ?',
    ).run(blob.sha256, pages, blob.size, at, setId);
  });
}

/** The attached document recorded on its set (inside the attaching transaction). */
export function markAttached(db: Db, setId: string, documentId: string, at: string): void {
  const changed = statement(db, 'UPDATE page_sets SET document_id = ?, updated_at = ? WHERE id = ? AND document_id IS NULL').run(
    documentId,
    at,
    setId,
  );
  if (changed.changes !== 1)
    throw new AppError('CONFLICT', `Page set ${setId} is already attached`, [{ path: ['setId'], message: 'attached' }]);
}

/**
 * The clerk's intake sets not attached (besides `keep`) removed: rows only, their files stay in the
 * content store. Run after a registration and when the draft is discarded, so the next citizen's
 * form never shows the previous one's pages.
 */
export function dropIntakeSets(db: Db, clerkId: string): number {
  return runCommand(db, () => {
    const ids = statement(db, "SELECT id FROM page_sets WHERE owner_kind = 'intake' AND clerk_id = ? AND document_id IS NULL")
      .pluck()
      .all(clerkId) as string[];
    for (const id of ids) {
      statement(db, 'DELETE FROM pages WHERE set_id = ?').run(id);
      statement(db, 'DELETE FROM page_sets WHERE id = ?').run(id);
    }
    return ids.length;
  });
}
