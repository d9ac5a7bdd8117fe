/**
 * Every desk's audit chain as the desk sent it (docs/SYNC.md, "The audit trail"): one row per
 * entry per device, details kept as the desk's JSON text so each entry still verifies against its
 * hash. Append-only like the desk's table: rows are only ever inserted.
 */
export const auditFromDesks = `
CREATE TABLE audit_entries (
  device_id text NOT NULL REFERENCES devices (id),
  seq integer NOT NULL CHECK (seq > 0),
  center_code text NOT NULL,
  desk_code text NOT NULL,
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  details text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, seq)
);
CREATE INDEX audit_entries_center_at ON audit_entries (center_code, at);
`;
