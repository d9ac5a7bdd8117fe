import type { Migration } from '../migrate';

/**
 * Clerk sign-in (docs/ARCHITECTURE.md §9.2): each clerks row becomes an account (login, scrypt
 * hashes, the desks it may work at, lockout counters), `origin` says whether this desk made it
 * or the back office owns it (pulled), and each sign-in is a row of clerk_sessions carrying the
 * desk's signature the back office verifies. Every outbox row names the session it was made in.
 * The local clerk (`is_local = 1`) becomes the desk's admin, `admin`; its password hash is set at
 * start (auth/local-admin.ts: scrypt is not SQL), so until then it has none and nothing signs in.
 */
export const m0015ClerkAccounts: Migration = {
  version: 15,
  name: '0015-clerk-accounts',
  up(db) {
    db.exec(`
      ALTER TABLE clerks ADD COLUMN login TEXT;
      ALTER TABLE clerks ADD COLUMN password_hash TEXT;
      ALTER TABLE clerks ADD COLUMN pin_hash TEXT;
      ALTER TABLE clerks ADD COLUMN desks TEXT CHECK (desks IS NULL OR json_valid(desks));
      ALTER TABLE clerks ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1));
      ALTER TABLE clerks ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
      ALTER TABLE clerks ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0);
      ALTER TABLE clerks ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0 CHECK (lockouts >= 0);
      ALTER TABLE clerks ADD COLUMN locked_until TEXT;
      ALTER TABLE clerks ADD COLUMN origin TEXT NOT NULL DEFAULT 'desk' CHECK (origin IN ('desk', 'back_office'));
      UPDATE clerks SET login = 'admin', must_change_password = 1 WHERE is_local = 1 AND deleted_at IS NULL;
      CREATE UNIQUE INDEX clerks_login ON clerks (login) WHERE login IS NOT NULL AND deleted_at IS NULL;

      CREATE TABLE clerk_sessions (
        id         TEXT PRIMARY KEY,
        clerk_id   TEXT NOT NULL REFERENCES clerks (id),
        started_at TEXT NOT NULL,
        ended_at   TEXT,
        signature  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX clerk_sessions_open ON clerk_sessions (clerk_id) WHERE ended_at IS NULL;

      ALTER TABLE outbox ADD COLUMN session_id TEXT REFERENCES clerk_sessions (id);
    `);
  },
};
