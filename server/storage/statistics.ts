import type { Storage } from './storage';

/** The tables whose row counts decide the sync queries' plans. */
const SYNC_TABLES = 'changes, entity_versions, mutation_log';

/** Changes written between two ANALYZE runs. */
export const ANALYZE_EVERY = 10_000;

export interface StatisticsKeeper {
  /** Counts changes written; every ANALYZE_EVERY of them, refreshes the statistics in the background. */
  written(count: number): void;
  /** Resolves once a refresh in progress has finished (before the storage closes). */
  idle(): Promise<void>;
}

/**
 * Keeps the planner's statistics of the sync tables fresh. PGlite runs no autovacuum, and on
 * PostgreSQL a burst of pushes outruns it: with stale statistics the planner takes the change
 * log for tiny and reads every change after a desk's cursor for each page it pulls instead of
 * walking the index for one page. Refreshes at start and after every `every` changes.
 */
export function keepStatistics(storage: Storage, onError: (error: unknown) => void, every = ANALYZE_EVERY): StatisticsKeeper {
  let sinceLast = 0;
  let running: Promise<void> | null = null;
  const refresh = () => {
    running ??= storage
      .exec(`ANALYZE ${SYNC_TABLES}`)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  refresh();
  return {
    written(count) {
      sinceLast += count;
      if (sinceLast < every) return;
      sinceLast = 0;
      refresh();
    },
    idle: () => running ?? Promise.resolve(),
  };
}
