/**
 * Renders receipts off the backend's thread: one worker thread (receipt-worker.ts, bundled to
 * dist/main/receipt-worker.cjs) kept for the backend's life, started at the first receipt.
 * The clerk's next search must not wait behind the two receipts the registered panel asks for
 * (docs/ARCHITECTURE.md §11.2). Without a worker file (unit and integration tests run the
 * TypeScript source, which a worker cannot load) it renders in-process, as before.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import type { RenderAnswer, RenderFailure, RenderRequest } from './render-messages';
import { renderReceipt } from './receipt-pdf';
import type { ReceiptData, RenderOptions } from './receipt-pdf';
import type { ReceiptLang } from './receipt-text';

export interface ReceiptRenderer {
  render(data: ReceiptData, lang: ReceiptLang, options: RenderOptions): Promise<Uint8Array>;
  /** Ends the worker; a request still waiting is refused. */
  close(): Promise<void>;
}

/** The error the worker reported, thrown again as renderReceipt threw it in-process. */
function rethrown(failure: RenderFailure): Error {
  if (failure.appError) return new AppError(failure.appError.code, failure.message, failure.appError.issues);
  return Object.assign(new Error(failure.message), failure.fields);
}

/**
 * `workerFile` is dist/main/receipt-worker.cjs in the bundled app; `onStarted` is told of each
 * worker started (a test ends one to see the next receipt start another).
 */
export function createReceiptRenderer(workerFile: string | undefined, onStarted?: (worker: Worker) => void): ReceiptRenderer {
  if (workerFile === undefined) return { render: renderReceipt, close: () => Promise.resolve() };
  const file = workerFile;
  // Each request remembers the worker it went to: a worker's death refuses its own requests only,
  // not those already sent to the one started after it (its 'exit' comes after its 'error').
  const waiting = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void; sentTo: Worker }>();
  let worker: Worker | null = null;
  let nextId = 1;
  let closed = false;

  function refuseWaiting(error: Error, of?: Worker): void {
    for (const [id, request] of waiting) {
      if (of !== undefined && request.sentTo !== of) continue;
      waiting.delete(id);
      request.reject(error);
    }
  }

  const waitingOn = (of: Worker) => [...waiting.values()].some((request) => request.sentTo === of);

  function started(): Worker {
    if (worker) return worker;
    const current = new Worker(file);
    current.on('message', (answer: RenderAnswer) => {
      const request = waiting.get(answer.id);
      if (!request) return;
      waiting.delete(answer.id);
      if (!waitingOn(current)) current.unref();
      if ('pdf' in answer) request.resolve(answer.pdf);
      else request.reject(rethrown(answer.error));
    });
    current.on('error', (error) => {
      if (worker === current) worker = null;
      refuseWaiting(new Error(`The receipt renderer failed: ${error.message}`), current);
    });
    // A worker that died (crash, out of memory) is forgotten: the next receipt starts a new one.
    current.on('exit', (code) => {
      if (worker === current) worker = null;
      if (!closed) refuseWaiting(new Error(`The receipt renderer stopped (exit code ${code}) before it answered`), current);
    });
    worker = current;
    onStarted?.(current);
    return current;
  }

  return {
    render(data, lang, options) {
      if (closed) return Promise.reject(new Error('The receipt renderer is closed'));
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        const current = started();
        waiting.set(id, { resolve, reject, sentTo: current });
        try {
          // Held open only while a receipt is being rendered: an idle worker does not keep the process alive.
          current.ref();
          current.postMessage({ id, data, lang, options } satisfies RenderRequest);
        } catch (error) {
          waiting.delete(id);
          if (!waitingOn(current)) current.unref();
          throw error;
        }
      });
    },
    async close() {
      closed = true;
      refuseWaiting(new Error('The receipt renderer is closed'));
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
