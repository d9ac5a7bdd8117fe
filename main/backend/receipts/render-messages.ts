/** What the backend's thread and the receipt worker (receipt-worker.ts) send each other. */
import type { ErrorCode, FieldIssue } from '../../../shared/errors';
import type { ReceiptData, RenderOptions } from './receipt-pdf';
import type { ReceiptLang } from './receipt-text';

export interface RenderRequest {
  id: number;
  data: ReceiptData;
  lang: ReceiptLang;
  options: RenderOptions;
}

/** An error crosses the thread as plain data; the backend's thread throws it again as what renderReceipt threw. */
export interface RenderFailure {
  message: string;
  appError?: { code: ErrorCode; issues: FieldIssue[] | undefined };
  /** A Node error's own fields (code, errno, syscall, path): what the log shows of it. */
  fields?: Record<string, string | number | boolean>;
}

export type RenderAnswer = { id: number; pdf: Uint8Array } | { id: number; error: RenderFailure };
