/**
 * A checked file turned into stored pages (docs/ARCHITECTURE.md §6.9): a picture (every page of a
 * TIFF) compressed like a scan, a PDF kept whole with one page entry per page. Files go into the
 * content store here; the caller writes the rows in one transaction.
 */
import type { DocumentSource } from '../../../shared/documents';
import { putBlob } from '../blobs/blob-store';
import type { DocumentsConfig } from '../config/documents-config';
import type { InspectedFile } from './inspect-file';
import type { NewPage } from './page-sets';
import { compressPage } from './page-image';
import type { CompressedPage } from './page-image';

/** A compressed page image stored, as the page row it becomes. */
export async function storeImage(dataDir: string, image: CompressedPage, source: DocumentSource, sourceName: string): Promise<NewPage> {
  const blob = await putBlob(dataDir, image.bytes);
  return {
    blob: { ...blob, mime: image.mime },
    kind: 'image',
    pdfPage: null,
    widthPx: image.widthPx,
    heightPx: image.heightPx,
    dpi: image.dpi,
    bytes: blob.size,
    source,
    sourceName,
  };
}

export async function filePages(
  dataDir: string,
  file: { path: string; name: string; source: DocumentSource },
  inspected: InspectedFile,
  compression: DocumentsConfig['compression'],
): Promise<NewPage[]> {
  if (inspected.kind === 'pdf') {
    const blob = await putBlob(dataDir, { path: file.path });
    const share = Math.floor(blob.size / inspected.pages);
    return Array.from({ length: inspected.pages }, (_, index) => ({
      blob: { ...blob, mime: 'application/pdf' },
      kind: 'pdf_page' as const,
      pdfPage: index,
      widthPx: 0,
      heightPx: 0,
      dpi: null,
      bytes: share,
      source: file.source,
      sourceName: file.name,
    }));
  }
  const pages: NewPage[] = [];
  // One at a time: a many-page TIFF decoded all at once would hold every page in memory.
  for (let page = 0; page < inspected.pages; page += 1) {
    const image = await compressPage(file.path, compression, { page });
    pages.push(await storeImage(dataDir, image, file.source, file.name));
  }
  return pages;
}
