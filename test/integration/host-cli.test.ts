import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from '../helpers/built-app';
import { exitOf, hostScript, startHost } from '../helpers/host-process';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

beforeAll(() => ensureBuilt(), 180_000);

describe('npm run start:browser (the built host)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('prints one line with the full tokened URL and shuts down cleanly on %s', async (signal) => {
    const dataDir = join(tempDir(), 'fresh', 'data');
    const { child, line } = await startHost(dataDir);
    expect(line).toMatch(
      new RegExp(`^Vikno ${version} is running at http://127\\.0\\.0\\.1:\\d+/#token=[A-Za-z0-9_-]{32,} \\(data: ${dataDir}\\)$`),
    );
    expect(existsSync(join(dataDir, 'vikno.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'vikno.db-wal'))).toBe(true);
    const exited = exitOf(child);
    child.kill(signal);
    expect(await exited).toBe(0);
    // A clean close of the last connection checkpoints and removes the write-ahead log.
    expect(existsSync(join(dataDir, 'vikno.db-wal'))).toBe(false);
  });

  it('uses a different token on every launch', async () => {
    const dataDir = tempDir();
    const tokens: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const { child, line } = await startHost(dataDir);
      tokens.push(/#token=([^ ]+)/.exec(line)?.[1] ?? '');
      const exited = exitOf(child);
      child.kill('SIGTERM');
      await exited;
    }
    expect(tokens[0]).not.toBe(tokens[1]);
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number from 0 to 65535/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--colour', 'red'], /Unknown option '--colour'.*Usage: npm run start:browser/],
  ])('refuses bad arguments %j with a clear message', (args, message) => {
    const result = spawnSync(process.execPath, [hostScript, ...args], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('explains an invalid desk config instead of starting', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'config.json'), '{"desk": {"code": "seven"}}');
    const result = spawnSync(process.execPath, [hostScript, '--data', dataDir, '--port', '0'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('config.json is invalid');
    expect(result.stderr).toContain('desk.code');
  });
});

describe('npm start without the Electron binary', () => {
  it('exits non-zero with one sentence naming npm run start:browser', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'start-electron.ts')], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(tempDir(), 'no-electron-here') },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^The Electron binary is not available.*npm run start:browser$/);
  });
});
