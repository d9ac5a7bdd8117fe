import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { threeWayMerge } from '../../../server/sync/apply/merge';
import type { EntityData } from '../../../server/sync/entity-store';

/** What happened to one field between the version the desk edited and now. */
type Fate = 'untouched' | 'desk' | 'server' | 'both_same' | 'both_different' | 'desk_silent' | 'desk_new';

const sameJson = (a: unknown, b: unknown) => isDeepStrictEqual(a ?? null, b ?? null);
/** A small value space, so that unrelated edits often collide on the same value. */
const value = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom('', 'Коваль', 'in_person'),
  fc.array(fc.record({ name: fc.constantFrom('Заява', 'Паспорт'), sheets: fc.integer({ min: 1, max: 2 }) }), { maxLength: 2 }),
);
/** Three values no two of which JSON would call equal: the base's, the desk's and the server's. */
const threeValues = fc.uniqueArray(value, { minLength: 3, maxLength: 3, comparator: sameJson });
/** Record fields, including names that reach an object's prototype when assigned naively. */
const fieldName = fc.oneof(
  fc.constantFrom('status', 'notes', 'items', '__proto__', 'constructor', 'toString'),
  fc.string({ maxLength: 6 }),
);

const fromEntries = (entries: [string, unknown][]): EntityData => Object.fromEntries(entries);

interface Scenario {
  base: EntityData;
  server: EntityData;
  proposed: EntityData;
  fates: Map<string, { fate: Fate; base: unknown; desk: unknown; server: unknown }>;
}

/** A base record, then each field's fate decides what the desk proposes and where the server moved. */
const scenario: fc.Arbitrary<Scenario> = fc
  .uniqueArray(
    fc.tuple(
      fieldName,
      fc.constantFrom<Fate>('untouched', 'desk', 'server', 'both_same', 'both_different', 'desk_silent', 'desk_new'),
      threeValues,
    ),
    {
      maxLength: 8,
      selector: ([name]) => name,
    },
  )
  .map((fields) => {
    const fates: Scenario['fates'] = new Map();
    const base: [string, unknown][] = [];
    const server: [string, unknown][] = [];
    const proposed: [string, unknown][] = [];
    for (const [name, fate, [b, x, y]] of fields) {
      // A new field sent as null is no field at all (JSON has no undefined), so a new one carries a value.
      const deskValue = fate === 'desk_new' ? (x ?? y) : fate === 'desk' || fate === 'both_same' || fate === 'both_different' ? x : b;
      const serverValue = fate === 'server' || fate === 'both_same' ? x : fate === 'both_different' ? y : b;
      fates.set(name, { fate, base: b, desk: deskValue, server: serverValue });
      // `desk_new` is a field neither the base nor the server has yet (added by a newer desk).
      if (fate !== 'desk_new') {
        base.push([name, b]);
        server.push([name, serverValue]);
      }
      // A desk sends the record as it has it; `desk_silent` is a field its payload leaves out.
      if (fate !== 'desk_silent') proposed.push([name, deskValue]);
    }
    return { base: fromEntries(base), server: fromEntries(server), proposed: fromEntries(proposed), fates };
  });

const ownEntries = (data: EntityData) => Object.keys(data).map((key) => [key, data[key]] as const);

describe('threeWayMerge (the server’s per-field merge of a desk’s edit)', () => {
  it('gives each field the value its fate calls for, and lists exactly the fields both sides changed differently', () => {
    fc.assert(
      fc.property(scenario, ({ base, server, proposed, fates }) => {
        const { merged, conflicts } = threeWayMerge(base, server, proposed);
        expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
        expect(new Set(Object.keys(merged))).toEqual(new Set(fates.keys()));
        for (const [name, { fate, desk, server: serverValue }] of fates) {
          const expected = fate === 'desk' || fate === 'desk_new' ? desk : serverValue;
          expect(sameJson(merged[name], expected), `${name} (${fate})`).toBe(true);
        }
        const conflicted = [...fates].filter(([, f]) => f.fate === 'both_different').map(([name]) => name);
        expect(new Set(conflicts)).toEqual(new Set(conflicted));
      }),
    );
  });

  it('changes nothing the server holds when the desk changed nothing (identity)', () => {
    fc.assert(
      fc.property(scenario, ({ base, server }) => {
        expect(threeWayMerge(base, server, base)).toEqual({ merged: server, conflicts: [] });
      }),
    );
  });

  it('takes the desk’s record whole when the server has not moved since the base', () => {
    fc.assert(
      fc.property(scenario, ({ base, proposed }) => {
        const { merged, conflicts } = threeWayMerge(base, base, proposed);
        expect(conflicts).toEqual([]);
        expect(ownEntries(merged)).toEqual(ownEntries({ ...base, ...proposed }));
      }),
    );
  });

  it('is symmetric in desk and server: the same conflicts, and the same value for every other field', () => {
    fc.assert(
      fc.property(scenario, ({ base, server, proposed }) => {
        // Symmetry holds between whole records: a field the desk leaves out is not a change of its own.
        const desk = { ...base, ...proposed };
        const one = threeWayMerge(base, server, desk);
        const other = threeWayMerge(base, desk, server);
        expect(new Set(one.conflicts)).toEqual(new Set(other.conflicts));
        for (const key of Object.keys(base).filter((k) => !one.conflicts.includes(k))) {
          expect(sameJson(one.merged[key], other.merged[key]), key).toBe(true);
        }
      }),
    );
  });

  // Found by the property above: the desk's value of a field named `__proto__` vanished from the merge.
  it('keeps a field named __proto__ as a plain field of the merged record', () => {
    const proposed = JSON.parse('{"__proto__": {"isSupervisor": true}}') as EntityData;
    const { merged } = threeWayMerge({}, { notes: 'a' }, proposed);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(merged))).toEqual(JSON.parse('{"notes": "a", "__proto__": {"isSupervisor": true}}'));
  });

  it('treats a missing field and a null one as the same value', () => {
    expect(threeWayMerge({ notes: 'a' }, { notes: 'a', representative: null }, { notes: 'a' })).toEqual({
      merged: { notes: 'a', representative: null },
      conflicts: [],
    });
    expect(threeWayMerge({ notes: 'a' }, { notes: 'b' }, { notes: 'a', representative: null })).toEqual({
      merged: { notes: 'b' },
      conflicts: [],
    });
    expect(threeWayMerge({}, { representative: 'Коваль' }, { representative: null })).toEqual({
      merged: { representative: 'Коваль' },
      conflicts: [],
    });
  });
});
