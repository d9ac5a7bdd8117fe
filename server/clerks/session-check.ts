import type { Device } from '../auth/devices';
import { ClerkAccountData, SessionAssertion, sessionAssertionText } from '../../shared/clerk-account';
import type { Mutation } from '../../shared/sync-protocol';
import type { Sql } from '../storage/storage';
import { readDeskKey, signedBy } from './desk-keys';

/** The clerk a mutation was made by, as the back office's account names them. */
export interface VerifiedClerk {
  id: string;
  fullName: string;
}

export type SessionRefusal = 'not_signed_in' | 'unknown_clerk' | 'clerk_not_on_this_desk' | 'clerk_disabled';

export type SessionVerdict = { ok: true; clerk: VerifiedClerk } | { ok: false; code: SessionRefusal; message: string };

interface Session {
  clerkId: string;
  startedAt: string;
}

interface Account {
  data: ClerkAccountData;
  disabledAt: Date | null;
}

const refused = (code: SessionRefusal, message: string): SessionVerdict => ({ ok: false, code, message });
const notSignedIn = (message: string) => refused('not_signed_in', message);

/**
 * The batch's assertions this desk signed: a missing key, a bad signature or a malformed
 * assertion verifies nothing, and the mutations naming it are refused as made by no one.
 */
function verifiedInBatch(device: Device, publicKey: string | null, sessions: readonly unknown[]): Map<string, Session> {
  const key = publicKey === null ? null : readDeskKey(publicKey);
  const verified = new Map<string, Session>();
  if (key === null) return verified;
  for (const raw of sessions) {
    const parsed = SessionAssertion.safeParse(raw);
    if (!parsed.success) continue;
    const assertion = parsed.data;
    if (signedBy(key, sessionAssertionText(device.id, assertion), assertion.signature))
      verified.set(assertion.sessionId, { clerkId: assertion.clerkId, startedAt: assertion.startedAt });
  }
  return verified;
}

/**
 * Who made each mutation of a push (docs/SYNC.md "Who made a change"): its session must be one
 * this desk signed (sent in this push, or verified and stored before), for the mutation's actor,
 * an account of the desk's center allowed at this desk and not disabled before the session
 * started. Sessions verified here are stored so later pushes may name them alone. Returns a
 * verdict per mutation, in order; a refusal is the mutation's `rejected` answer.
 */
export async function checkSessions(
  tx: Sql,
  device: Device,
  mutations: readonly Mutation[],
  sessions: readonly unknown[],
): Promise<SessionVerdict[]> {
  const [row] = await tx.query<{ public_key: string | null }>('SELECT public_key FROM devices WHERE id = $1', [device.id]);
  const batch = verifiedInBatch(device, row?.public_key ?? null, sessions);
  const named = [...new Set(mutations.flatMap((m) => (m.sessionId === undefined ? [] : [m.sessionId])))];
  const stored = new Map(
    (
      await tx.query<{ id: string; clerk_id: string; started_at: string }>(
        'SELECT id, clerk_id, started_at FROM clerk_sessions WHERE device_id = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))',
        [device.id, JSON.stringify(named)],
      )
    ).map((s) => [s.id, { clerkId: s.clerk_id, startedAt: s.started_at }]),
  );
  const sessionOf = (id: string): Session | undefined => stored.get(id) ?? batch.get(id);
  const clerkIds = [...new Set(named.flatMap((id) => sessionOf(id)?.clerkId ?? []))];
  const accounts = new Map(
    (
      await tx.query<{ id: string; data: unknown; disabled_at: Date | string | null }>(
        "SELECT id, data, disabled_at FROM clerks WHERE center_code = $1 AND data ? 'login' AND id IN (SELECT jsonb_array_elements_text($2::jsonb))",
        [device.centerCode, JSON.stringify(clerkIds)],
      )
    ).map((a): [string, Account] => [
      a.id,
      { data: ClerkAccountData.parse(a.data), disabledAt: a.disabled_at === null ? null : new Date(a.disabled_at) },
    ]),
  );
  const fresh = [...batch].filter(([id, s]) => !stored.has(id) && named.includes(id) && accounts.has(s.clerkId));
  if (fresh.length > 0) {
    await tx.query(
      `INSERT INTO clerk_sessions (id, device_id, clerk_id, started_at)
       SELECT id, $1, clerk_id, started_at FROM json_to_recordset($2::json) AS s(id text, clerk_id text, started_at text)
       ON CONFLICT (id) DO NOTHING`,
      [device.id, JSON.stringify(fresh.map(([id, s]) => ({ id, clerk_id: s.clerkId, started_at: s.startedAt })))],
    );
  }
  return mutations.map((mutation) => verdict(device, mutation, sessionOf, accounts));
}

function verdict(
  device: Device,
  mutation: Mutation,
  sessionOf: (id: string) => Session | undefined,
  accounts: ReadonlyMap<string, Account>,
): SessionVerdict {
  if (mutation.sessionId === undefined) return notSignedIn('The mutation names no session: it was made by no signed-in clerk');
  const session = sessionOf(mutation.sessionId);
  if (!session) return notSignedIn(`Session ${mutation.sessionId} is not one this desk signed`);
  const account = accounts.get(session.clerkId);
  if (!account || session.clerkId !== mutation.actor) {
    return refused('unknown_clerk', `${mutation.actor} is not the clerk signed in to session ${mutation.sessionId} at this center`);
  }
  const { data, disabledAt } = account;
  if (data.desks !== null && !data.desks.includes(device.deskCode)) {
    return refused('clerk_not_on_this_desk', `${data.login} may not work at desk ${device.deskCode}`);
  }
  const startedAt = new Date(session.startedAt);
  // An unreadable start cannot show the session began before the account was disabled.
  if (disabledAt !== null && (Number.isNaN(startedAt.getTime()) || disabledAt <= startedAt)) {
    return refused('clerk_disabled', `${data.login} was disabled before session ${mutation.sessionId} started`);
  }
  return { ok: true, clerk: { id: data.id, fullName: data.fullName } };
}
