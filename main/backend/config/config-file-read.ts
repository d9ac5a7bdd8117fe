import { readFileSync } from 'node:fs';

/** A config file Vikno cannot start with; the message says which file, which key and what it expects. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Line and column (from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * Where V8 stopped reading and why, in our words: its own message quotes the file around the
 * spot, and a config holds an enrollment code.
 */
function jsonProblem(text: string, error: Error): string {
  const at = /position (\d+)/.exec(error.message);
  const offset = at ? Number(at[1]) : text.length;
  const { line, column } = lineAndColumn(text, offset);
  const what =
    offset >= text.length ? 'the file ends before the JSON does (a missing } or ]?)' : `unexpected ${JSON.stringify(text[offset])}`;
  return `line ${line}, column ${column}: ${what}`;
}

const READ_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied: the file must be readable by every user who runs Vikno (e.g. mode 0644)',
  EPERM: 'permission denied: the file must be readable by every user who runs Vikno (e.g. mode 0644)',
  EISDIR: 'this is a folder; the setting names a file',
};

/**
 * The parsed JSON of a config file, or null when there is none (a desk without it runs on
 * defaults). `what` names the file in messages ("the machine-wide config").
 */
export function readConfigJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return null;
    throw new ConfigError(`Cannot read ${what} ${file}: ${READ_PROBLEMS[code] ?? (error as Error).message}`);
  }
  // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (json.trim() === '') throw new ConfigError(`${capitalised(what)} ${file} is empty: write {} for no settings, or remove the file`);
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new ConfigError(`${capitalised(what)} ${file} is not valid JSON at ${jsonProblem(json, error as Error)}`);
  }
}
