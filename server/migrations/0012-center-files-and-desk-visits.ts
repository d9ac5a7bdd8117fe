/**
 * Issue 16. Uploaded files are scoped per center: `blob_centers` says which centers uploaded (and so
 * may read) each verified file; a center that never uploaded a hash gets 404 for it, even when
 * another center stored the same bytes. Files stored before this migration belong to the centers
 * whose documents name them (documents live in their application's data), so desks keep what they had.
 * Devices remember when their desk last called and which app version it runs (`devices` command).
 */
export const centerFilesAndDeskVisits = `
CREATE TABLE blob_centers (
  sha256 text NOT NULL REFERENCES blobs (sha256),
  center_code text NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (center_code, sha256)
);

INSERT INTO blob_centers (sha256, center_code)
SELECT DISTINCT d ->> 'blobSha256', a.center_code
FROM applications a,
  jsonb_array_elements(CASE WHEN jsonb_typeof(a.data -> 'documents') = 'array' THEN a.data -> 'documents' ELSE '[]'::jsonb END) AS d
WHERE d ->> 'blobSha256' IN (SELECT sha256 FROM blobs)
ON CONFLICT DO NOTHING;

ALTER TABLE devices ADD COLUMN last_seen_at timestamptz;
ALTER TABLE devices ADD COLUMN app_version text;
`;
