/**
 * Files the server has verified (whole-file SHA-256) and stored under `<data>/blobs`. A
 * `document.attach` applies only once its file has a row here, checked in its own transaction.
 */
export const blobs = `
CREATE TABLE blobs (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  stored_at timestamptz NOT NULL DEFAULT now()
);
`;
