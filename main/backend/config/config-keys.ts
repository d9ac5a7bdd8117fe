import { z } from 'zod';

/** The object a key's schema holds (through `.optional()`), or null for a value. */
function objectOf(schema: z.ZodType): z.ZodObject | null {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  return inner instanceof z.ZodObject ? inner : null;
}

/** Every key a config file may hold, dotted (`documents`, `documents.scanner`, `documents.scanner.dpi`…). */
export function keyPaths(schema: z.ZodObject, prefix = ''): string[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const inner = objectOf(child);
    return inner ? [path, ...keyPaths(inner, path)] : [path];
  });
}

/** The keys allowed directly under `parent` (dotted; '' for the top level). */
export function keysUnder(all: readonly string[], parent: string): string[] {
  const depth = parent === '' ? 0 : parent.split('.').length;
  return all.filter((path) => path.split('.').length === depth + 1 && (parent === '' || path.startsWith(`${parent}.`)));
}

/** Edit distance, for "did you mean" on a misspelt key. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known key nearest a misspelt one (case and a few letters apart), or null when none is near. */
export function nearestKey(unknown: string, known: readonly string[]): string | null {
  let best: { key: string; score: number } | null = null;
  for (const key of known) {
    const score = distance(unknown.toLowerCase(), key.toLowerCase());
    if (score <= Math.max(2, Math.floor(key.length / 3)) && (!best || score < best.score)) best = { key, score };
  }
  return best?.key ?? null;
}
