import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DraftData, jsonDepth, MAX_DRAFT_DEPTH } from '../../../shared/draft-data';

function nestedArrays(depth: number): unknown {
  let value: unknown = 'дно';
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

const messages = (data: unknown) => {
  const parsed = DraftData.safeParse(data);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe('DraftData (what drafts.save stores)', () => {
  it('keeps the intake form’s own shape', () => {
    const form = { version: 1, form: { applicant: { fields: { surname: 'Коваль', note: 'a "[{" b' } }, items: [{ name: 'Заява' }] } };
    expect(DraftData.parse(form)).toEqual(form);
  });

  // Found by the contract fuzz: each of these answered INTERNAL or never answered at all.
  it('refuses a draft SQLite’s JSON check would refuse (1 001 levels deep), before the database sees it', () => {
    expect(messages({ deep: nestedArrays(1_001) })).toEqual([`a draft may nest at most ${MAX_DRAFT_DEPTH} levels`]);
    expect(messages({ deep: nestedArrays(MAX_DRAFT_DEPTH - 1) })).toEqual([]);
    expect(messages({ deep: nestedArrays(MAX_DRAFT_DEPTH) })).toEqual([`a draft may nest at most ${MAX_DRAFT_DEPTH} levels`]);
  });

  it('refuses data JSON cannot hold (a BigInt, a cycle) with an issue instead of throwing', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const data of [{ count: 10n }, cyclic]) {
      expect(messages(data)).toEqual(['a draft must be plain JSON data (no cycles, no BigInt)']);
    }
  });

  it('refuses more than 64 KiB', () => {
    expect(messages({ note: 'я'.repeat(64 * 1024) })).toEqual(['a draft may hold at most 64 KiB']);
  });
});

describe('jsonDepth', () => {
  it('counts the nesting of any JSON value, brackets inside strings aside', () => {
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.dictionary(fc.string(), tie('tree'), { maxKeys: 3 }),
      ),
    }));
    const depthOf = (value: unknown): number =>
      value !== null && typeof value === 'object' ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;
    fc.assert(
      fc.property(tree, (value) => {
        expect(jsonDepth(JSON.stringify(value))).toBe(depthOf(value));
      }),
    );
  });
});
