import type { SyncStatus } from '../../shared/contract';

/** A desk with no back office and nothing queued, as the sync.status event reports it. */
export const STANDALONE: SyncStatus = {
  state: 'standalone',
  pending: 0,
  oldestPendingAt: null,
  filesLeft: 0,
  bytesLeft: 0,
  deadLetters: 0,
  conflicts: 0,
  lastSuccessAt: null,
  clockOffsetMs: null,
  enrollment: null,
  enrollmentRefused: null,
};
