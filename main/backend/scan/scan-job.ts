/**
 * What both adapters share about a running scan: pages handed to the caller one at a time in
 * order, cancellation that stops the program but keeps the pages already taken, and one outcome
 * that never rejects (scanner.ts's ScanJob).
 */
import type { ChildProcess } from 'node:child_process';
import type { ScanProblem } from '../../../shared/documents';
import { stopProcess } from './stop-process';
import type { ScanJob, ScanOutcome, ScannedPage } from './scanner';

export interface JobControl {
  cancelled(): boolean;
  /** The running program: cancel() or a failing onPage stops it. */
  attach(child: ChildProcess): void;
  /** Queues a whole page for `onPage`, after the pages queued before it. */
  hand(page: ScannedPage): void;
}

/** A program that cannot start is a missing scanner program; anything else a failure. */
export function programProblem(error: string): ScanProblem {
  return /ENOENT|EACCES|ENOEXEC/.test(error) ? { kind: 'no_scanner', detail: error } : { kind: 'failed', detail: error };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** `body` runs the program and answers its problem (null: it finished well). */
export function runScanJob(
  onPage: (page: ScannedPage) => Promise<void>,
  stopGraceMs: number | undefined,
  body: (control: JobControl) => Promise<ScanProblem | null>,
): ScanJob {
  let cancelled = false;
  let child: ChildProcess | null = null;
  let ioProblem: ScanProblem | null = null;
  let handed = 0;
  let chain = Promise.resolve();
  const stop = () => {
    if (child !== null) stopProcess(child, stopGraceMs);
  };
  const control: JobControl = {
    cancelled: () => cancelled,
    attach(running) {
      child = running;
      if (cancelled || ioProblem !== null) stop();
    },
    hand(page) {
      chain = chain.then(async () => {
        if (ioProblem !== null) return;
        try {
          await onPage(page);
          handed += 1;
        } catch (error) {
          ioProblem = { kind: 'io', detail: message(error) };
          stop();
        }
      });
    },
  };
  const done = (async (): Promise<ScanOutcome> => {
    let problem: ScanProblem | null;
    try {
      problem = await body(control);
    } catch (error) {
      problem = { kind: 'failed', detail: message(error) };
    }
    await chain;
    if (ioProblem !== null) return { state: 'failed', problem: ioProblem, pages: handed };
    if (cancelled) return { state: 'cancelled', problem: { kind: 'cancelled', detail: '' }, pages: handed };
    return { state: problem === null ? 'finished' : 'failed', problem, pages: handed };
  })();
  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      stop();
    },
  };
}
