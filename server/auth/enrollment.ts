import { randomUUID } from 'node:crypto';
import type { EnrollRefusal, EnrollResponse } from '../../shared/sync-protocol';
import type { Sql, Storage } from '../storage/storage';
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

/** Enrolled, or why not (each reason is told to the desk and its clerk as such); `place`: where the code was for, when it exists. */
export type EnrollOutcome =
  { kind: 'enrolled'; value: EnrollResponse } | { kind: 'refused'; reason: EnrollRefusal; place: DeskPlace | null };

/** Why no row matched: read after the claiming UPDATE found nothing, in the same transaction. */
async function refusalOf(tx: Sql, codeHash: string, place: DeskPlace | null): Promise<EnrollOutcome> {
  const [row] = await tx.query<{ center_code: string; desk_code: string; used: boolean; expired: boolean }>(
    `SELECT center_code, desk_code, used_at IS NOT NULL AS used, expires_at <= now() AS expired FROM enrollment_codes WHERE code_hash = $1`,
    [codeHash],
  );
  if (!row) return { kind: 'refused', reason: 'unknown', place: null };
  const codePlace = { centerCode: row.center_code, deskCode: row.desk_code };
  if (row.used) return { kind: 'refused', reason: 'used', place: codePlace };
  if (row.expired) return { kind: 'refused', reason: 'expired', place: codePlace };
  return { kind: 'refused', reason: place ? 'other_desk' : 'unknown', place: codePlace };
}

/**
 * Exchanges a code for a device token, once: the code is marked used in the same transaction
 * that creates the device, so two desks racing with one code get one token between them. `place`:
 * the center and desk the enrolling desk is configured as; a code for another place is refused
 * and stays unused, so the desk it was meant for can still enroll with it.
 */
export async function claimEnrollmentCode(
  storage: Storage,
  request: { code: string; deviceName: string; publicKey: string; place: DeskPlace | null },
): Promise<EnrollOutcome> {
  const codeHash = sha256Hex(request.code.trim().toUpperCase());
  return storage.transaction(async (tx) => {
    const [claimed] = await tx.query<{ center_code: string; desk_code: string }>(
      `UPDATE enrollment_codes SET used_at = now()
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
         AND ($2::text IS NULL OR (center_code = $2 AND desk_code = $3))
       RETURNING center_code, desk_code`,
      [codeHash, request.place?.centerCode ?? null, request.place?.deskCode ?? null],
    );
    if (!claimed) return refusalOf(tx, codeHash, request.place);
    const deviceId = randomUUID();
    const deviceToken = newDeviceToken();
    await tx.query('INSERT INTO devices (id, center_code, desk_code, name, token_hash, public_key) VALUES ($1, $2, $3, $4, $5, $6)', [
      deviceId,
      claimed.center_code,
      claimed.desk_code,
      request.deviceName,
      sha256Hex(deviceToken),
      request.publicKey,
    ]);
    return { kind: 'enrolled', value: { deviceId, deviceToken, centerCode: claimed.center_code, deskCode: claimed.desk_code } };
  });
}

/** A code's device for whoever holds it, whatever desk it names (tests and tools that set up desks); null when refused. */
export async function enrollDevice(storage: Storage, code: string, deviceName: string, publicKey: string): Promise<EnrollResponse | null> {
  const outcome = await claimEnrollmentCode(storage, { code, deviceName, publicKey, place: null });
  return outcome.kind === 'enrolled' ? outcome.value : null;
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
