import type { ReceiptItemData } from '../../../../shared/domain/receipt';
import type { PlainMessageKey } from '../../i18n/dictionary';

/** A receipt line as typed: sheets as text until it is checked. */
export interface LineDraft {
  name: string;
  original: boolean;
  sheets: string;
  returned: boolean;
}

export const EMPTY_LINE: LineDraft = { name: '', original: true, sheets: '1', returned: false };

export function draftOf(line: ReceiptItemData): LineDraft {
  return { name: line.name, original: line.original, sheets: String(line.sheets), returned: line.returned };
}

export interface LineProblems {
  name?: PlainMessageKey;
  sheets?: PlainMessageKey;
}

/** What is wrong with a typed line, per field; empty when it can be sent. */
export function lineProblems(line: LineDraft): LineProblems {
  const sheets = Number(line.sheets.trim());
  return {
    ...(line.name.trim() === '' ? { name: 'receipts.err.name' as const } : {}),
    ...(!/^\d+$/.test(line.sheets.trim()) || sheets < 1 || sheets > 10_000 ? { sheets: 'receipts.err.sheets' as const } : {}),
  };
}

export function lineOf(draft: LineDraft): ReceiptItemData {
  return { name: draft.name.trim(), original: draft.original, sheets: Number(draft.sheets.trim()), returned: draft.returned };
}
