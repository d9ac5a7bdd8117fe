/**
 * How a `scanimage` run ended, as a ScanProblem: its exit status is the SANE status of the
 * failure (3 busy, 6 jammed, 7 no documents, 8 cover open, …) and its last messages say the same
 * in words; a device that cannot be opened exits 1 with "open of device … failed".
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

const STATUS_KIND: Record<number, ScanProblemKind> = { 3: 'busy', 6: 'jammed', 7: 'feeder_empty', 8: 'cover_open' };

const MESSAGE_KIND: ReadonlyArray<[RegExp, ScanProblemKind]> = [
  [/out of documents|no documents|feeder (is )?empty/i, 'feeder_empty'],
  [/cover (is )?open/i, 'cover_open'],
  [/jam/i, 'jammed'],
  [/busy/i, 'busy'],
  [/open of device .* failed|no device|failed to open|no scanners were identified|invalid argument/i, 'not_found'],
];

/** Lines that report progress, not trouble. */
const ROUTINE =
  /^(Scanning (\d+|infinity) pages?,|Scanning page \d+|Scanned page \d+\. \(scanner status = 5\)|Batch terminated|Progress:|Output format is not set)/;

const MAX_DETAIL = 2000;

/** `Scanned page 2. (scanner status = 9)`: the page failed with that SANE status (5, end of page, is success). */
const PAGE_STATUS = /^Scanned page \d+\. \(scanner status = (\d+)\)/;

function troubleLines(stderr: readonly string[]): string[] {
  return stderr.map((l) => l.trim()).filter((l) => l !== '' && !ROUTINE.test(l));
}

function kindOfMessages(trouble: readonly string[]): ScanProblemKind | null {
  for (const line of [...trouble].reverse()) {
    // A refused option is a wrong argument, not a missing device, though both say "Invalid argument".
    if (/setting of option/i.test(line)) return 'failed';
    const kind = MESSAGE_KIND.find(([pattern]) => pattern.test(line))?.[1];
    if (kind !== undefined) return kind;
  }
  return null;
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
  const trouble = troubleLines(exit.stderr);
  const said = trouble.filter((l) => !PAGE_STATUS.test(l));
  const detail = (said.at(-1) ?? trouble.at(-1) ?? (exit.code === null ? 'stopped by a signal' : `exit status ${exit.code}`)).slice(
    0,
    MAX_DETAIL,
  );
  const pageStatus = trouble.map((l) => PAGE_STATUS.exec(l)?.[1]).findLast((s) => s !== undefined);
  const kind = kindOfMessages(trouble) ?? kindOfStatus(pageStatus === undefined ? null : Number(pageStatus)) ?? kindOfStatus(exit.code);
  if (kind === 'feeder_empty' && exit.pages > 0) return null;
  if (kind !== null) return { kind, detail };
  if (exit.code === null) return { kind: 'failed', detail };
  return null;
}
