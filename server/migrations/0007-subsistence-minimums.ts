/**
 * The yearly subsistence minimum fees are computed from (docs/ARCHITECTURE.md §6.4), published with
 * the catalog and pulled by every desk like a service: one record per year, id = the year.
 */
export const subsistenceMinimums = `
CREATE TABLE subsistence_minimums (id text PRIMARY KEY, center_code text, version integer NOT NULL, data jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
`;
