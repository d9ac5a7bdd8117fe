/**
 * An application's status history travels inside the record (`data.statusHistory`), so every
 * desk shows the back office's history after sync (docs/SYNC.md, "History that never lies").
 * Records stored before get theirs from application_status_history as a new version with a
 * new change, so desks that pulled them already pull them again. Names of the clerks were not
 * recorded then: those steps carry `actorName: null`. The change-sequence lock (7361002, see
 * sync/entity-store.ts) is held before the changes are numbered, as every writer of them does.
 */
export const statusHistoryInRecord = `
SELECT pg_advisory_xact_lock(7361002);

WITH bumped AS (
  UPDATE applications a SET
    version = a.version + 1,
    updated_at = now(),
    data = a.data || jsonb_build_object('statusHistory', COALESCE((
      SELECT jsonb_agg(jsonb_build_object(
               'from', h.from_status, 'to', h.to_status, 'reason', h.reason, 'receivedBy', h.received_by, 'at', h.at,
               'actorId', h.clerk_id, 'actorName', NULL, 'mutationId', h.mutation_id) ORDER BY h.id)
      FROM application_status_history h WHERE h.application_id = a.id), '[]'::jsonb))
  WHERE a.data->'statusHistory' IS NULL
  RETURNING a.id, a.center_code, a.version, a.data),
versions AS (INSERT INTO entity_versions (entity, id, version, data) SELECT 'application', id, version, data FROM bumped)
INSERT INTO changes (center_code, entity, id, version) SELECT center_code, 'application', id, version FROM bumped ORDER BY id;
`;
