/**
 * A change names the version it carries; its data is that version's `entity_versions` row,
 * which pull joins. Storing the data twice cost push a third copy of every record (about a
 * seventh of a batch's time) and the database as much space again.
 */
export const changesWithoutData = `
ALTER TABLE changes DROP COLUMN data;
`;
