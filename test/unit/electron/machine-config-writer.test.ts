import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDeskConfig } from '../../../main/backend/config/desk-config';
import { WRITE_MACHINE_CONFIG_FLAG } from '../../../main/electron/machine-config-params';
import { machineConfigFolder, machineConfigPath } from '../../../main/backend/config/machine-config-path';
import { restrictMachineConfigDir, writeMachineConfig } from '../../../main/electron/machine-config-writer';

// What `Vikno.exe --write-machine-config …` does, on a real folder standing in for %ProgramData%\Vikno.
// The Windows ACL (icacls) cannot run here: `restrict` is a recording stand-in named as such.

const work = mkdtempSync(join(tmpdir(), 'vikno-machine-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let next = 0;
const freshDir = () => join(work, `ProgramData-${++next}`, 'Vikno');

function restrictStandIn(warning: string | null = null): { restrict: (dir: string) => string | null; restricted: string[] } {
  const restricted: string[] = [];
  return { restricted, restrict: (dir) => (restricted.push(dir), warning) };
}

const KYIV = [
  '--center=KV01',
  '--centername=ЦНАП Києва',
  '--desk=07',
  '--window=7',
  '--backoffice=https://cnap.example.gov.ua/',
  '--code=8F3K-22QX',
];

describe('--write-machine-config', () => {
  it('writes the values as a config the desk loads, after restricting the folder', () => {
    const dir = freshDir();
    const { restrict, restricted } = restrictStandIn();
    const outcome = writeMachineConfig([WRITE_MACHINE_CONFIG_FLAG, ...KYIV, '--updates=off'], dir, restrict);
    expect(outcome).toEqual({
      code: 0,
      lines: [`Vikno: machine config written from the install parameters to ${join(dir, 'config.json')}.`],
    });
    expect(restricted).toEqual([dir]);
    // The backend's own loader, on the very file.
    const config = loadDeskConfig(dir);
    expect(config).toMatchObject({
      center: { code: 'KV01', name: 'ЦНАП Києва' },
      desk: { code: '07', window: '7' },
      backOfficeUrl: 'https://cnap.example.gov.ua/',
      enrollmentCode: '8F3K-22QX',
      updates: { policy: 'off', url: null },
      source: 'file',
    });
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('replaces an existing config whole, as the NSIS installer does', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ log: { level: 'debug' }, desk: { code: '01', window: '1' } }));
    expect(writeMachineConfig(['--desk=07', '--window=7'], dir, restrictStandIn().restrict).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({ desk: { code: '07', window: '7' } });
  });

  it('copies a CONFIG file as it is, without a byte order mark', () => {
    const dir = freshDir();
    const source = join(work, 'desk 07.json');
    const text = '{\n  // no comments in JSON\n}';
    writeFileSync(source, text);
    expect(writeMachineConfig([`--config=${source}`], dir, restrictStandIn().restrict).code).toBe(2);
    const good = '{ "center": { "code": "KV01", "name": "ЦНАП Києва" } }\n';
    writeFileSync(source, `\uFEFF${good}`);
    expect(writeMachineConfig([`--config=${source}`], dir, restrictStandIn().restrict)).toEqual({
      code: 0,
      lines: [`Vikno: machine config copied from ${source} to ${join(dir, 'config.json')}.`],
    });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(good);
    expect(loadDeskConfig(dir).center.name).toBe('ЦНАП Києва');
  });

  it('takes a CONFIG file as a desk would take it as its machine-wide config, and names what is wrong in one', () => {
    const dir = freshDir();
    const source = join(work, 'fleet.json');
    // The machine file's own keys ($schema, userMayOverride) are not desk settings, yet belong in it.
    const fleet = { $schema: '../docs/desk-config.schema.json', userMayOverride: ['log.level'], center: { code: 'KV01', name: 'ЦНАП' } };
    writeFileSync(source, JSON.stringify(fleet));
    expect(writeMachineConfig([`--config=${source}`], dir, restrictStandIn().restrict).code).toBe(0);
    writeFileSync(source, '{"center":{"code":"kv01","name":"ЦНАП"},"colour":"red"}');
    const refused = writeMachineConfig([`--config=${source}`], dir, restrictStandIn().restrict);
    expect(refused.code).toBe(2);
    expect(refused.lines.join('\n')).toMatch(
      /fleet\.json[\s\S]*center\.code: use 1–8 capital Latin letters or digits[\s\S]*colour: unknown key/,
    );
    writeFileSync(source, '{"center":');
    expect(writeMachineConfig([`--config=${source}`], dir, restrictStandIn().restrict).lines.join('\n')).toMatch(
      /fleet\.json is not valid JSON at line 1, column 11/,
    );
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual(fleet);
  });

  it('refuses with exit code 2 and the problems in words, leaving the existing config untouched', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), '{"log":{"level":"warn"}}');
    const { restrict } = restrictStandIn();
    expect(writeMachineConfig(['--center=kv01', '--centername=ЦНАП', '--updates=never'], dir, restrict)).toEqual({
      code: 2,
      lines: ['Vikno: CENTER: use 1–8 capital Latin letters or digits.', 'Vikno: UPDATES: expected one of auto, notify, off.'],
    });
    expect(writeMachineConfig([`--config=${join(work, 'missing.json')}`], dir, restrict)).toMatchObject({
      code: 2,
      lines: [`Vikno: The config file given by CONFIG, ${join(work, 'missing.json')}, does not exist.`],
    });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{"log":{"level":"warn"}}');
  });

  it('leaves the last refusal in words beside the config for IT, and clears it on the next success', () => {
    const dir = freshDir();
    const { restrict, restricted } = restrictStandIn();
    expect(writeMachineConfig(['--desk=07', '--code=8F3K-SECRET'], dir, restrict).code).toBe(2);
    expect(readdirSync(dir)).toEqual(['install-problems.txt']);
    const problems = readFileSync(join(dir, 'install-problems.txt'), 'utf8');
    expect(problems).toBe(
      'Vikno: DESK needs WINDOW (the window number the clerk sits at) too.\r\nVikno: CODE needs BACKOFFICE (the back office the code is for) too.\r\n',
    );
    expect(problems).not.toContain('8F3K-SECRET');
    expect(restricted).toEqual([dir]);
    expect(writeMachineConfig(['--desk=07', '--window=7'], dir, restrict).code).toBe(0);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('leaves an existing config alone when no parameter has a value (an upgrade without parameters)', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), '{"log":{"level":"warn"}}');
    const outcome = writeMachineConfig(['--write-machine-config', '--config=', '--center=', '--updates='], dir, restrictStandIn().restrict);
    expect(outcome).toEqual({ code: 0, lines: ['Vikno: no machine config parameter given; the existing config is left as it is.'] });
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe('{"log":{"level":"warn"}}');
  });

  it('still writes when the folder could not be restricted, and says so', () => {
    const dir = freshDir();
    const outcome = writeMachineConfig(['--updates=notify'], dir, restrictStandIn('icacls could not restrict it').restrict);
    expect(outcome.code).toBe(0);
    expect(outcome.lines[0]).toBe('Vikno: icacls could not restrict it.');
    expect(existsSync(join(dir, 'config.json'))).toBe(true);
  });

  it('fails in words when the folder cannot be made', () => {
    const blocker = join(work, 'a-file');
    writeFileSync(blocker, '');
    const outcome = writeMachineConfig(['--updates=notify'], join(blocker, 'Vikno'), restrictStandIn().restrict);
    expect(outcome.code).toBe(2);
    expect(outcome.lines).toEqual([expect.stringMatching(/^Vikno: cannot write .*config\.json \((ENOTDIR|EEXIST)/)]);
  });
});

describe('where the machine config lives', () => {
  it('is ProgramData\\Vikno on Windows, /etc/vikno on Linux, /Library/Application Support/Vikno on macOS', () => {
    expect(machineConfigFolder({ ProgramData: 'D:\\ProgramData' }, 'win32')).toBe('D:\\ProgramData\\Vikno');
    expect(machineConfigFolder({}, 'win32')).toBe('C:\\ProgramData\\Vikno');
    expect(machineConfigFolder({}, 'linux')).toBe('/etc/vikno');
    expect(machineConfigFolder({}, 'darwin')).toBe('/Library/Application Support/Vikno');
  });

  it('is the folder the desk reads its machine-wide config.json from', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      expect(machineConfigPath({}, platform)).toBe(`${machineConfigFolder({}, platform)}${platform === 'win32' ? '\\' : '/'}config.json`);
    }
  });

  it('is readable by every user but changed only by its owner outside Windows', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true, mode: 0o777 });
    chmodSync(dir, 0o777);
    expect(restrictMachineConfigDir(dir, 'linux', {})).toBeNull();
    expect(statSync(dir).mode & 0o777).toBe(0o755);
  });
});
