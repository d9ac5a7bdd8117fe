/**
 * Where the back office's PostgreSQL sessions spend a load, sampled from pg_stat_activity: the
 * database side of the profile the region bench prints beside its figures (a session waiting on
 * `Lock:advisory` waits for the change-sequence lock every writing push takes, see
 * server/sync/entity-store.ts).
 */
import type pg from 'pg';

const SAMPLE_SQL = `SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS what
  FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`;

/** Samples every `everyMs` until stopped; then each state's share of the active sessions seen, largest first. */
export function sampleWaits(client: pg.Client, everyMs = 250): { stop(): Promise<string> } {
  const seen = new Map<string, number>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{ what: string }>(SAMPLE_SQL);
      for (const { what } of rows) seen.set(what, (seen.get(what) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      const total = [...seen.values()].reduce((a, b) => a + b, 0);
      return [...seen]
        .sort((a, b) => b[1] - a[1])
        .map(([what, n]) => `${what} ${((100 * n) / total).toFixed(0)}%`)
        .join(', ');
    },
  };
}
