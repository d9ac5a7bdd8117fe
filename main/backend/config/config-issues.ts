/**
 * Zod's findings in a config file, put in words for IT (docs/IT.md "Configuration"): each names
 * the file, the dotted key and what the key expects. Values found are described by their kind
 * only, never quoted: a config holds an enrollment code, and these messages reach logs and dialogs.
 */
import type { z } from 'zod';
import { keysUnder, nearestKey } from './config-keys';

/** "text", "a number"… — what was in the file, without its value. */
function kindOf(input: unknown): string {
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return Number.isInteger(input) ? 'a whole number' : 'a fraction';
  if (typeof input === 'boolean') return 'true or false';
  if (typeof input === 'object') return 'an object';
  return typeof input;
}

const EXPECTED: Record<string, string> = {
  string: 'text in quotes',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false (no quotes)',
  object: 'an object { … }',
  array: 'a list [ … ]',
};

function bound(issue: { origin?: unknown; inclusive?: boolean }, limit: unknown, side: 'least' | 'most'): string {
  const atLeastOrMost = side === 'least' ? 'at least' : 'at most';
  if (issue.origin === 'string') return `${atLeastOrMost} ${String(limit)} character${limit === 1 ? '' : 's'}`;
  if (issue.origin === 'array') return `${atLeastOrMost} ${String(limit)} entr${limit === 1 ? 'y' : 'ies'}`;
  if (issue.inclusive === false) return `a number ${side === 'least' ? 'above' : 'below'} ${String(limit)}`;
  return `a number ${side === 'least' ? 'of at least' : 'of at most'} ${String(limit)}`;
}

/**
 * The words for an issue the schema gave no message of its own (zod uses a schema's message first):
 * passed as the `error` of safeParse.
 */
export function configIssueText(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${kindOf(issue.input)}`;
    case 'too_small':
      return `expected ${bound(issue, issue.minimum, 'least')}`;
    case 'too_big':
      return `expected ${bound(issue, issue.maximum, 'most')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'url' ? 'expected an address such as https://host/' : `expected text in the ${issue.format} format`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}`;
    default:
      return 'this value is not allowed here';
  }
}

function keyName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One line per finding: `key: what is expected`; unknown keys named, with the nearest known one when close. */
export function issueLines(issues: readonly z.core.$ZodIssue[], knownKeys: readonly string[]): string[] {
  return issues.flatMap((issue) => {
    const at = keyName(issue.path);
    if (issue.code !== 'unrecognized_keys') return [`${at || '(the whole file)'}: ${issue.message}`];
    const siblings = keysUnder(knownKeys, at).map((path) => path.split('.').at(-1) ?? path);
    return issue.keys.map((key) => {
      const near = nearestKey(key, siblings);
      const full = at ? `${at}.${key}` : key;
      return `${full}: unknown key${near ? ` (did you mean ${at ? `${at}.${near}` : near}?)` : ''}; known here: ${siblings.join(', ')}`;
    });
  });
}
