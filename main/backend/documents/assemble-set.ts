/**
 * A set's pages made into one PDF (docs/ARCHITECTURE.md §6.9): stored content-addressed and
 * remembered on the set until its pages change. A PDF over the configured document size is
 * refused and nothing of it is stored.
 */
import { readFile } from 'node:fs/promises';
import type { PageSetView } from '../../../shared/documents';
import { AppError } from '../../../shared/errors';
import { blobPath, putBlob } from '../blobs/blob-store';
import { clerkName } from '../clerks/clerk-name';
import type { CommandEnv } from '../commands/unit-of-work';
import { statement } from '../db/statements';
import { assemblePdf } from './assemble-pdf';
import type { AssemblyPage } from './assemble-pdf';
import { markAssembled, readSet, setRow } from './page-sets';

function subjectOf(env: CommandEnv, applicationId: string | null): string {
  if (applicationId === null) return 'intake';
  return (
    (statement(env.db, 'SELECT reg_number FROM applications WHERE id = ?').pluck().get(applicationId) as string | undefined) ?? 'intake'
  );
}

async function assemblyPages(env: CommandEnv, dataDir: string, set: PageSetView): Promise<AssemblyPage[]> {
  // A PDF's pages share its file: read each file once.
  const files = new Map<string, Promise<Buffer>>();
  const bytesOf = (sha256: string) => {
    let file = files.get(sha256);
    if (!file) {
      file = readFile(blobPath(dataDir, sha256));
      files.set(sha256, file);
    }
    return file;
  };
  return Promise.all(
    set.pages.map(async (page): Promise<AssemblyPage> => {
      const bytes = await bytesOf(page.sha256);
      if (page.kind === 'pdf_page') return { kind: 'pdf_page', pdf: bytes, pdfPage: page.pdfPage!, rotation: page.rotation };
      return {
        kind: 'image',
        bytes,
        mime: statement(env.db, 'SELECT mime FROM blobs WHERE sha256 = ?').pluck().get(page.sha256) as 'image/jpeg' | 'image/png',
        widthPx: page.widthPx,
        heightPx: page.heightPx,
        dpi: page.dpi,
        rotation: page.rotation,
      };
    }),
  );
}

/** The set as it is after assembling (already assembled: unchanged). */
export async function assembleSet(env: CommandEnv, dataDir: string, setId: string): Promise<PageSetView> {
  const budget = env.desk.documents.maxDocumentBytes;
  const set = readSet(env.db, setId, budget);
  if (set.documentId !== null) {
    throw new AppError('CONFLICT', `Page set ${setId} is attached to its case; it no longer changes`, [
      { path: ['setId'], message: 'attached' },
    ]);
  }
  if (set.assembled !== null) return set;
  if (set.pages.length === 0) {
    throw new AppError('VALIDATION', 'A document needs at least one page', [{ path: ['setId'], message: 'no_pages' }]);
  }
  const row = setRow(env.db, setId);
  const pdf = await assemblePdf(await assemblyPages(env, dataDir, set), {
    title: set.label,
    author: clerkName(env.db, row.clerk_id),
    subject: subjectOf(env, row.application_id),
    createdAt: env.now(),
  });
  if (pdf.length > budget) {
    throw new AppError('VALIDATION', `The document is ${pdf.length} bytes, over the ${budget} allowed`, [
      { path: ['file'], message: 'document_too_large' },
    ]);
  }
  const blob = await putBlob(dataDir, pdf);
  // The pages may have changed while the PDF was made: then it is not theirs, and is not kept.
  const now = readSet(env.db, setId, budget);
  if (JSON.stringify(now.pages) !== JSON.stringify(set.pages)) {
    throw new AppError('CONFLICT', 'The pages changed while the document was assembled; assemble again', [
      { path: ['setId'], message: 'changed' },
    ]);
  }
  markAssembled(env, setId, blob, set.pages.length);
  return readSet(env.db, setId, budget);
}
