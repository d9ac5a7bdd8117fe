/**
 * The receipt («опис вхідного пакета документів») as an A4 PDF: a numbered list of the documents
 * received with their sheet counts, who took them, when the result is due and how it is received.
 * One copy goes to the citizen. Pure: it takes the data and a font folder, never the database.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import type { Color, PDFFont, PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { AuthorityData, ResultDelivery } from '../../../shared/domain/application';
import type { ComputedFee } from '../../../shared/domain/fee-rule';
import { keptTotals } from '../../../shared/domain/receipt';
import type { ReceiptItemInput } from '../../../shared/domain/receipt';
import type { IdDocTypeCode } from '../../../shared/validate';
import { ID_DOC_NAMES, authorityInWords } from './authority-text';
import { formatDay, formatLocalDateTime, receiptText } from './receipt-text';
import type { ReceiptLang, ReceiptText } from './receipt-text';

export interface ReceiptData {
  center: { name: string; code: string };
  window: string;
  clerkName: string;
  regNumber: string;
  /** ISO timestamp of the registration (shown on the center's wall clock; also the PDF's creation date). */
  registeredAt: string;
  /** The center's IANA zone (config `timeZone`); Europe/Kyiv when not given. */
  timeZone?: string;
  /** YYYY-MM-DD, the registration's day. */
  registeredOn: string;
  applicant: {
    displayName: string;
    /** An individual's РНОКПП or a legal entity's ЄДРПОУ, unmasked: the receipt masks it. */
    taxId?: { kind: 'rnokpp' | 'edrpou'; value: string };
    /** The identity document's type and how long it is valid (its number is not printed). */
    idDoc?: { type: IdDocTypeCode; validUntil: string | null };
  };
  /** A person on file with their authority, or (applications of earlier versions) a name and a power of attorney. */
  representative: { name: string; authority: AuthorityData } | { name: string; poaNumber: string; poaDate: string } | null;
  /** The person the service concerns, when not the applicant. */
  subject?: { displayName: string } | null;
  /** Registered although required documents were missing: which, and the applicant's reason. */
  insisted?: { reason: string; missing: string[] } | null;
  /** The service's name in the receipt's language, and who provides it (numbered receipts: with its ЄДРПОУ when known). */
  service: { name: string; provider: string; providerEdrpou?: string };
  items: ReceiptItemInput[];
  /** YYYY-MM-DD; null while the term runs from a later event, so only its wording is printed. */
  dueDate: string | null;
  resultDelivery: z.infer<typeof ResultDelivery>;
  /**
   * Which опис this is, when it was issued and what it corrected: receipts issued since they
   * are numbered (layout 2). Absent for a receipt issued before (layout 1): it is drawn exactly
   * as it was then, without these and without the presented/handed-in column.
   */
  issue?: { number: number; version: number; issuedAt: string; correction: { position: number; reason: string } | null };
  /** Numbered receipts: the term in words (how the date is counted) and the fee computed at registration. */
  terms?: { deadline: string; fee: ComputedFee };
}

export interface RenderOptions {
  /** Folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf (this folder's fonts/ in the source tree). */
  fontDir: string;
}

const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
/** A 30 mm left margin leaves room to bind or file the paper copy, as on official papers (ДСТУ 4163). */
const MARGIN = { left: 30 * MM, right: 15 * MM, top: 15 * MM, bottom: 16 * MM };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const RIGHT = A4.width - MARGIN.right;
const FOOTER_Y = 10 * MM;

const SIZE = { body: 10, small: 8, center: 11, title: 14, subtitle: 11 };
const LINE = 1.3;
const PAD = 4;
const QR_SIZE = 27 * MM;

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.45, 0.45, 0.45);
const SHADE = rgb(0.92, 0.92, 0.92);

/** Documents table columns: number, name (the rest), original/copy, sheets. */
const COL = { number: 11 * MM, kind: 28 * MM, sheets: 22 * MM };
/** Numbered receipts add whether the paper was handed in or presented and returned; the other columns make room. */
const COL_NUMBERED = { number: 11 * MM, kind: 22 * MM, handling: 32 * MM, sheets: 18 * MM };
/** Details table: the label column's share of the width. */
const LABEL_WIDTH = 80 * MM;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** The font files read once per folder: 1.4 MB that every receipt of the day needs again. */
const fontCache = new Map<string, Promise<{ regular: Uint8Array; bold: Uint8Array }>>();

