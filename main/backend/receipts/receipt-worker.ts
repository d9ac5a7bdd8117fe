/**
 * The receipt renderer's worker thread (receipt-renderer.ts), bundled by scripts/build.ts to
 * dist/main/receipt-worker.cjs with pdf-lib in it. Rendering a receipt is CPU-bound (font
 * subsetting, shaping, deflate: tens of ms each); here it does not hold up the calls the
 * backend's thread answers meanwhile. Each request carries an id; its answer carries it back.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { RenderAnswer, RenderFailure, RenderRequest } from './render-messages';
import { renderReceipt } from './receipt-pdf';

const port = parentPort;
if (!port) throw new Error('receipt-worker must run as a worker thread (receipts/receipt-renderer.ts starts it)');

/** What was thrown, as plain data that crosses to the backend's thread. */
function failureOf(error: unknown): RenderFailure {
  if (error instanceof AppError) return { message: error.message, appError: { code: error.code, issues: error.issues } };
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { message: error.message, fields };
}

port.on('message', (request: RenderRequest) => {
  renderReceipt(request.data, request.lang, request.options).then(
    (pdf) => port.postMessage({ id: request.id, pdf } satisfies RenderAnswer),
    (error: unknown) => {
      port.postMessage({ id: request.id, error: failureOf(error) } satisfies RenderAnswer);
    },
  );
});
