import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/built-app';
import { hostScript } from '../helpers/host-process';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

beforeAll(() => ensureBuilt(), 180_000);

/** The built browser host started on `dataDir` with the machine-wide config at `machineFile`. */
function startWith(dataDir: string, machineFile: string) {
  return spawnSync(process.execPath, [hostScript, '--data', dataDir, '--port', '0'], {
    encoding: 'utf8',
    env: { ...process.env, VIKNO_MACHINE_CONFIG: machineFile },
    timeout: 30_000,
  });
}

describe('the built browser host with a machine-wide config IT got wrong', () => {
  it('does not start, and says on stderr which file, where and what', () => {
    const dir = tempDir();
    const machineFile = join(dir, 'machine.json');
    writeFileSync(machineFile, '{\n  "log": { "level": "info" },\n  "backOffice": { "url": "https://cnap.example.gov.ua/" \n');
    const result = startWith(join(dir, 'data'), machineFile);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`The machine-wide config ${machineFile} is not valid JSON at line 4, column 1`);
  });

  it('does not start when a user’s own config sets a key IT locked, naming both files and the key', () => {
    const dir = tempDir();
    const machineFile = join(dir, 'machine.json');
    writeFileSync(machineFile, JSON.stringify({ accounts: { idleLockMinutes: 5 } }));
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ accounts: { idleLockMinutes: 0 } }));
    const result = startWith(dataDir, machineFile);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `The per-user config ${join(dataDir, 'config.json')} sets accounts.idleLockMinutes, which the machine-wide config ${machineFile} does not let users override`,
    );
  });
});
