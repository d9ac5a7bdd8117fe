import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DESK, loadDeskConfig } from '../../../main/backend/config/desk-config';
import { machineConfigPath } from '../../../main/backend/config/machine-config-path';
import { configErrorOf } from '../../helpers/config-error';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A data folder and a machine-wide file path in a fresh folder; each file written only when given. */
function desk(files: { machine?: string; user?: string }): { dataDir: string; machineFile: string; userFile: string } {
  const dir = tempDir();
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const machineFile = join(dir, 'machine-config.json');
  const userFile = join(dataDir, 'config.json');
  if (files.machine !== undefined) writeFileSync(machineFile, files.machine);
  if (files.user !== undefined) writeFileSync(userFile, files.user);
  return { dataDir, machineFile, userFile };
}

describe('the machine-wide config file', () => {
  it('is in each platform’s place for all users, or where VIKNO_MACHINE_CONFIG says', () => {
    expect(machineConfigPath({}, 'linux')).toBe('/etc/vikno/config.json');
    expect(machineConfigPath({}, 'darwin')).toBe('/Library/Application Support/Vikno/config.json');
    expect(machineConfigPath({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe('D:\\ProgramData\\Vikno\\config.json');
    expect(machineConfigPath({}, 'win32')).toBe('C:\\ProgramData\\Vikno\\config.json');
    expect(machineConfigPath({ VIKNO_MACHINE_CONFIG: '/srv/vikno.json' }, 'win32')).toBe('/srv/vikno.json');
  });

  it('missing, with no per-user file either: the demo defaults', () => {
    const { dataDir, machineFile } = desk({});
    expect(loadDeskConfig(dataDir, machineFile)).toEqual(DEFAULT_DESK);
  });

  it('alone: its settings are the desk’s', () => {
    const { dataDir, machineFile } = desk({ machine: JSON.stringify({ center: { code: 'KV01', name: 'ЦНАП' }, log: { level: 'warn' } }) });
    expect(loadDeskConfig(dataDir, machineFile)).toMatchObject({
      center: { code: 'KV01', name: 'ЦНАП' },
      logLevel: 'warn',
      source: 'file',
    });
  });

  it('malformed JSON: the line and column where it breaks, without quoting the file', () => {
    const { dataDir, machineFile } = desk({ machine: '{\n  "backOffice": {\n    "enrollmentCode": "SECRET-CODE-1",\n  }\n}\n' });
    const message = configErrorOf(() => loadDeskConfig(dataDir, machineFile)).message;
    expect(message).toBe(`The machine-wide config ${machineFile} is not valid JSON at line 4, column 3: unexpected "}"`);
  });

  it('cut short: says the file ends early, at its last line', () => {
    const { dataDir, machineFile } = desk({ machine: '{\n  "log": { "level": "info"' });
    expect(configErrorOf(() => loadDeskConfig(dataDir, machineFile)).message).toMatch(
      /not valid JSON at line 2, column 27: the file ends before the JSON does/,
    );
  });

  it('empty: says so; with a byte-order mark (Notepad): read as any other', () => {
    expect(configErrorOf(() => loadDeskConfig(desk({ machine: ' \n' }).dataDir, desk({ machine: '' }).machineFile)).message).toMatch(
      /is empty: write \{\} for no settings/,
    );
    const bom = desk({ machine: `\uFEFF${JSON.stringify({ log: { level: 'debug' } })}` });
    expect(loadDeskConfig(bom.dataDir, bom.machineFile).logLevel).toBe('debug');
  });

  it('a folder where the file should be: says so', () => {
    const { dataDir, machineFile } = desk({});
    mkdirSync(machineFile);
    expect(configErrorOf(() => loadDeskConfig(dataDir, machineFile)).message).toBe(
      `Cannot read the machine-wide config ${machineFile}: this is a folder; the setting names a file`,
    );
  });

  it('unreadable by the user who runs Vikno: permission denied, in words', () => {
    const { dataDir, machineFile } = desk({ machine: '{}' });
    chmodSync(machineFile, 0o000);
    const expected = `Cannot read the machine-wide config ${machineFile}: permission denied: the file must be readable by every user who runs Vikno (e.g. mode 0644)`;
    if (process.getuid?.() !== 0) {
      expect(configErrorOf(() => loadDeskConfig(dataDir, machineFile)).message).toBe(expected);
      return;
    }
    // Root reads any file: the loader, bundled, runs as `nobody`, as a clerk's account would.
    const dir = resolve(machineFile, '..');
    chmodSync(dir, 0o755);
    chmodSync(dataDir, 0o777);
    const script = join(dir, 'load.cjs');
    buildSync({
      stdin: {
        contents: `const { loadDeskConfig } = require('./main/backend/config/desk-config');
          try { loadDeskConfig(${JSON.stringify(dataDir)}, ${JSON.stringify(machineFile)}); console.log('read it'); }
          catch (error) { console.log(error.name + ': ' + error.message); }`,
        resolveDir: resolve(__dirname, '../../..'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'silent',
    });
    const run = spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(`ConfigError: ${expected}`);
  });
});
