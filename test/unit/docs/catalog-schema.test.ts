import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogJsonSchema, CatalogDocument } from '../../../shared/catalog-document';

/**
 * docs/catalog.schema.json is what IT's editors check a catalog against: it must be the one the
 * back office's own schema gives. After changing the schema, regenerate it with
 * `npx vitest run test/unit/docs/catalog-schema.test.ts -u` and commit it.
 */
describe('the published catalog schema', () => {
  it('is the file generated from the zod schema the back office publishes with', async () => {
    await expect(`${JSON.stringify(catalogJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../../../docs/catalog.schema.json');
  });

  it('the sample catalog document in docs/ is a valid document', () => {
    const doc: unknown = JSON.parse(readFileSync(new URL('../../../docs/catalog.sample.json', import.meta.url), 'utf8'));
    const parsed = CatalogDocument.safeParse(doc);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.services.length).toBeGreaterThan(0);
  });

  it('names what is wrong in a bad document by its path', () => {
    const parsed = CatalogDocument.safeParse({
      center: 'c-01',
      subsistenceMinimum: [],
      services: [{ id: 'x', code: 'X-1' }],
    });
    const paths = parsed.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('center');
    expect(paths).toContain('services.0.provider');
    expect(paths).toContain('services.0.tiers');
  });
});
