import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { sessionAssertionText } from '../../../shared/clerk-account';
import type { SessionAssertion } from '../../../shared/clerk-account';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { readSealedState, writeSealedState } from '../sync/sealed-state';
import { readSyncState } from '../sync/sync-state';

/**
 * The desk's Ed25519 key pair (docs/ARCHITECTURE.md §9.3): it signs the clerk sessions the desk's
 * pushes name, and the back office checks them with the public half it registered at enrollment.
 * Made at enrollment or at the first sign-in, whichever comes first; the private half
 * (PKCS8 DER, base64) never leaves the desk's database, where it is sealed with the device key
 * (sync/sealed-state.ts). One that no longer opens (the device key was lost) is replaced: the desk
 * is then not enrolled either, and enrolling again registers the new public half.
 */
export function deskPrivateKey(db: Db): KeyObject {
  const stored = readSealedState(db, 'desk_private_key');
  if (stored !== null) return createPrivateKey({ key: Buffer.from(stored, 'base64'), format: 'der', type: 'pkcs8' });
  const { privateKey } = generateKeyPairSync('ed25519');
  writeSealedState(db, 'desk_private_key', privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'));
  return privateKey;
}

/** The public half as the protocol sends it: SPKI DER, base64. */
export function deskPublicKey(db: Db): string {
  return createPublicKey(deskPrivateKey(db)).export({ format: 'der', type: 'spki' }).toString('base64');
}

type Unsigned = Pick<SessionAssertion, 'sessionId' | 'clerkId' | 'startedAt'>;

/** The device id the assertion binds to: empty until the desk is enrolled (such signatures are made again at push, see sessionAssertions). */
function deviceId(db: Db): string {
  return readSyncState(db, 'device_id') ?? '';
}

export function signSession(db: Db, session: Unsigned): string {
  return sign(null, Buffer.from(sessionAssertionText(deviceId(db), session), 'utf8'), deskPrivateKey(db)).toString('base64');
}

/**
 * The assertions of the given sessions, as a push carries them. A session signed before the desk
 * was enrolled (or re-enrolled under another device id) no longer verifies: it is signed again
 * for the device id the back office knows, and stored so.
 */
export function sessionAssertions(db: Db, sessionIds: readonly string[]): SessionAssertion[] {
  if (sessionIds.length === 0) return [];
  const rows = statement(
    db,
    'SELECT id, clerk_id, started_at, signature FROM clerk_sessions WHERE id IN (SELECT value FROM json_each(?)) ORDER BY started_at, id',
  ).all(JSON.stringify([...new Set(sessionIds)])) as { id: string; clerk_id: string; started_at: string; signature: string }[];
  const key = createPublicKey(deskPrivateKey(db));
  const device = deviceId(db);
  return rows.map((row) => {
    const unsigned = { sessionId: row.id, clerkId: row.clerk_id, startedAt: row.started_at };
    const text = Buffer.from(sessionAssertionText(device, unsigned), 'utf8');
    let signature = row.signature;
    if (!verify(null, text, key, Buffer.from(signature, 'base64'))) {
      signature = signSession(db, unsigned);
      statement(db, 'UPDATE clerk_sessions SET signature = ? WHERE id = ?').run(signature, row.id);
    }
    return { ...unsigned, signature };
  });
}
