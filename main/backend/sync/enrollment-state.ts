/**
 * What the desk knows of its enrollment (docs/IT.md "Connecting a desk to the back office"): the
 * place and time the back office enrolled it, or why the back office refused the last code. A
 * refused code is kept by its hash only, so the configured code is not sent again at every start.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SyncStatus } from '../../../shared/contract';
import type { EnrollRefusal } from '../../../shared/sync-protocol';
import type { DeskConfig } from '../config/desk-config';
import type { Db } from '../db/open';
import { readDeviceToken, writeSealedState } from './sealed-state';
import { readSyncState, writeSyncState } from './sync-state';

const Enrolled = z.object({ centerCode: z.string(), deskCode: z.string(), since: z.string() });

const Refused = z.object({
  reason: z.enum(['unknown', 'expired', 'used', 'other_desk']),
  message: z.string(),
  at: z.string(),
  codeHash: z.string(),
});

/** A code's hash, as codes are compared: trimmed and in capitals (the back office's own rule). */
export function enrollmentCodeHash(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

function stored<T>(db: Db, key: 'enrolled' | 'enrollment_refused', schema: z.ZodType<T>): T | null {
  const text = readSyncState(db, key);
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Stores the device's token and the place it was enrolled as, in one transaction; forgets any refusal. */
export function recordEnrollment(
  db: Db,
  enrolled: { deviceToken: string; deviceId: string; centerCode: string; deskCode: string },
  at: Date,
): void {
  db.transaction(() => {
    writeSealedState(db, 'device_token', enrolled.deviceToken);
    writeSyncState(db, 'device_id', enrolled.deviceId);
    // The key went with the enrollment: no separate registration before the first push.
    writeSyncState(db, 'desk_key_registered', at.toISOString());
    writeSyncState(
      db,
      'enrolled',
      JSON.stringify({ centerCode: enrolled.centerCode, deskCode: enrolled.deskCode, since: at.toISOString() }),
    );
    writeSyncState(db, 'enrollment_refused', null);
  })();
}

export function recordRefusal(db: Db, code: string, reason: EnrollRefusal, message: string, at: Date): void {
  writeSyncState(db, 'enrollment_refused', JSON.stringify({ reason, message, at: at.toISOString(), codeHash: enrollmentCodeHash(code) }));
}

/** Whether the back office already refused this very code: the configured code is then not sent again until IT changes it. */
export function wasRefused(db: Db, code: string): boolean {
  return stored(db, 'enrollment_refused', Refused)?.codeHash === enrollmentCodeHash(code);
}

export function isEnrolled(db: Db): boolean {
  return readDeviceToken(db) !== null;
}

/** The status bar's and Settings' view: enrolled as what since when, or why the last code was refused. */
export function enrollmentStatus(db: Db, desk: DeskConfig): Pick<SyncStatus, 'enrollment' | 'enrollmentRefused'> {
  const refused = stored(db, 'enrollment_refused', Refused);
  const enrollmentRefused = refused && { reason: refused.reason, message: refused.message, at: refused.at };
  if (!isEnrolled(db)) return { enrollment: null, enrollmentRefused };
  // A desk enrolled before the place was kept was enrolled as what its config says (the desk checked that then).
  const enrolled = stored(db, 'enrolled', Enrolled) ?? { centerCode: desk.center.code, deskCode: desk.desk.code, since: null };
  return { enrollment: enrolled, enrollmentRefused };
}
