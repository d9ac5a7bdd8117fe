/**
 * `Vikno.exe --write-machine-config …` (index.ts, before anything of the desk starts): the MSI's
 * deferred custom action runs it as SYSTEM to write %ProgramData%\Vikno\config.json from its
 * properties. Node only (no Electron), so it runs in unit tests on a real folder.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, win32 } from 'node:path';
import { machineConfigProblems } from '../backend/config/desk-config';
import { machineConfigFolder } from '../backend/config/machine-config-path';
import { parseMachineConfigFlags } from './machine-config-params';

/** The folder the desk reads the machine-wide config from (index.ts passes it to writeMachineConfig). */
export { machineConfigFolder };

export const MACHINE_CONFIG_FILE = 'config.json';
/**
 * Windows Installer keeps no output of an EXE custom action: a refusal's words are left here for
 * IT (next to the config, readable by every user, holding no value) and removed by the next success.
 */
export const INSTALL_PROBLEMS_FILE = 'install-problems.txt';

/**
 * Clerks read the config, only administrators and the system change it — the ACL the NSIS include
 * sets (ProgramData lets every user add files, so a clerk could otherwise plant a config).
 * Returns a warning in words when the folder could not be restricted; the config is still written.
 */
export function restrictMachineConfigDir(dir: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | null {
  if (platform !== 'win32') {
    chmodSync(dir, 0o755);
    return null;
  }
  const icacls = win32.join(env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows', 'System32', 'icacls.exe');
  const grants = ['*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-32-545:(OI)(CI)RX'];
  const run = spawnSync(icacls, [dir, '/inheritance:r', '/grant:r', ...grants], { encoding: 'utf8', windowsHide: true });
  if (run.status === 0) return null;
  return `icacls could not restrict ${dir} (${run.error?.message ?? `exit ${String(run.status)}`}); check its permissions by hand`;
}

export interface WriteOutcome {
  code: 0 | 2;
  /** For stderr: what was done, or every problem found. */
  lines: string[];
}

/** Written beside the target and renamed over it, so the app never reads half a file. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  // 'wx' never follows or reuses a file already there under that name.
  writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function applyParameters(args: readonly string[], dir: string, restrict: (dir: string) => string | null): WriteOutcome {
  const refused = (problems: string[]): WriteOutcome => ({ code: 2, lines: problems.map((problem) => `Vikno: ${problem}.`) });
  const request = parseMachineConfigFlags(args);
  if (!request.ok) return refused(request.problems);
  if (request.value.kind === 'nothing')
    return { code: 0, lines: ['Vikno: no machine config parameter given; the existing config is left as it is.'] };

  let text: string;
  let from: string;
  if (request.value.kind === 'copy') {
    from = `copied from ${request.value.file}`;
    const problems = machineConfigProblems(request.value.file);
    if (problems.length > 0) return refused(problems);
    try {
      // A file saved by Notepad may start with a byte order mark, which the app's JSON.parse would refuse.
      text = readFileSync(request.value.file, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      return refused([`cannot read the config file given by CONFIG (${(error as Error).message})`]);
    }
  } else {
    from = 'written from the install parameters';
    text = `${JSON.stringify(request.value.config, null, 2)}\n`;
  }

  const file = join(dir, MACHINE_CONFIG_FILE);
  const lines: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    const warning = restrict(dir);
    if (warning) lines.push(`Vikno: ${warning}.`);
    writeAtomically(file, text);
  } catch (error) {
    return refused([`cannot write ${file} (${(error as Error).message})`]);
  }
  lines.push(`Vikno: machine config ${from} to ${file}.`);
  return { code: 0, lines };
}

export function writeMachineConfig(args: readonly string[], dir: string, restrict: (dir: string) => string | null): WriteOutcome {
  const outcome = applyParameters(args, dir, restrict);
  const problemsFile = join(dir, INSTALL_PROBLEMS_FILE);
  try {
    if (outcome.code === 0) rmSync(problemsFile, { force: true });
    else {
      mkdirSync(dir, { recursive: true });
      restrict(dir);
      writeAtomically(problemsFile, `${outcome.lines.join('\r\n')}\r\n`);
    }
  } catch {
    // Best effort: the exit code and stderr already carry the outcome.
  }
  return outcome;
}