export function loadFontFiles(fontDir: string): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  let loaded = fontCache.get(fontDir);
  if (!loaded) {
    loaded = Promise.all([readFile(join(fontDir, FONT_FILES.regular)), readFile(join(fontDir, FONT_FILES.bold))]).then(
      ([regular, bold]) => ({ regular, bold }),
    );
    // A failed read (a wrong folder) must not stick: the next call tries again.
    loaded.catch(() => fontCache.delete(fontDir));
    fontCache.set(fontDir, loaded);
  }
  return loaded;
}

/**
 * The tax number with all but its last 4 digits masked: personal-data minimisation (law
 * №2297-VI). The paper leaves the center in the citizen's hands and may be lost or copied; the
 * last digits are enough to tell two applicants apart at the counter.
 */
function maskTaxId(value: string): string {
  const keep = 4;
  return value.length <= keep ? value : '*'.repeat(value.length - keep) + value.slice(-keep);
}

/** Splits text into lines no wider than `width`; a word longer than a line is cut by characters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string): boolean => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (!fits(line)) {
      // Cut the longest prefix that fits (at least one character, so this always ends).
      const chars = Array.from(line);
      let n = chars.length - 1;
      while (n > 1 && !fits(chars.slice(0, n).join(''))) n -= 1;
      lines.push(chars.slice(0, n).join(''));
      line = chars.slice(n).join('');
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

interface Cell {
  lines: string[];
  width: number;
  font: PDFFont;
  size: number;
  align?: 'left' | 'center' | 'right';
  /** Centre the lines vertically (header cells); data cells start at the top like a written form. */
  middle?: boolean;
  fill?: Color;
}

const lineHeight = (size: number): number => size * LINE;
const cellHeight = (cell: Cell): number => cell.lines.length * lineHeight(cell.size) + 2 * PAD;

/** Lays the content out top to bottom, starting a new page when the next block does not fit. */
class ReceiptWriter {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly t: ReceiptText,
    private readonly data: ReceiptData,
  ) {}

  /** Starts a page; pages after the first open with a heading naming the receipt they continue. */
  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.y = A4.height - MARGIN.top;
    if (this.pages.length > 1) {
      for (const line of wrapText(this.t.continued(this.data.regNumber), this.fonts.bold, SIZE.body, CONTENT_WIDTH)) {
        this.text(line, MARGIN.left, SIZE.body, this.fonts.bold);
      }
      this.y -= 2 * MM;
    }
  }

  /** True when a new page had to be started to fit `height`. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN.bottom) return false;
    this.newPage();
    return true;
  }

  gap(height: number): void {
    this.y -= height;
  }

  /** One line at the cursor's baseline, then the cursor moves one line down. */
  text(s: string, x: number, size: number, font: PDFFont, color: Color = BLACK): void {
    this.y -= size;
    this.page.drawText(s, { x, y: this.y, size, font, color });
    this.y -= lineHeight(size) - size;
  }

  centered(s: string, size: number, font: PDFFont): void {
    for (const line of wrapText(s, font, size, CONTENT_WIDTH)) {
      this.text(line, MARGIN.left + (CONTENT_WIDTH - font.widthOfTextAtSize(line, size)) / 2, size, font);
    }
  }

  /** A row of bordered cells at the cursor (the caller has made room for it). */
  row(cells: Cell[]): void {
    const height = Math.max(...cells.map(cellHeight));
    const top = this.y;
    let x = MARGIN.left;
    for (const cell of cells) {
      this.page.drawRectangle({
        x,
        y: top - height,
        width: cell.width,
        height,
        color: cell.fill,
        borderColor: RULE,
        borderWidth: 0.5,
      });
      const slack = cell.middle ? (height - cellHeight(cell)) / 2 : 0;
      let baseline = top - PAD - slack - cell.size;
      for (const line of cell.lines) {
        const free = cell.width - 2 * PAD - cell.font.widthOfTextAtSize(line, cell.size);
        const dx = cell.align === 'right' ? free : cell.align === 'center' ? free / 2 : 0;
        this.page.drawText(line, { x: x + PAD + dx, y: baseline, size: cell.size, font: cell.font, color: BLACK });
        baseline -= lineHeight(cell.size);
      }
      x += cell.width;
    }
    this.y = top - height;
  }

  /** The QR code as filled squares, one path: no raster image, so it prints sharp at any size. */
  qr(text: string, x: number, top: number, size: number): void {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = modules.size;
    let path = '';
    for (let r = 0; r < n; r += 1) {
      for (let c = 0; c < n;) {
        if (!modules.get(r, c)) {
          c += 1;
          continue;
        }
        const start = c;
        while (c < n && modules.get(r, c)) c += 1;
        // Runs of dark modules in a row become one rectangle: fewer path operators, no seams.
        path += `M${start} ${r}h${c - start}v1h${start - c}z`;
      }
    }
    this.page.drawSvgPath(path, { x, y: top, scale: size / n, color: BLACK, borderWidth: 0 });
  }

  get cursor(): number {
    return this.y;
  }

  set cursor(y: number) {
    this.y = y;
  }

  get current(): PDFPage {
    return this.page;
  }
}

