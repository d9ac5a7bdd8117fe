/**
 * `npm run server` and `npm run start:browser` as IT runs them, real processes all the way down:
 * npm → sh → scripts/*.ts → the app. A SIGTERM to npm (what a service manager or `kill` sends)
 * must stop the whole tree; so must killing the script outright. Each run gets its own process
 * group, so every process it started can be found (and cleaned up if a test fails).
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from './../helpers/built-app';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const groups: number[] = [];
beforeAll(() => ensureBuilt(), 180_000);
afterEach(() => {
  for (const group of groups.splice(0)) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Already gone: what the test wanted.
    }
  }
});

interface Running {
  pid: number;
  command: string;
}

/** The processes of process group `group`, now. */
function groupProcesses(group: number): Running[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === group)
    .map((m) => ({ pid: Number(m[1]), command: m[3] ?? '' }));
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `npm run <script> -- args` in a process group of its own; resolves once `ready` is printed. */
async function npmRun(script: string, args: string[], ready: RegExp): Promise<{ npm: number; output: () => string }> {
  const npm = spawn('npm', ['run', script, '--', ...args], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (npm.pid === undefined) throw new Error('npm did not start');
  groups.push(npm.pid);
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(() => ready.test(output), `npm run ${script} printed ${ready}`, 120_000);
  return { npm: npm.pid, output: () => output };
}

const RUNS = [
  { script: 'server', entry: 'dist/server/server.cjs', ready: /Vikno back office on http/ },
  { script: 'start:browser', entry: 'dist/main/browser-host.cjs', ready: /is running at http/ },
] as const;

describe.each(RUNS)('npm run $script', ({ script, entry, ready }) => {
  it('SIGTERM to npm stops every process it started, the app shutting down cleanly', async () => {
    const { npm, output } = await npmRun(script, ['--data', join(tempDir(), 'data'), '--port', '0'], ready);
    const tree = groupProcesses(npm);
    // npm, its shell, the script and the app: the app is what used to be left running.
    expect(tree.some((p) => p.command.includes(join(repoRoot, entry)))).toBe(true);
    expect(tree.length).toBeGreaterThanOrEqual(4);
    process.kill(npm, 'SIGTERM');
    await until(() => groupProcesses(npm).length === 0, `no process of npm run ${script} is left`);
    expect(output()).toMatch(/shutting down/i);
  });

  it('the app stops when the script that started it is killed outright', async () => {
    const { npm } = await npmRun(script, ['--data', join(tempDir(), 'data'), '--port', '0'], ready);
    const wrapper = groupProcesses(npm).find((p) => /^node scripts\/\S+\.ts/.test(p.command));
    expect(wrapper).toBeDefined();
    process.kill(wrapper?.pid ?? 0, 'SIGKILL');
    await until(
      () => !groupProcesses(npm).some((p) => p.command.includes(join(repoRoot, entry))),
      `the app of npm run ${script} has exited`,
    );
  });
});
