/** Steps a PostgreSQL test takes on its own connection around the change-sequence lock (CHANGE_SEQUENCE_LOCK). */
import type { Storage } from '../../../server/storage/storage';

/**
 * The pid of a backend waiting for an advisory lock, once there is one; null if `settled`
 * resolves first (the writer never had to wait). Asks pg_locks again after each answer: the
 * condition decides, never a delay; the timer only lets the writer's own I/O run in between.
 */
export async function advisoryWaiter(storage: Storage, settled: Promise<unknown> = new Promise(() => {})): Promise<number | null> {
  let done = false;
  settled.then(
    () => (done = true),
    () => (done = true),
  );
  for (;;) {
    const [row] = await storage.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted LIMIT 1");
    if (row) return row.pid;
    if (done) return null;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
