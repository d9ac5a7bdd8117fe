/**
 * Finds a scanner program the way a shell would, without a shell or a `which` package: the
 * configured path if given, else the first match in PATH, then the platform's usual install folders.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter as posixDelimiter, join } from 'node:path';

export interface ProgramSearch {
  /** Names without extension; on Windows each is also tried with the PATHEXT extensions. */
  names: readonly string[];
  /** Tried after PATH (e.g. NAPS2's default install folder). */
  extraDirs?: readonly string[];
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

function isRunnable(file: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    // Windows has no execute bit: a file with a runnable extension is runnable.
    if (platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function candidates(name: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform !== 'win32') return [name];
  const extensions = (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter((e) => e !== '');
  return [name, ...extensions.map((e) => name + e.toLowerCase())];
}

/** The configured program if it runs, else the first runnable match; null when there is none. */
export function findProgram(configured: string | null, search: ProgramSearch): string | null {
  if (configured !== null) return isRunnable(configured, search.platform) ? configured : null;
  const delimiter = search.platform === 'win32' ? ';' : posixDelimiter;
  // Windows spells it Path; Node's env is case-insensitive there, but a passed-in object is not.
  const pathValue = search.env.PATH ?? search.env.Path ?? '';
  const dirs = [...pathValue.split(delimiter).filter((d) => d !== ''), ...(search.extraDirs ?? [])];
  for (const dir of dirs) {
    for (const name of search.names) {
      for (const file of candidates(name, search.platform, search.env)) {
        const full = join(dir, file);
        if (isRunnable(full, search.platform)) return full;
      }
    }
  }
  return null;
}
