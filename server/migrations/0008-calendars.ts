/**
 * One working-day calendar per center (docs/ARCHITECTURE.md §6.4): the record desks of the center
 * pull, id = the center code. Desks write it with `calendar.*` mutations (server/sync/apply/calendar.ts).
 */
export const calendars = `
CREATE TABLE calendars (id text PRIMARY KEY, center_code text NOT NULL, version integer NOT NULL, data jsonb NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
`;
