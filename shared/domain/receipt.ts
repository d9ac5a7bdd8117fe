import { z } from 'zod';

/**
 * One line of a receipt (опис). `returned`: the paper was presented and handed back (a passport
 * shown), not handed in; only handed-in papers stay in the case and count in the sheet total.
 * Lines of earlier versions have no `returned`: they were all handed in.
 */
export const ReceiptItem = z
  .object({
    name: z.string().trim().min(1).max(300),
    original: z.boolean(),
    sheets: z.number().int().min(1).max(10_000),
    returned: z.boolean().default(false),
  })
  .strict();
export type ReceiptItemInput = z.input<typeof ReceiptItem>;
export type ReceiptItemData = z.output<typeof ReceiptItem>;

/** A correction of one line: which (1-based, in that опис) and why. */
export const ReceiptCorrection = z
  .object({ position: z.number().int().min(1).max(200), reason: z.string().trim().min(1).max(1000) })
  .strict();

/**
 * An issued receipt: опис №1 at registration, №2 … for documents handed in later; a correction of
 * a line makes a new version of that опис (№1 v2), and the earlier version stays as issued.
 * `layout` 1 is the paper as receipts were printed before they had numbers (backfilled by desk
 * migration 0010): a reprint of one must stay byte-identical, so it is drawn the old way.
 */
export const ReceiptVersion = z
  .object({
    number: z.number().int().min(1).max(999),
    version: z.number().int().min(1).max(999),
    issuedAt: z.iso.datetime(),
    clerkId: z.string().min(1).max(64),
    clerkName: z.string().min(1).max(300),
    lines: z.array(ReceiptItem).min(1).max(200),
    correction: ReceiptCorrection.nullable(),
    layout: z.union([z.literal(1), z.literal(2)]),
  })
  .strict();
export type ReceiptVersion = z.output<typeof ReceiptVersion>;

/** `applications.addDocuments`: documents handed in after registration, on a new опис. */
export const AddDocuments = z.object({ id: z.string().min(1).max(64), items: z.array(ReceiptItem).min(1).max(200) }).strict();
export type AddDocumentsInput = z.input<typeof AddDocuments>;

/** `applications.correctLine`: a line of an опис replaced, with the reason, as a new version of it. */
export const CorrectReceiptLine = z
  .object({
    id: z.string().min(1).max(64),
    receipt: z.number().int().min(1).max(999),
    position: z.number().int().min(1).max(200),
    item: ReceiptItem,
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();
export type CorrectReceiptLineInput = z.input<typeof CorrectReceiptLine>;

/** The newest version of each опис, in number order. */
export function latestVersions(receipts: readonly ReceiptVersion[]): ReceiptVersion[] {
  const newest = new Map<number, ReceiptVersion>();
  for (const r of receipts) {
    const seen = newest.get(r.number);
    if (!seen || r.version > seen.version) newest.set(r.number, r);
  }
  return [...newest.values()].sort((a, b) => a.number - b.number);
}

/** The case's lines as they stand: every опис's newest version, in order. */
export function currentLines(receipts: readonly ReceiptVersion[]): ReceiptItemData[] {
  return latestVersions(receipts).flatMap((r) => r.lines);
}

/** A version a later one of the same опис replaced. */
export function isSuperseded(receipt: ReceiptVersion, receipts: readonly ReceiptVersion[]): boolean {
  return receipts.some((r) => r.number === receipt.number && r.version > receipt.version);
}

/** What stays in the case: the handed-in lines and their sheets. */
export function keptTotals(lines: readonly ReceiptItemData[]): { documents: number; sheets: number } {
  const kept = lines.filter((line) => !line.returned);
  return { documents: kept.length, sheets: kept.reduce((sum, line) => sum + line.sheets, 0) };
}

/**
 * опис №1 as registration issues it. The back office derives the same one from the register
 * mutation (who registered, when, the lines), so both sides hold it without sending it twice.
 */
export function initialReceipt(r: {
  registeredAt: string;
  clerkId: string;
  clerkName: string;
  items: readonly ReceiptItemData[];
}): ReceiptVersion {
  return {
    number: 1,
    version: 1,
    issuedAt: r.registeredAt,
    clerkId: r.clerkId,
    clerkName: r.clerkName,
    lines: [...r.items],
    correction: null,
    layout: 2,
  };
}
