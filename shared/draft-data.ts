import { z } from 'zod';

/** The most a draft may hold, as JSON text. */
export const MAX_DRAFT_CHARS = 64 * 1024;
/**
 * The intake form nests a handful of levels (form → applicant → fields); SQLite's JSON
 * functions, which the drafts table's CHECK uses, refuse anything past 1 000. A deeper draft
 * only comes from a broken caller, and is refused here rather than failing in the database.
 */
export const MAX_DRAFT_DEPTH = 32;

/** How deep arrays and objects nest in a JSON text; scanned, not recursed, so no depth can overflow the stack. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') deepest = Math.max(deepest, ++depth);
    else if (ch === '}' || ch === ']') depth -= 1;
  }
  return deepest;
}

function asJson(data: unknown): string | null {
  try {
    return JSON.stringify(data);
  } catch {
    // A cycle, a BigInt or nesting past the stack: a structured clone carries them, JSON cannot.
    return null;
  }
}

/** The form as the renderer keeps it; the backend stores it as opaque JSON, bounded in size and depth. */
export const DraftData = z.record(z.string(), z.unknown()).superRefine((data, ctx) => {
  const text = asJson(data);
  if (text === null) ctx.addIssue({ code: 'custom', message: 'a draft must be plain JSON data (no cycles, no BigInt)' });
  else if (text.length > MAX_DRAFT_CHARS) ctx.addIssue({ code: 'custom', message: 'a draft may hold at most 64 KiB' });
  else if (jsonDepth(text) > MAX_DRAFT_DEPTH)
    ctx.addIssue({ code: 'custom', message: `a draft may nest at most ${MAX_DRAFT_DEPTH} levels` });
});
