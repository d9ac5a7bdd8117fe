/**
 * The first schema. Entities keep their fields as JSONB `data` (the shape desks pull) with a
 * server `version`; `entity_versions` keeps every version for the three-way merge's base.
 */
export const initial = `
CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
-- The lowest change seq pull still holds (see sync/prune.ts).
INSERT INTO settings (key, value) VALUES ('changes_retained_from', '1');

CREATE TABLE enrollment_codes (
  code_hash text PRIMARY KEY,
  center_code text NOT NULL,
  desk_code text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE TABLE devices (
  id text PRIMARY KEY,
  center_code text NOT NULL,
  desk_code text NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE mutation_log (
  mutation_id text PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices (id),
  aggregate text NOT NULL,
  kind text NOT NULL,
  actor text NOT NULL,
  payload_hash text NOT NULL,
  -- NULL only inside the transaction that claimed the id; committed rows always have it.
  result jsonb,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE changes (
  seq bigserial PRIMARY KEY,
  -- NULL: server-owned data every center pulls (catalog, clerks).
  center_code text,
  entity text NOT NULL,
  id text NOT NULL,
  version integer NOT NULL,
  data jsonb
);
CREATE INDEX changes_entity ON changes (entity, id, seq);
CREATE INDEX changes_center ON changes (center_code, seq);

CREATE TABLE entity_versions (
  entity text NOT NULL,
  id text NOT NULL,
  version integer NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (entity, id, version)
);

CREATE TABLE applicants (id text PRIMARY KEY, center_code text NOT NULL, version integer NOT NULL, data jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE applications (id text PRIMARY KEY, center_code text NOT NULL, version integer NOT NULL, data jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE tickets (id text PRIMARY KEY, center_code text NOT NULL, version integer NOT NULL, data jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE services (id text PRIMARY KEY, center_code text, version integer NOT NULL, data jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE clerks (id text PRIMARY KEY, center_code text, version integer NOT NULL, data jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());

CREATE TABLE application_status_history (
  id bigserial PRIMARY KEY,
  application_id text NOT NULL REFERENCES applications (id),
  from_status text,
  to_status text NOT NULL,
  reason text,
  received_by text,
  at text NOT NULL,
  clerk_id text NOT NULL,
  mutation_id text NOT NULL
);
`;
