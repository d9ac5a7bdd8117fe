import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deskPublicKey, sessionAssertions, signSession } from '../../../main/backend/auth/desk-key';
import { writeSyncState } from '../../../main/backend/sync/sync-state';
import { sessionAssertionText } from '../../../shared/clerk-account';
import { openTestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

const SESSION = { sessionId: '0b7f3c52-5e0e-4a43-9f0f-3c3f6a1f2d11', clerkId: 'clerk-1', startedAt: '2026-12-01T08:00:00.000Z' };

/** What the back office does with an assertion: node:crypto's Ed25519 check against the registered public key. */
function verifies(publicKey: string, deviceId: string, a: typeof SESSION & { signature: string }): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(sessionAssertionText(deviceId, a), 'utf8'), key, Buffer.from(a.signature, 'base64'));
}

describe('the desk key and session assertions', () => {
  it('is made once and kept: the public half is the same at each ask, and an Ed25519 SPKI key', () => {
    const { db } = openTestDesk(tempDir());
    const key = deskPublicKey(db);
    expect(deskPublicKey(db)).toBe(key);
    expect(createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType).toBe('ed25519');
  });

  it('signs a session so that the registered public key verifies it for this device, and for no other session or device', () => {
    const { db } = openTestDesk(tempDir());
    writeSyncState(db, 'device_id', 'device-7');
    const signature = signSession(db, SESSION);
    const key = deskPublicKey(db);
    expect(verifies(key, 'device-7', { ...SESSION, signature })).toBe(true);
    expect(verifies(key, 'device-8', { ...SESSION, signature })).toBe(false);
    expect(verifies(key, 'device-7', { ...SESSION, clerkId: 'clerk-2', signature })).toBe(false);
    expect(verifies(key, 'device-7', { ...SESSION, startedAt: '2026-12-01T08:00:01.000Z', signature })).toBe(false);
  });

  it('a session signed before enrollment is signed again for the device id the back office knows when a push names it', () => {
    const { db, env } = openTestDesk(tempDir());
    const session = { ...SESSION, clerkId: env.clerkId };
    db.prepare('INSERT INTO clerk_sessions (id, clerk_id, started_at, signature) VALUES (?, ?, ?, ?)').run(
      session.sessionId,
      session.clerkId,
      session.startedAt,
      signSession(db, session),
    );
    writeSyncState(db, 'device_id', 'device-7');
    const [assertion] = sessionAssertions(db, [session.sessionId, session.sessionId]);
    expect(assertion).toMatchObject(session);
    expect(verifies(deskPublicKey(db), 'device-7', assertion!)).toBe(true);
    expect(db.prepare('SELECT signature FROM clerk_sessions').pluck().get()).toBe(assertion!.signature);
    expect(sessionAssertions(db, [session.sessionId])).toHaveLength(1);
  });
});
