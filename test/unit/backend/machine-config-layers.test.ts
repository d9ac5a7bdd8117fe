import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDeskConfig } from '../../../main/backend/config/desk-config';
import type { DeskConfig } from '../../../main/backend/config/desk-config';
import { DEFAULT_USER_MAY_OVERRIDE, layerConfig } from '../../../main/backend/config/config-layers';
import { configErrorOf } from '../../helpers/config-error';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** The desk's config from a machine-wide file and a per-user file, both written for real. */
function layered(machine: unknown, user: unknown): { load: () => DeskConfig; machineFile: string; userFile: string } {
  const dir = tempDir();
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const machineFile = join(dir, 'machine.json');
  const userFile = join(dataDir, 'config.json');
  if (machine !== undefined) writeFileSync(machineFile, JSON.stringify(machine));
  if (user !== undefined) writeFileSync(userFile, JSON.stringify(user));
  return { load: () => loadDeskConfig(dataDir, machineFile), machineFile, userFile };
}

const MACHINE = {
  center: { code: 'KV01', name: 'ЦНАП' },
  desk: { code: '07', window: '7' },
  backOffice: { url: 'https://cnap.example.gov.ua/', enrollmentCode: 'ABCD-EFGH-2345' },
  accounts: { idleLockMinutes: 5 },
  log: { level: 'warn' },
};

describe('a per-user config under a machine-wide one', () => {
  it('an allowed override is applied, the rest stays the machine’s', () => {
    const desk = layered(
      { ...MACHINE, documents: { scanner: { adapter: 'sane', dpi: 300 } }, userMayOverride: ['log.level', 'documents.scanner.device'] },
      { log: { level: 'debug' }, documents: { scanner: { device: 'epson2:libusb:001:004' } } },
    ).load();
    expect(desk.logLevel).toBe('debug');
    expect(desk.documents.scanner).toMatchObject({ adapter: 'sane', device: 'epson2:libusb:001:004', defaults: { dpi: 300 } });
    expect(desk.center.code).toBe('KV01');
    expect(desk.accounts.idleLockMinutes).toBe(5);
  });

  it('a locked key stops the start, naming both files and the key', () => {
    const { load, machineFile, userFile } = layered(
      { ...MACHINE, userMayOverride: ['log.level'] },
      { log: { level: 'debug' }, accounts: { idleLockMinutes: 0 } },
    );
    expect(configErrorOf(load).message).toBe(
      `The per-user config ${userFile} sets accounts.idleLockMinutes, which the machine-wide config ${machineFile} does not let users override ` +
        '(allowed: log.level). Remove it from the per-user file, or have IT add it to userMayOverride.',
    );
  });

  it('without userMayOverride, users may change the scanner, the hot folder and the log level only', () => {
    expect(DEFAULT_USER_MAY_OVERRIDE).toEqual(['documents.scanner', 'documents.hotFolder', 'log.level']);
    const desk = layered(MACHINE, {
      documents: { scanner: { dpi: 600 }, hotFolder: { path: '/srv/scans' } },
      log: { level: 'debug' },
    }).load();
    expect(desk).toMatchObject({ logLevel: 'debug', documents: { hotFolder: '/srv/scans', scanner: { defaults: { dpi: 600 } } } });
    expect(configErrorOf(layered(MACHINE, { backOffice: { url: 'https://elsewhere.example/' } }).load).message).toMatch(
      /sets backOffice\.url, which the machine-wide config .* does not let users override \(allowed: documents\.scanner, documents\.hotFolder, log\.level\)/,
    );
  });

  it('userMayOverride: [] locks every key', () => {
    expect(configErrorOf(layered({ ...MACHINE, userMayOverride: [] }, { log: { level: 'debug' } }).load).message).toMatch(
      /\(allowed: none\)/,
    );
  });

  it('a user may not widen what IT allows', () => {
    expect(configErrorOf(layered(MACHINE, { userMayOverride: ['accounts'] }).load).message).toMatch(
      /sets userMayOverride, which the machine-wide config/,
    );
  });

  it('a key in userMayOverride that is no key is named, with the nearest one', () => {
    const { load, machineFile } = layered({ ...MACHINE, userMayOverride: ['log.levels'] }, undefined);
    expect(configErrorOf(load).message).toContain(
      `The machine-wide config ${machineFile} is invalid:\n  userMayOverride: "log.levels" is not a key of the configuration (did you mean "log.level"?)`,
    );
  });

  it('with no machine-wide file the per-user file holds everything, as before, but not userMayOverride', () => {
    expect(layered(undefined, MACHINE).load()).toMatchObject({
      backOfficeUrl: 'https://cnap.example.gov.ua/',
      accounts: { idleLockMinutes: 5 },
    });
    expect(configErrorOf(layered(undefined, { userMayOverride: ['log.level'] }).load).message).toMatch(
      /The per-user config .* sets userMayOverride, which only the machine-wide config .* may set/,
    );
  });

  it('a wrong value in the per-user file is named as that file’s', () => {
    const { load, userFile } = layered(MACHINE, { log: { level: 'loud' } });
    expect(configErrorOf(load).message).toContain(
      `The per-user config ${userFile} is invalid:\n  log.level: expected one of error, warn, info, debug`,
    );
  });
});

/** Keys with two valid values each, that a property run sets in one file, the other, or both. */
const KEYS = {
  'log.level': ['warn', 'debug'],
  'accounts.idleLockMinutes': [15, 0],
  'documents.scanner.dpi': [300, 600],
  backupsToKeep: [7, 30],
  timeZone: ['Europe/Kyiv', 'Europe/Warsaw'],
} as const;
type Key = keyof typeof KEYS;
const KEY_NAMES = Object.keys(KEYS) as Key[];

function setting(key: Key, value: unknown): Record<string, unknown> {
  return key.split('.').reduceRight<unknown>((inner, part) => ({ [part]: inner }), value) as Record<string, unknown>;
}

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b))
    out[k] =
      typeof v === 'object' && typeof out[k] === 'object' ? merge(out[k] as Record<string, unknown>, v as Record<string, unknown>) : v;
  return out;
}

function read(settings: Record<string, unknown> | null, key: Key): unknown {
  return key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], settings);
}

describe('layering, for any split of keys between the files', () => {
  it('the user’s value wins exactly when the key is allowed; otherwise the start is refused', () => {
    fc.assert(
      fc.property(
        fc.subarray(KEY_NAMES),
        fc.subarray(KEY_NAMES, { minLength: 1 }),
        fc.subarray(KEY_NAMES),
        (machineKeys, userKeys, allowed) => {
          const machine = machineKeys.reduce((file, key) => merge(file, setting(key, KEYS[key][0])), { userMayOverride: allowed } as Record<
            string,
            unknown
          >);
          const user = userKeys.reduce((file, key) => merge(file, setting(key, KEYS[key][1])), {} as Record<string, unknown>);
          const layer = () =>
            layerConfig({ file: '/etc/vikno/config.json', json: machine }, { file: '/home/clerk/config.json', json: user });
          const locked = userKeys.filter((key) => !allowed.includes(key));
          if (locked.length > 0) {
            const message = configErrorOf(layer).message;
            for (const key of locked) expect(message).toContain(key);
            return;
          }
          const settings = layer();
          for (const key of KEY_NAMES) {
            const expected = userKeys.includes(key) ? KEYS[key][1] : machineKeys.includes(key) ? KEYS[key][0] : undefined;
            expect(read(settings, key), key).toBe(expected);
          }
        },
      ),
    );
  });
});
