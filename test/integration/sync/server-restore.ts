/**
 * An emulated restore of the back office from a backup taken at a known point: everything
 * committed after it is removed the way a restore would lose it (its changes, the versions and
 * records they wrote, its mutation_log rows and status history), and the change sequence is
 * set back. Emulated because restoring a real dump needs the server stopped and its storage
 * re-opened, which the shared harness keeps running; the database state it leaves is the same.
 */
import type { Storage } from '../../../server/storage/storage';
import { toInt } from '../../../server/storage/storage';

export interface BackupPoint {
  seq: number;
  mutationIds: string[];
}

export async function backupPoint(storage: Storage): Promise<BackupPoint> {
  const [top] = await storage.query<{ seq: unknown }>('SELECT coalesce(max(seq), 0) AS seq FROM changes');
  const logged = await storage.query<{ mutation_id: string }>('SELECT mutation_id FROM mutation_log');
  return { seq: toInt(top?.seq), mutationIds: logged.map((row) => row.mutation_id) };
}

const ENTITY_TABLES = { applicant: 'applicants', application: 'applications', ticket: 'tickets' } as const;

export async function restoreTo(storage: Storage, point: BackupPoint): Promise<void> {
  const known = JSON.stringify(point.mutationIds);
  await storage.transaction(async (tx) => {
    await tx.query('DELETE FROM application_status_history WHERE mutation_id NOT IN (SELECT jsonb_array_elements_text($1::jsonb))', [
      known,
    ]);
    await tx.query('DELETE FROM mutation_log WHERE mutation_id NOT IN (SELECT jsonb_array_elements_text($1::jsonb))', [known]);
    await tx.query(
      'DELETE FROM entity_versions v USING changes c WHERE c.seq > $1 AND v.entity = c.entity AND v.id = c.id AND v.version = c.version',
      [point.seq],
    );
    await tx.query('DELETE FROM changes WHERE seq > $1', [point.seq]);
    for (const [entity, table] of Object.entries(ENTITY_TABLES)) {
      await tx.query(
        `UPDATE ${table} t SET version = v.version, data = v.data
         FROM (SELECT DISTINCT ON (id) id, version, data FROM entity_versions WHERE entity = $1 ORDER BY id, version DESC) v
         WHERE t.id = v.id AND t.version <> v.version`,
        [entity],
      );
      await tx.query(`DELETE FROM ${table} WHERE id NOT IN (SELECT id FROM entity_versions WHERE entity = $1)`, [entity]);
    }
    await tx.query("SELECT setval(pg_get_serial_sequence('changes', 'seq'), $1)", [Math.max(point.seq, 1)]);
  });
}
