import type { CaseDocument } from '../../../../shared/documents';
import type { Application } from '../../../../shared/domain/application';
import { latestVersions } from '../../../../shared/domain/receipt';
import type { ReceiptItemData } from '../../../../shared/domain/receipt';

/** A current line of one опис, where documents are attached: by the опис's number and the line's 1-based place. */
export interface CaseLine {
  receipt: number;
  position: number;
  item: ReceiptItemData;
  documents: CaseDocument[];
}

/** Every опис's newest version, line by line, each with the documents attached to it. */
export function caseLines(application: Application, documents: readonly CaseDocument[]): CaseLine[] {
  return latestVersions(application.receipts)
    .sort((a, b) => a.number - b.number)
    .flatMap((receipt) =>
      receipt.lines.map((item, index) => ({
        receipt: receipt.number,
        position: index + 1,
        item,
        documents: documents.filter((d) => d.receipt === receipt.number && d.position === index + 1),
      })),
    );
}
