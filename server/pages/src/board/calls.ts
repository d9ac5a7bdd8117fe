/**
 * The board's list of calls, newest first: a call arrives live (SSE) or with the state read after a
 * (re)connect, so the same call can come twice and out of order; `seq` orders and deduplicates them.
 * A recall comes as a new call (a new seq) of the same number: it moves to the top, shown once.
 */
import type { BoardCall } from '../../../../shared/queue-protocol';

/** Rows the board shows; the newest one is highlighted. */
export const BOARD_ROWS = 8;

/** The list with `calls` merged in: newest (highest seq) first, one row per number, at most `rows`. */
export function mergeCalls(list: readonly BoardCall[], calls: readonly BoardCall[], rows = BOARD_ROWS): BoardCall[] {
  const bySeq = [...list, ...calls].sort((a, b) => b.seq - a.seq);
  const seen = new Set<string>();
  const merged: BoardCall[] = [];
  for (const call of bySeq) {
    if (seen.has(call.number)) continue;
    seen.add(call.number);
    merged.push(call);
    if (merged.length === rows) break;
  }
  return merged;
}

/** Whether `call` is news to a board showing `list` (the chime rings only then). */
export function isNewCall(list: readonly BoardCall[], call: BoardCall): boolean {
  return list.every((shown) => shown.seq < call.seq);
}
