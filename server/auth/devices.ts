import type { Storage } from '../storage/storage';
import { sha256Hex } from './secrets';

/** An enrolled desk: it may write only its own center's data. */
export interface Device {
  id: string;
  centerCode: string;
  deskCode: string;
}

/** A device as the `devices` command lists it. */
export interface DeviceSummary extends Device {
  name: string;
  enrolledAt: string;
  /** The last authenticated request from the desk (to the minute, see noteVisit); null before its first. */
  lastSeenAt: string | null;
  /** The app version the desk last announced; null when it never did. */
  appVersion: string | null;
  revokedAt: string | null;
}

/** A device's last visit is rewritten at most this often, so a busy desk does not write its row on every request. */
const VISIT_GRANULARITY_SECONDS = 60;

interface TokenRow {
  id: string;
  center_code: string;
  desk_code: string;
  fresh: boolean;
  app_version: string | null;
}

/** The live device a bearer token belongs to; null for an unknown or revoked token. */
export async function deviceForToken(
  storage: Storage,
  token: string,
): Promise<(Device & { seenRecently: boolean; appVersion: string | null }) | null> {
  const [row] = await storage.query<TokenRow>(
    `SELECT id, center_code, desk_code, app_version,
            coalesce(last_seen_at > now() - make_interval(secs => $2), false) AS fresh
     FROM devices WHERE token_hash = $1 AND revoked_at IS NULL`,
    [sha256Hex(token), VISIT_GRANULARITY_SECONDS],
  );
  return row
    ? { id: row.id, centerCode: row.center_code, deskCode: row.desk_code, seenRecently: row.fresh, appVersion: row.app_version }
    : null;
}

/**
 * Records that the device called now, and the version it announced (null: it sent none, the last
 * one stays). Written only when the minute-old visit is stale or the version changed.
 */
export async function noteVisit(
  storage: Storage,
  device: { id: string; seenRecently: boolean; appVersion: string | null },
  appVersion: string | null,
): Promise<void> {
  const versionChanged = appVersion !== null && appVersion !== device.appVersion;
  if (device.seenRecently && !versionChanged) return;
  await storage.query('UPDATE devices SET last_seen_at = now(), app_version = coalesce($2, app_version) WHERE id = $1', [
    device.id,
    appVersion,
  ]);
}

interface SummaryRow {
  id: string;
  center_code: string;
  desk_code: string;
  name: string;
  enrolled_at: Date | string;
  last_seen_at: Date | string | null;
  app_version: string | null;
  revoked_at: Date | string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Every enrolled device (of one center when given), revoked ones too, by center, desk and enrollment. */
export async function listDevices(storage: Storage, centerCode: string | null): Promise<DeviceSummary[]> {
  const rows = await storage.query<SummaryRow>(
    `SELECT id, center_code, desk_code, name, enrolled_at, last_seen_at, app_version, revoked_at FROM devices
     WHERE $1::text IS NULL OR center_code = $1 ORDER BY center_code, desk_code, enrolled_at, id`,
    [centerCode],
  );
  return rows.map((row) => ({
    id: row.id,
    centerCode: row.center_code,
    deskCode: row.desk_code,
    name: row.name,
    enrolledAt: iso(row.enrolled_at) ?? '',
    lastSeenAt: iso(row.last_seen_at),
    appVersion: row.app_version,
    revokedAt: iso(row.revoked_at),
  }));
}

/** Revokes a device (lost or retired desk); its token gets 401 from then on. False if unknown. */
export async function revokeDevice(storage: Storage, deviceId: string): Promise<boolean> {
  const rows = await storage.query<{ id: string }>(
    'UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [deviceId],
  );
  return rows.length === 1;
}
