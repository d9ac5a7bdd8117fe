/**
 * How a `scanimage` run ended, as a ScanProblem: its exit status is the SANE status of the
 * failure (3 busy, 6 jammed, 7 no documents, 8 cover open, …), its messages say the same in words
 * (sane_strstatus), and a device that cannot be opened exits 1 with "open of device X failed: why".
 */
import type { ScanProblem, ScanProblemKind } from '../../../shared/documents';

export interface SaneExit {
  /** Exit status; null when the program was ended by a signal. */
  code: number | null;
  /** What it wrote to stderr, line by line. */
  stderr: readonly string[];
  /** Whole pages it delivered. */
  pages: number;
}

/** SANE_Status values (sane.h) that name a problem of their own; any other failing status is `failed`. */
const STATUS_KIND: Readonly<Record<number, ScanProblemKind>> = {
  3: 'busy',
  4: 'not_found',
  6: 'jammed',
  7: 'feeder_empty',
  8: 'cover_open',
};

/** sane_strstatus's words for those statuses, and the listing's "nothing here". */
const MESSAGE_KIND: ReadonlyArray<[RegExp, ScanProblemKind]> = [
  [/out of documents/i, 'feeder_empty'],
  [/cover is open/i, 'cover_open'],
  [/jammed/i, 'jammed'],
  [/device busy/i, 'busy'],
  [/invalid argument|no such device|no scanners were identified/i, 'not_found'],
];

/** Lines that report progress, not trouble. */
const ROUTINE =
  /^(Scanning (\d+|infinity) pages?,|Scanning page \d+|Scanned page \d+\. \(scanner status = 5\)|Batch terminated|Progress:|Output format is not set)/;

/** `Scanned page 2. (scanner status = 9)`: that page failed with that status (5, end of page, is success). */
const PAGE_STATUS = /^Scanned page \d+\. \(scanner status = (\d+)\)/;

const MAX_DETAIL = 2000;

function kindOfLine(line: string): ScanProblemKind | null {
  // A refused option is a wrong argument, not a missing device, though both say "Invalid argument".
  if (/setting of option/i.test(line)) return 'failed';
  // Only the reason counts: the device's own name may hold any word.
  const open = /open of device .* failed: (.*)$/i.exec(line);
  const said = open?.[1] ?? line;
  return MESSAGE_KIND.find(([pattern]) => pattern.test(said))?.[1] ?? (open ? 'failed' : null);
}

function kindOfStatus(status: number | null): ScanProblemKind | null {
  if (status === null || status === 0) return null;
  return STATUS_KIND[status] ?? 'failed';
}

/**
 * Null when the run finished well: exit 0 with no page failing, or a feeder that ran out after
 * giving pages. Harmless chatter on stderr ("rounded value of br-x …") is not a failure.
 */
export function saneProblem(exit: SaneExit): ScanProblem | null {
  const trouble = exit.stderr.map((l) => l.trim()).filter((l) => l !== '' && !ROUTINE.test(l));
  const said = trouble.filter((l) => !PAGE_STATUS.test(l));
  const fallback = exit.code === null ? 'stopped by a signal' : `exit status ${exit.code}`;
  const detail = (said.at(-1) ?? trouble.at(-1) ?? fallback).slice(0, MAX_DETAIL);
  const pageStatus = trouble.map((l) => PAGE_STATUS.exec(l)?.[1]).findLast((s) => s !== undefined);
  const kind =
    trouble.map(kindOfLine).findLast((k) => k !== null) ??
    kindOfStatus(pageStatus === undefined ? null : Number(pageStatus)) ??
    kindOfStatus(exit.code) ??
    (exit.code === null ? 'failed' : null);
  if (kind === null || (kind === 'feeder_empty' && exit.pages > 0)) return null;
  return { kind, detail };
}
