import type { Storage } from '../storage/storage';
import { sha256Hex } from './secrets';

/** An enrolled desk: it may write only its own center's data. */
export interface Device {
  id: string;
  centerCode: string;
  deskCode: string;
}

/** The live device a bearer token belongs to; null for an unknown or revoked token. */
export async function deviceForToken(storage: Storage, token: string): Promise<Device | null> {
  const [row] = await storage.query<{ id: string; center_code: string; desk_code: string }>(
    'SELECT id, center_code, desk_code FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
    [sha256Hex(token)],
  );
  return row ? { id: row.id, centerCode: row.center_code, deskCode: row.desk_code } : null;
}

/** Revokes a device (lost or retired desk); its token gets 401 from then on. False if unknown. */
export async function revokeDevice(storage: Storage, deviceId: string): Promise<boolean> {
  const rows = await storage.query<{ id: string }>(
    'UPDATE devices SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [deviceId],
  );
  return rows.length === 1;
}
