/**
 * The database side of the profile the region bench prints beside its figures: what the back
 * office's PostgreSQL sessions wait on under load, sampled from pg_stat_activity (a session on
 * `Lock:advisory` waits for the change-sequence lock every writing push takes, see
 * server/sync/entity-store.ts), and which tables the load's bytes went to.
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

/** Each table's bytes with its indexes and TOAST. */
export async function tableBytes(client: pg.Client): Promise<Map<string, number>> {
  const { rows } = await client.query<{ name: string; bytes: string }>(
    "SELECT relname AS name, pg_total_relation_size(oid) AS bytes FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace",
  );
  return new Map(rows.map((row) => [row.name, Number(row.bytes)]));
}

/** The tables that grew most between two readings, with their share of the growth. */
export function growthShares(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>, top = 6): string {
  const grown = [...after].map(([name, bytes]) => [name, bytes - (before.get(name) ?? 0)] as const).filter(([, bytes]) => bytes > 0);
  const total = grown.reduce((sum, [, bytes]) => sum + bytes, 0);
  return grown
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, bytes]) => `${name} ${((100 * bytes) / total).toFixed(0)}%`)
    .join(', ');
}
