import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { loadFontFiles, wrapText } from '../receipts/receipt-pdf';

/**
 * The plain papers of the status model (docs/ARCHITECTURE.md §6.1): a title, label–value rows, a
 * table, signature lines. Built on the receipt's plumbing (its fonts and line wrapping) and, like
 * the receipt, reproducible: fixed metadata and font subset names derived from the paper, so a
 * reprint is the same bytes.
 */
const MM = 72 / 25.4;
const MARGIN = { left: 30 * MM, right: 15 * MM, top: 15 * MM, bottom: 16 * MM };
/** A4 upright, or on its side for a register whose table has many columns. */
const PAGE = {
  portrait: { width: 210 * MM, height: 297 * MM },
  landscape: { width: 297 * MM, height: 210 * MM },
} as const;
const SIZE = { body: 10, table: 8.5, title: 13 };
const LINE = 1.35;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

export interface Paper {
  /** What makes this paper this one (a registration number, a provider and day): names its font subsets. */
  key: string;
  title: string;
  subtitle: string;
  author: string;
  lang: 'uk' | 'en';
  /** When the paper's event happened: its fixed creation date. */
  at: Date;
  rows: ReadonlyArray<[string, string]>;
  table?: { columns: ReadonlyArray<{ title: string; share: number }>; rows: ReadonlyArray<readonly string[]> };
  signatures: readonly string[];
  /** Portrait unless given. */
  orientation?: keyof typeof PAGE;
}

class PaperWriter {
  private page!: PDFPage;
  private y = 0;

  readonly width: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly size: { width: number; height: number },
  ) {
    this.width = size.width - MARGIN.left - MARGIN.right;
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([this.size.width, this.size.height]);
    this.y = this.size.height - MARGIN.top;
  }

  private room(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  line(text: string, x: number, font: PDFFont, size: number, color = BLACK): void {
    this.page.drawText(text, { x, y: this.y - size, size, font, color });
  }

  centered(text: string, size: number, font: PDFFont): void {
    for (const line of wrapText(text, font, size, this.width)) {
      this.room(size * LINE);
      this.line(line, MARGIN.left + (this.width - font.widthOfTextAtSize(line, size)) / 2, font, size);
      this.y -= size * LINE;
    }
  }

  /** Columns of wrapped text side by side; the row is as tall as its tallest cell. */
  row(cells: readonly string[], widths: readonly number[], font: PDFFont, size = SIZE.body): void {
    const wrapped = cells.map((cell, i) => wrapText(cell, font, size, widths[i]! - 2 * MM));
    const height = Math.max(...wrapped.map((lines) => lines.length)) * size * LINE + 1.5 * MM;
    this.room(height);
    let x = MARGIN.left;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, n) => this.page.drawText(line, { x, y: this.y - size - n * size * LINE, size, font, color: BLACK }));
      x += widths[i]!;
    });
    this.y -= height;
  }

  gap(mm: number): void {
    this.y -= mm * MM;
  }

  signature(label: string): void {
    this.room(14 * MM);
    this.gap(8 * MM);
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: MARGIN.left + 70 * MM, y: this.y },
      thickness: 0.5,
      color: BLACK,
    });
    this.page.drawLine({
      start: { x: MARGIN.left + 80 * MM, y: this.y },
      end: { x: MARGIN.left + this.width, y: this.y },
      thickness: 0.5,
      color: BLACK,
    });
    this.gap(1 * MM);
    this.line(label, MARGIN.left, this.regular, 8, GREY);
    this.y -= 8 * LINE;
  }

  get fonts(): { regular: PDFFont; bold: PDFFont } {
    return { regular: this.regular, bold: this.bold };
  }
}

function subsetTag(key: string, fontName: string): string {
  const digest = createHash('sha256').update(`${key}\n${fontName}`).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

export async function renderPaper(paper: Paper, fontDir: string): Promise<Uint8Array> {
  const files = await loadFontFiles(fontDir);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const embed = (bytes: Uint8Array, name: string): Promise<PDFFont> =>
    doc.embedFont(bytes, { subset: true, features: { liga: false }, customName: `${subsetTag(paper.key, name)}+${name}` });
  const w = new PaperWriter(
    doc,
    await embed(files.regular, 'DejaVuSans'),
    await embed(files.bold, 'DejaVuSans-Bold'),
    PAGE[paper.orientation ?? 'portrait'],
  );
  doc.setTitle(`${paper.title} ${paper.subtitle}`);
  doc.setAuthor(paper.author);
  doc.setCreator('Vikno');
  doc.setProducer('Vikno');
  doc.setLanguage(paper.lang === 'uk' ? 'uk-UA' : 'en');
  doc.setCreationDate(paper.at);
  doc.setModificationDate(paper.at);

  w.centered(paper.author, SIZE.body, w.fonts.regular);
  w.gap(3);
  w.centered(paper.title, SIZE.title, w.fonts.bold);
  w.centered(paper.subtitle, SIZE.body, w.fonts.regular);
  w.gap(5);
  for (const [label, value] of paper.rows) w.row([label, value], [55 * MM, w.width - 55 * MM], w.fonts.regular);
  if (paper.table) {
    w.gap(3);
    const widths = paper.table.columns.map((c) => c.share * w.width);
    w.row(
      paper.table.columns.map((c) => c.title),
      widths,
      w.fonts.bold,
      SIZE.table,
    );
    for (const cells of paper.table.rows) w.row(cells, widths, w.fonts.regular, SIZE.table);
  }
  w.gap(4);
  for (const label of paper.signatures) w.signature(label);
  return doc.save();
}