/** «49,92 грн (адміністративний збір 49,92 грн)», «безоплатно», or the exemption and its reason. */
function feeText(fee: ComputedFee, t: ReceiptText): string {
  if (fee.exemption) return t.feeExempt(fee.exemption.reason);
  if (fee.totalKopecks === 0) return t.feeFree;
  const lines = fee.lines.filter((line) => line.amountKopecks > 0).map((line) => `${t.feeKinds[line.kind]} ${t.money(line.amountKopecks)}`);
  return `${t.money(fee.totalKopecks)} (${lines.join('; ')})`;
}

function detailRows(data: ReceiptData, t: ReceiptText, lang: ReceiptLang): [string, string][] {
  const rows: [string, string][] = [
    [t.regNumber, data.regNumber],
    [t.registeredAt, formatLocalDateTime(data.registeredAt, data.timeZone ?? 'Europe/Kyiv')],
    [t.applicant, data.applicant.displayName],
  ];
  const taxId = data.applicant.taxId;
  if (taxId) rows.push([taxId.kind === 'rnokpp' ? t.rnokpp : t.edrpou, maskTaxId(taxId.value)]);
  const doc = data.applicant.idDoc;
  if (doc) {
    const name = ID_DOC_NAMES[doc.type][lang];
    rows.push([t.identityDocument, doc.validUntil === null ? name : `${name}, ${t.validUntil(formatDay(doc.validUntil))}`]);
  }
  const rep = data.representative;
  if (rep) {
    const basis = 'authority' in rep ? authorityInWords(rep.authority, lang) : t.powerOfAttorney(rep.poaNumber, formatDay(rep.poaDate));
    rows.push([t.representative, `${rep.name}, ${basis}`]);
  }
  if (data.subject) rows.push([t.subject, data.subject.displayName]);
  rows.push(
    [t.service, data.service.name],
    [
      t.provider,
      data.service.providerEdrpou ? t.providerWithEdrpou(data.service.provider, data.service.providerEdrpou) : data.service.provider,
    ],
    [t.window, data.window],
    [t.clerk, data.clerkName],
  );
  if (data.dueDate !== null) rows.push([t.dueDate, formatDay(data.dueDate)]);
  // How the date is counted (and whether a date is stated at all), and the fee: numbered receipts only.
  if (data.terms) rows.push([t.term, data.terms.deadline], [t.fee, feeText(data.terms.fee, t)]);
  rows.push([t.delivery, t.deliveryKinds[data.resultDelivery]]);
  if (data.insisted) rows.push([t.missingDocuments, data.insisted.missing.join('; ')], ['', t.insisted(data.insisted.reason)]);
  return rows;
}

/**
 * The six capital letters a subset font's name starts with (PDF 32000-1 §9.6.4), so viewers and
 * tools that merge receipts tell one receipt's subset from another's. Derived from the receipt,
 * not random, to keep the output reproducible.
 */
