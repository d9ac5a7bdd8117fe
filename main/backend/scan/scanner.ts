/**
 * One interface over every way a desk takes pages from a scanner (docs/ARCHITECTURE.md §6.9):
 * SANE's `scanimage` on Linux, NAPS2's console on Windows and macOS. There is no maintained Node
 * binding to TWAIN, WIA or SANE, so each adapter runs the platform's program as a child process.
 */
import type { ResolvedScanSettings, ScannerDevice, ScanProblem } from '../../../shared/documents';

/** A page the scanner finished: a whole image file in the job's work folder (the caller stores it, then it may go). */
export interface ScannedPage {
  /** 1-based, in the order the scanner delivered them. */
  index: number;
  file: string;
  dpi: number;
}

export interface ScanOutcome {
  state: 'finished' | 'cancelled' | 'failed';
  /** Why it stopped early; null when it finished (a feeder running out after pages is finishing). */
  problem: ScanProblem | null;
  pages: number;
}

export interface ScanJob {
  /** Settles when the program has exited and every page was handed to `onPage`; never rejects. */
  readonly done: Promise<ScanOutcome>;
  /**
   * Stops the program; pages already handed over stay with the caller, and pages the program had
   * finished whole before it stopped are still handed over (a scanned sheet is never lost); a page
   * it was still writing is not.
   */
  cancel(): void;
}

export interface Discovery {
  state: 'ready' | 'unavailable';
  problem: ScanProblem | null;
  devices: ScannerDevice[];
}

export interface Scanner {
  readonly adapter: 'sane' | 'naps2';
  discover(): Promise<Discovery>;
  /**
   * Scans into `workDir` (created by the caller, emptied by it afterwards). `onPage` is awaited
   * for each page in order before the next is handed over; if it throws, the scan fails with
   * `io` and the pages before stay.
   */
  scan(settings: ResolvedScanSettings, workDir: string, onPage: (page: ScannedPage) => Promise<void>): ScanJob;
}
