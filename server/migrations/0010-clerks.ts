/**
 * Clerk accounts, their sessions and the desks' keys (docs/ARCHITECTURE.md §8, docs/SYNC.md "Who
 * made a change"). An account is the `clerks` record desks of its center pull (entity `clerk`,
 * data = shared/clerk-account.ts ClerkAccountData, hashes included: desks verify sign-ins
 * offline); this adds what only the back office reads: a login unique per center and when the
 * account was disabled, which decides whether a session started before or after it.
 */
export const clerks = `
ALTER TABLE clerks ADD COLUMN disabled_at timestamptz;
CREATE UNIQUE INDEX clerks_center_login ON clerks (center_code, (data->>'login')) WHERE data ? 'login';

-- The desk's Ed25519 key (SPKI DER, base64) that signs its clerks' sessions.
ALTER TABLE devices ADD COLUMN public_key text;

-- A session a desk asserted and the back office verified: later pushes may name it without sending it again.
CREATE TABLE clerk_sessions (
  id text PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices (id),
  clerk_id text NOT NULL REFERENCES clerks (id),
  -- The desk's clock at sign-in, as it signed it.
  started_at text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
`;