function subsetTag(data: ReceiptData, lang: ReceiptLang, fontName: string): string {
  const digest = createHash('sha256').update(`${data.regNumber}\n${lang}\n${fontName}`).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

export async function renderReceipt(data: ReceiptData, lang: ReceiptLang, options: RenderOptions): Promise<Uint8Array> {
  const t = receiptText[lang];
  const files = await loadFontFiles(options.fontDir);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Subset: only the glyphs used go in, ~30 KB instead of 1.4 MB. Ligatures off, so "fi" stays two
  // glyphs and copying text out of the PDF gives back exactly what was typed.
  const embed = (bytes: Uint8Array, name: string): Promise<PDFFont> =>
    doc.embedFont(bytes, { subset: true, features: { liga: false }, customName: `${subsetTag(data, lang, name)}+${name}` });
  const fonts: Fonts = { regular: await embed(files.regular, 'DejaVuSans'), bold: await embed(files.bold, 'DejaVuSans-Bold') };

  // Fixed metadata: the same receipt renders to the same bytes, so a reprint matches the original.
  const registered = new Date(data.registeredAt);
  doc.setTitle(`${t.title} ${t.numberAndDate(data.regNumber, formatDay(data.registeredOn))}`);
  doc.setAuthor(data.center.name);
  doc.setSubject(data.service.name);
  doc.setCreator('Vikno');
  doc.setProducer('Vikno');
  doc.setLanguage(lang === 'uk' ? 'uk-UA' : 'en');
  // A later опис or a corrected version is dated by its own issue; one issued before, by the registration.
  const issued = data.issue ? new Date(data.issue.issuedAt) : registered;
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);

  const w = new ReceiptWriter(doc, fonts, t, data);
  w.newPage();

  // Header: the center on the left, the QR code with the registration number on the right.
  const pageTop = w.cursor;
  const headerWidth = CONTENT_WIDTH - QR_SIZE - 6 * MM;
  for (const line of wrapText(data.center.name, fonts.bold, SIZE.center, headerWidth)) {
    w.text(line, MARGIN.left, SIZE.center, fonts.bold);
  }
  w.text(`${t.centerCode}: ${data.center.code}`, MARGIN.left, SIZE.body, fonts.regular, GREY);
  const textBottom = w.cursor;
  w.qr(data.regNumber, RIGHT - QR_SIZE, pageTop, QR_SIZE);
  w.cursor = pageTop - QR_SIZE - 1 * MM;
  for (const line of [t.qrCaption, data.regNumber]) {
    const width = fonts.regular.widthOfTextAtSize(line, SIZE.small);
    w.text(line, RIGHT - QR_SIZE / 2 - width / 2, SIZE.small, fonts.regular, GREY);
  }
  w.cursor = Math.min(textBottom, w.cursor) - 3 * MM;

  w.centered(t.title, SIZE.title, fonts.bold);
  w.gap(1 * MM);
  w.centered(t.numberAndDate(data.regNumber, formatDay(data.registeredOn)), SIZE.subtitle, fonts.regular);
  if (data.issue) {
    const issue = data.issue;
    w.gap(1 * MM);
    w.centered(
      t.receiptNumber(issue.number, issue.version, formatLocalDateTime(issue.issuedAt, data.timeZone ?? 'Europe/Kyiv')),
      SIZE.subtitle,
      fonts.bold,
    );
    if (issue.correction) w.centered(t.correction(issue.correction.position, issue.correction.reason), SIZE.body, fonts.regular);
  }
  w.gap(4 * MM);

  for (const [label, value] of detailRows(data, t, lang)) {
    const cells: Cell[] = [
      {
        lines: wrapText(label, fonts.regular, SIZE.body, LABEL_WIDTH - 2 * PAD),
        width: LABEL_WIDTH,
        font: fonts.regular,
        size: SIZE.body,
        fill: SHADE,
      },
      {
        lines: wrapText(value, fonts.bold, SIZE.body, CONTENT_WIDTH - LABEL_WIDTH - 2 * PAD),
        width: CONTENT_WIDTH - LABEL_WIDTH,
        font: fonts.bold,
        size: SIZE.body,
      },
    ];
    w.ensure(Math.max(...cells.map(cellHeight)));
    w.row(cells);
  }
  w.gap(5 * MM);

  // The documents table; its header row is repeated on every page the table runs onto.
  const headerCell = (label: string, width: number): Cell => ({
    lines: wrapText(label, fonts.bold, SIZE.small, width - 2 * PAD),
    width,
    font: fonts.bold,
    size: SIZE.small,
    align: 'center',
    middle: true,
    fill: SHADE,
  });
  // A numbered receipt (layout 2) has the presented/handed-in column; one issued before keeps its four.
  const numbered = data.issue !== undefined;
  const col = numbered ? COL_NUMBERED : { ...COL, handling: 0 };
  const colName = CONTENT_WIDTH - col.number - col.kind - col.handling - col.sheets;
  const header = [
    headerCell(t.colNumber, col.number),
    headerCell(t.colDocument, colName),
    headerCell(t.colKind, col.kind),
    ...(numbered ? [headerCell(t.colHandling, col.handling)] : []),
    headerCell(t.colSheets, col.sheets),
  ];
  const headerHeight = Math.max(...header.map(cellHeight));
  data.items.forEach((item, i) => {
    const cells: Cell[] = [
      { lines: [`${i + 1}.`], width: col.number, font: fonts.regular, size: SIZE.body, align: 'center' },
      { lines: wrapText(item.name, fonts.regular, SIZE.body, colName - 2 * PAD), width: colName, font: fonts.regular, size: SIZE.body },
      { lines: [item.original ? t.original : t.copy], width: col.kind, font: fonts.regular, size: SIZE.body, align: 'center' },
      ...(numbered
        ? [
            {
              lines: wrapText(item.returned === true ? t.returned : t.handedIn, fonts.regular, SIZE.body, col.handling - 2 * PAD),
              width: col.handling,
              font: fonts.regular,
              size: SIZE.body,
              align: 'center' as const,
            },
          ]
        : []),
      { lines: [String(item.sheets)], width: col.sheets, font: fonts.regular, size: SIZE.body, align: 'center' },
    ];
    const height = Math.max(...cells.map(cellHeight));
    // The first row goes with the header (no header alone at a page's foot); later rows get a
    // fresh header when they open a page.
    if (i === 0) {
      w.ensure(headerHeight + height);
      w.row(header);
    } else if (w.ensure(height)) {
      w.row(header);
    }
    w.row(cells);
  });
  // Only what stays in the case counts: a paper presented and handed back is listed, not totalled.
  const kept = keptTotals(data.items.map((item) => ({ ...item, returned: item.returned === true })));
  const totalSheets = numbered ? kept.sheets : data.items.reduce((sum, item) => sum + item.sheets, 0);
  const totalText = numbered ? t.keptTotal(kept.documents, data.items.length) : t.totalSheets(data.items.length);
  const totalLabelWidth = CONTENT_WIDTH - col.sheets;
  const total: Cell[] = [
    {
      lines: wrapText(totalText, fonts.bold, SIZE.body, totalLabelWidth - 2 * PAD),
      width: totalLabelWidth,
      font: fonts.bold,
      size: SIZE.body,
      align: 'right',
    },
    { lines: [String(totalSheets)], width: col.sheets, font: fonts.bold, size: SIZE.body, align: 'center' },
  ];
  w.ensure(Math.max(...total.map(cellHeight)));
  w.row(total);

  // Signatures side by side and kept together on one page: the clerk's on the left, the person
  // who handed the documents in on the right, each printed name under its signature line.
  const submitter = data.representative?.name ?? data.applicant.displayName;
  const columnWidth = (CONTENT_WIDTH - 10 * MM) / 2;
  const columns = [
    { x: MARGIN.left, label: t.receivedBy, name: data.clerkName },
    { x: MARGIN.left + columnWidth + 10 * MM, label: t.submittedBy, name: submitter },
  ].map((c) => ({
    ...c,
    labelLines: wrapText(c.label, fonts.regular, SIZE.body, columnWidth),
    nameLines: wrapText(c.name, fonts.bold, SIZE.body, columnWidth),
  }));
  const signatureHeight = Math.max(
    ...columns.map((c) => (c.labelLines.length + c.nameLines.length) * lineHeight(SIZE.body) + 9 * MM + lineHeight(SIZE.small)),
  );
  w.gap(7 * MM);
  w.ensure(signatureHeight + 4 * MM + lineHeight(SIZE.body));
  const top = w.cursor;
  let bottom = top;
  for (const c of columns) {
    w.cursor = top;
    for (const line of c.labelLines) w.text(line, c.x, SIZE.body, fonts.regular, GREY);
    w.gap(9 * MM);
    w.current.drawLine({ start: { x: c.x, y: w.cursor }, end: { x: c.x + columnWidth, y: w.cursor }, thickness: 0.6, color: BLACK });
    w.gap(0.5 * MM);
    w.text(
      t.signature,
      c.x + (columnWidth - fonts.regular.widthOfTextAtSize(t.signature, SIZE.small)) / 2,
      SIZE.small,
      fonts.regular,
      GREY,
    );
    for (const line of c.nameLines) w.text(line, c.x, SIZE.body, fonts.bold);
    bottom = Math.min(bottom, w.cursor);
  }
  w.cursor = bottom - 4 * MM;
  const signedOn = data.issue
    ? formatLocalDateTime(data.issue.issuedAt, data.timeZone ?? 'Europe/Kyiv').slice(0, 10)
    : formatDay(data.registeredOn);
  w.text(`${t.dateLabel}: ${signedOn}`, MARGIN.left, SIZE.body, fonts.regular);

  // Footers last, once the page count is known.
  w.pages.forEach((page, i) => {
    page.drawLine({ start: { x: MARGIN.left, y: FOOTER_Y + 10 }, end: { x: RIGHT, y: FOOTER_Y + 10 }, thickness: 0.4, color: RULE });
    const left = `${t.numberAndDate(data.regNumber, formatDay(data.registeredOn))} · ${data.center.code}`;
    page.drawText(left, { x: MARGIN.left, y: FOOTER_Y, size: SIZE.small, font: fonts.regular, color: GREY });
    const right = t.page(i + 1, w.pages.length);
    page.drawText(right, {
      x: RIGHT - fonts.regular.widthOfTextAtSize(right, SIZE.small),
      y: FOOTER_Y,
      size: SIZE.small,
      font: fonts.regular,
      color: GREY,
    });
  });

  return doc.save();
}
