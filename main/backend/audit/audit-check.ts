import type { AuditCheck } from '../../../shared/contract';
import type { Db } from '../db/open';
import type { Logger } from '../log/logger';
import { walkAudit } from './audit-log';

/** Entries checked between two turns of the event loop: small enough that a call waits a few ms at most. */
const STEP = 500;

export interface AuditChecker {
  /** The newest finished check (`pending` before the first one ends). */
  current(): AuditCheck;
  /** Checks the whole chain; a check already running is joined rather than started twice. */
  check(): Promise<AuditCheck>;
  /** Ends a running check without a verdict, before the database closes. */
  stop(): Promise<void>;
}

export interface AuditCheckerDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** Lets other work run between steps; a turn of the event loop by default. */
  pause?: () => Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Verifies the audit chain in the product (docs/ARCHITECTURE.md §5.4), not only in tests: in steps,
 * so a long chain never holds up the clerk's calls. A broken chain is logged as an error and kept
 * in `current()` for `storage.status` until a later check finds it whole again.
 */
export function createAuditChecker({ db, logger, now, pause = nextTurn }: AuditCheckerDeps): AuditChecker {
  let latest: AuditCheck = { state: 'pending' };
  let running: Promise<AuditCheck> | null = null;
  let stopped = false;

  async function walk(): Promise<AuditCheck> {
    const chain = walkAudit(db);
    try {
      for (;;) {
        // First pause before the first step: a check started at start-up runs after it.
        await pause();
        if (stopped) return latest;
        const verdict = chain.step(STEP);
        if (!verdict) continue;
        const checkedAt = now().toISOString();
        if (verdict.ok) {
          latest = { state: 'ok', entries: verdict.entries, checkedAt };
          logger.log('info', 'Audit chain verified', { entries: verdict.entries });
        } else {
          latest = { state: 'broken', seq: verdict.seq, problem: verdict.kind, checkedAt };
          logger.log('error', 'The audit chain is broken', { seq: verdict.seq, problem: verdict.problem });
        }
        return latest;
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      latest = { state: 'failed', error: message, checkedAt: now().toISOString() };
      logger.log('error', 'The audit chain could not be checked', { error: message });
      return latest;
    }
  }

  return {
    current: () => latest,
    check() {
      running ??= walk().finally(() => {
        running = null;
      });
      return running;
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}
