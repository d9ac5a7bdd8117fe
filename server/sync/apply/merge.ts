import { isDeepStrictEqual } from 'node:util';
import type { EntityData } from '../entity-store';

/** JSON has no undefined: a missing field and a null one are the same value. */
function same(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a ?? null, b ?? null);
}

export interface MergeResult {
  merged: EntityData;
  /** Fields both the desk and the server changed since the base, to different values. */
  conflicts: string[];
}

/**
 * Per-field three-way merge. A field the desk did not change (equal to the base) is left to
 * the server; a field the server did not change since the base takes the desk's value; a
 * field both changed is a conflict unless they agree. Clocks never decide.
 */
export function threeWayMerge(base: EntityData, server: EntityData, proposed: EntityData): MergeResult {
  const taken: [string, unknown][] = [];
  const conflicts: string[] = [];
  for (const [field, value] of Object.entries(proposed)) {
    if (same(value, base[field])) continue;
    if (same(server[field], base[field]) || same(server[field], value)) taken.push([field, value]);
    else conflicts.push(field);
  }
  // Built from entries, never assigned: `merged[field] = value` with a field named `__proto__`
  // would replace the record's prototype and the desk's value would vanish from it.
  return { merged: { ...server, ...Object.fromEntries(taken) }, conflicts };
}

/**
 * The version the desk edited: its `baseVersion`, or, for a record it created or changed
 * before pulling the server's version, the version its predecessor mutation produced.
 */
export function baseVersionOf(baseVersion: number | null, predecessorVersion: number | null): number | null {
  return baseVersion ?? predecessorVersion;
}
