import { AUDIT_GENESIS } from '../../shared/audit-upload';
import type { UploadedAuditEntry } from '../../shared/audit-upload';
import type { Device } from '../auth/devices';
import { HttpError } from '../http/http-error';
import type { Storage } from '../storage/storage';
import { toInt } from '../storage/storage';

/**
 * Stores a batch of a device's audit entries, in one transaction, only if it continues that
 * device's chain: each entry's previous hash is the hash of the entry before it (the newest one
 * held, or the chain's start for entry 1). Entries already held are skipped when they are the
 * same entry (a resend after a lost answer), refused when they differ. Returns the newest seq held.
 */
export async function storeAuditEntries(storage: Storage, device: Device, entries: readonly UploadedAuditEntry[]): Promise<number> {
  return storage.transaction(async (tx) => {
    // One batch of a device at a time: two at once would both see the same head.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('audit:' || $1))", [device.id]);
    const [head] = await tx.query<{ seq: unknown; hash: string }>(
      'SELECT seq, hash FROM audit_entries WHERE device_id = $1 ORDER BY seq DESC LIMIT 1',
      [device.id],
    );
    let seq = head ? toInt(head.seq) : 0;
    let hash = head?.hash ?? AUDIT_GENESIS;
    for (const entry of entries) {
      if (entry.seq <= seq) {
        const [held] = await tx.query<{ hash: string }>('SELECT hash FROM audit_entries WHERE device_id = $1 AND seq = $2', [
          device.id,
          entry.seq,
        ]);
        if (held?.hash !== entry.hash)
          throw new HttpError(409, 'audit_chain_broken', `Audit entry ${entry.seq} differs from the one this desk sent before`);
        continue;
      }
      if (entry.seq !== seq + 1)
        throw new HttpError(409, 'audit_chain_broken', `Audit entry ${entry.seq} does not follow entry ${seq}: entries are missing`);
      if (entry.prevHash !== hash)
        throw new HttpError(
          409,
          'audit_chain_broken',
          `Audit entry ${entry.seq} does not continue this desk's chain (previous hash differs)`,
        );
      await tx.query(
        `INSERT INTO audit_entries (device_id, seq, center_code, desk_code, at, actor, action, entity, entity_id, details, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          device.id,
          entry.seq,
          device.centerCode,
          device.deskCode,
          entry.at,
          entry.actor,
          entry.action,
          entry.entity,
          entry.entityId,
          entry.details,
          entry.prevHash,
          entry.hash,
        ],
      );
      seq = entry.seq;
      hash = entry.hash;
    }
    return seq;
  });
}
