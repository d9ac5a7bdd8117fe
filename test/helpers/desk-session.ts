/** A desk's Ed25519 key and the clerk sessions it signs, as a real desk makes them (shared/clerk-account.ts). */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { sessionAssertionText } from '../../shared/clerk-account';
import type { SessionAssertion } from '../../shared/clerk-account';

export interface DeskKey {
  /** SPKI DER, base64: what EnrollRequest.publicKey and POST /sync/desk-key carry. */
  publicKey: string;
  privateKey: KeyObject;
}

export function newDeskKey(): DeskKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey };
}

/** A session of `clerkId` on the device, signed with its key; `startedAt` defaults to now. */
export function signSession(key: DeskKey, deviceId: string, clerkId: string, startedAt = new Date().toISOString()): SessionAssertion {
  const session = { sessionId: randomUUID(), clerkId, startedAt };
  const signature = sign(null, Buffer.from(sessionAssertionText(deviceId, session), 'utf8'), key.privateKey).toString('base64');
  return { ...session, signature };
}
