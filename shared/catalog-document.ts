import { z } from 'zod';
import { SubsistenceMinimum } from './domain/fee-rule';
import { PublishedService } from './domain/service';
import { PlaceCode } from './place-code';

/** Where docs/catalog.schema.json is published, as a catalog document's `$schema` names it. */
export const CATALOG_SCHEMA_ID = 'https://vikno.example/catalog.schema.json';

/** Each value of `key` appears once in the list: ids, codes and years name one thing each. */
function once<T>(list: readonly T[], key: (item: T) => string | number, path: string, field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string | number>();
  list.forEach((item, i) => {
    if (seen.has(key(item))) ctx.addIssue({ code: 'custom', path: [path, i, field], message: `catalog.duplicate_${field}` });
    seen.add(key(item));
  });
}

/**
 * What IT publishes for a center (docs/IT.md): the base list every desk gets (`center: null`) or
 * one center's own additions, and the yearly subsistence-minimum table. A service the document no
 * longer lists is withdrawn (`active: false`, never deleted: old cases show it).
 */
export const CatalogDocument = z
  .object({
    $schema: z.string().optional(),
    center: PlaceCode.nullable(),
    subsistenceMinimum: z.array(SubsistenceMinimum).max(100),
    services: z.array(PublishedService).max(2000),
  })
  .strict()
  .superRefine((doc, ctx) => {
    once(doc.services, (s) => s.id, 'services', 'id', ctx);
    once(doc.services, (s) => s.code, 'services', 'code', ctx);
    once(doc.subsistenceMinimum, (r) => r.year, 'subsistenceMinimum', 'year', ctx);
  });
export type CatalogDocumentInput = z.input<typeof CatalogDocument>;
export type CatalogDocument = z.output<typeof CatalogDocument>;

/** The JSON Schema IT's editors check a document against: generated from the schema above, committed as docs/catalog.schema.json. */
export function catalogJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(CatalogDocument, { io: 'input', unrepresentable: 'any' }),
    $id: CATALOG_SCHEMA_ID,
    title: 'Vikno catalog document',
  };
}
