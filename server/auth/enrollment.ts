import { randomUUID } from 'node:crypto';
import type { EnrollResponse } from '../../shared/sync-protocol';
import type { Storage } from '../storage/storage';
import { newDeviceToken, newEnrollmentCode, sha256Hex } from './secrets';

/** A code not used within a day must be issued again. */
export const CODE_LIFETIME_HOURS = 24;

export interface DeskPlace {
  centerCode: string;
  deskCode: string;
}

/** An admin's one-time code that enrolls one desk of one center; only its hash is stored. */
export async function createEnrollmentCode(storage: Storage, place: DeskPlace): Promise<string> {
  const code = newEnrollmentCode();
  await storage.query(
    `INSERT INTO enrollment_codes (code_hash, center_code, desk_code, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [sha256Hex(code), place.centerCode, place.deskCode, CODE_LIFETIME_HOURS],
  );
  return code;
}

/**
 * Exchanges a code for a device token, once: the code is marked used in the same transaction
 * that creates the device, so two desks racing with one code get one token between them.
 * Null for an unknown, used or expired code.
 */
export async function enrollDevice(storage: Storage, code: string, deviceName: string, publicKey: string): Promise<EnrollResponse | null> {
  return storage.transaction(async (tx) => {
    const [place] = await tx.query<{ center_code: string; desk_code: string }>(
      `UPDATE enrollment_codes SET used_at = now()
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
       RETURNING center_code, desk_code`,
      [sha256Hex(code.trim().toUpperCase())],
    );
    if (!place) return null;
    const deviceId = randomUUID();
    const deviceToken = newDeviceToken();
    await tx.query('INSERT INTO devices (id, center_code, desk_code, name, token_hash, public_key) VALUES ($1, $2, $3, $4, $5, $6)', [
      deviceId,
      place.center_code,
      place.desk_code,
      deviceName,
      sha256Hex(deviceToken),
      publicKey,
    ]);
    return { deviceId, deviceToken, centerCode: place.center_code, deskCode: place.desk_code };
  });
}

/**
 * Registers the key of a desk enrolled before desks had keys, once: a second key would let
 * whoever holds the device token sign sessions in another desk's name. False if one is there.
 */
export async function registerDeskKey(storage: Storage, deviceId: string, publicKey: string): Promise<boolean> {
  const rows = await storage.query<{ id: string }>('UPDATE devices SET public_key = $2 WHERE id = $1 AND public_key IS NULL RETURNING id', [
    deviceId,
    publicKey,
  ]);
  return rows.length === 1;
}
