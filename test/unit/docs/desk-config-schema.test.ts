import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { deskConfigJsonSchema } from '../../../main/backend/config/desk-config-file';

/**
 * docs/desk-config.schema.json is what IT's editors check a config file against: it must be the
 * one the desk's own schema gives. After changing the schema, regenerate it with
 * `npx vitest run test/unit/docs/desk-config-schema.test.ts -u` and commit it.
 */
describe('the published desk config schema', () => {
  it('is the file generated from the zod schema the desk reads its config with', async () => {
    await expect(`${JSON.stringify(deskConfigJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../../../docs/desk-config.schema.json');
  });

  it('lets an editor tell a good file from a bad one', () => {
    const schema: unknown = JSON.parse(readFileSync(new URL('../../../docs/desk-config.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema as object);
    const good = {
      $schema: './desk-config.schema.json',
      center: { code: 'KV01', name: 'ЦНАП' },
      desk: { code: '07', window: '7' },
      backOffice: { url: 'https://cnap.example.gov.ua/', enrollmentCode: 'ABCD-EFGH-2345' },
      updates: { policy: 'notify' },
      userMayOverride: ['log.level'],
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ log: { level: 'trace' } })).toBe(false);
    expect(validate({ center: { code: 'KV01', name: 'ЦНАП', extra: 1 } })).toBe(false);
  });
});
