import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  flagOf,
  MACHINE_CONFIG_PARAMETERS,
  parseMachineConfigFlags,
  WRITE_MACHINE_CONFIG_FLAG,
} from '../../../main/electron/machine-config-params';
import type { MachineConfigParameter } from '../../../main/electron/machine-config-params';

// The flags the MSI's custom action passes (build/msi-project-created.cjs), read with the rules of
// the NSIS include's /CENTER= … parameters and checked with the desk config's schema.

/** What the MSI runs: every parameter present, those IT did not set as empty values. */
function msiArgs(given: Partial<Record<MachineConfigParameter, string>>): string[] {
  return [WRITE_MACHINE_CONFIG_FLAG, ...MACHINE_CONFIG_PARAMETERS.map((name) => `${flagOf(name)}=${given[name] ?? ''}`)];
}

function problemsOf(given: Partial<Record<MachineConfigParameter, string>>): string[] {
  const result = parseMachineConfigFlags(msiArgs(given));
  return result.ok ? [] : result.problems;
}

function configOf(given: Partial<Record<MachineConfigParameter, string>>): unknown {
  const result = parseMachineConfigFlags(msiArgs(given));
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.value;
}

describe('machine config parameters → desk config', () => {
  it('writes each value where the desk config has it', () => {
    expect(
      configOf({
        CENTER: 'KV01',
        CENTERNAME: 'ЦНАП Києва',
        DESK: '07',
        WINDOW: '7',
        BACKOFFICE: 'https://cnap.example.gov.ua/',
        CODE: '8F3K-22QX',
        UPDATES: 'off',
        UPDATEURL: 'https://updates.example.gov.ua/vikno/',
      }),
    ).toEqual({
      kind: 'values',
      config: {
        center: { code: 'KV01', name: 'ЦНАП Києва' },
        desk: { code: '07', window: '7' },
        backOffice: { url: 'https://cnap.example.gov.ua/', enrollmentCode: '8F3K-22QX' },
        updates: { policy: 'off', url: 'https://updates.example.gov.ua/vikno/' },
      },
    });
  });

  it.each([
    [{ CENTER: 'KV01', CENTERNAME: 'ЦНАП' }, { center: { code: 'KV01', name: 'ЦНАП' } }],
    [{ DESK: '07', WINDOW: '7' }, { desk: { code: '07', window: '7' } }],
    [{ BACKOFFICE: 'https://cnap.example.gov.ua/' }, { backOffice: { url: 'https://cnap.example.gov.ua/' } }],
    [{ BACKOFFICE: 'http://127.0.0.1:8443/' }, { backOffice: { url: 'http://127.0.0.1:8443/' } }],
    [{ UPDATES: 'notify' }, { updates: { policy: 'notify' } }],
    [{ UPDATES: 'auto' }, { updates: { policy: 'auto' } }],
    [{ UPDATEURL: 'https://u.example.org/?channel=a=b' }, { updates: { url: 'https://u.example.org/?channel=a=b' } }],
  ])('%j alone writes %j', (given, config) => {
    expect(configOf(given)).toEqual({ kind: 'values', config });
  });

  it('copies a file given by CONFIG, which excludes the values', () => {
    expect(configOf({ CONFIG: 'C:\\Deploy\\desk 07.json' })).toEqual({ kind: 'copy', file: 'C:\\Deploy\\desk 07.json' });
    expect(problemsOf({ CONFIG: 'C:\\d.json', DESK: '07', WINDOW: '7' })).toEqual([
      'give either CONFIG or the values (CENTER= …), not both',
    ]);
    expect(problemsOf({ CONFIG: 'C:\\d.json', UPDATES: 'off' })).toEqual(['give either CONFIG or the values (CENTER= …), not both']);
  });

  it('does nothing when no parameter has a value (an upgrade keeps the existing file)', () => {
    expect(configOf({})).toEqual({ kind: 'nothing' });
    expect(parseMachineConfigFlags([WRITE_MACHINE_CONFIG_FLAG])).toEqual({ ok: true, value: { kind: 'nothing' } });
  });

  it.each([
    [{ CENTER: 'KV01' }, "CENTER needs CENTERNAME (the center's name) too"],
    [{ CENTERNAME: 'ЦНАП' }, "CENTERNAME needs CENTER (the center's code) too"],
    [{ DESK: '07' }, 'DESK needs WINDOW (the window number the clerk sits at) too'],
    [{ WINDOW: '7' }, "WINDOW needs DESK (the desk's code) too"],
    [{ CODE: '8F3K' }, 'CODE needs BACKOFFICE (the back office the code is for) too'],
  ])('refuses %j: %s', (given, problem) => {
    expect(problemsOf(given)).toEqual([problem]);
  });

  it.each([
    [{ CENTER: 'kv01', CENTERNAME: 'ЦНАП' }, 'CENTER: use 1–8 capital Latin letters or digits'],
    [{ DESK: '007-A', WINDOW: '7' }, 'DESK: use 1–8 capital Latin letters or digits'],
    [{ CENTER: 'KV01', CENTERNAME: '   ' }, 'CENTERNAME: must not be blank'],
    [{ CENTER: 'KV01', CENTERNAME: 'Ц'.repeat(201) }, 'CENTERNAME: at most 200 characters'],
    [{ DESK: '07', WINDOW: '1234567890123456789012' }, 'WINDOW: at most 20 characters'],
    [{ BACKOFFICE: 'cnap.example.gov.ua' }, 'BACKOFFICE: use the back office address, e.g. https://cnap.example.gov.ua/'],
    [
      { BACKOFFICE: 'http://cnap.example.gov.ua/' },
      'BACKOFFICE: use https:// for a back office on another machine (http:// only for 127.0.0.1 or localhost on this one)',
    ],
    [{ UPDATES: 'sometimes' }, 'UPDATES: expected one of auto, notify, off'],
    [{ UPDATES: 'AUTO' }, 'UPDATES: expected one of auto, notify, off'],
    [{ UPDATEURL: 'http://updates.example.gov.ua/' }, 'UPDATEURL: an https:// address of the update feed'],
  ])('refuses %j in words: %s', (given, problem) => {
    expect(problemsOf(given)).toEqual([problem]);
  });

  it('reports every bad value at once', () => {
    expect(problemsOf({ CENTER: 'kv01', CENTERNAME: 'ЦНАП', UPDATES: 'never' })).toEqual([
      'CENTER: use 1–8 capital Latin letters or digits',
      'UPDATES: expected one of auto, notify, off',
    ]);
  });

  it('refuses flags it does not know, flags without a value, and a flag given twice', () => {
    const result = parseMachineConfigFlags([
      WRITE_MACHINE_CONFIG_FLAG,
      '--centre=KV01',
      '--desk',
      '--updates=off',
      '--updates=auto',
      'stray',
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        `unknown parameter --centre (the parameters are ${MACHINE_CONFIG_PARAMETERS.map(flagOf).join(', ')})`,
        '--desk needs a value after "=" (DESK= in the installer)',
        'UPDATES is given twice',
        `unknown parameter stray (the parameters are ${MACHINE_CONFIG_PARAMETERS.map(flagOf).join(', ')})`,
      ],
    });
  });

  it('keeps any center name and window as typed, Ukrainian, apostrophes and quotes included (round trip)', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => s.trim() === s && s.length > 0);
    fc.assert(
      fc.property(
        text,
        text.filter((s) => s.length <= 20),
        (name, window) => {
          const written = configOf({ CENTER: 'KV01', CENTERNAME: name, DESK: '07', WINDOW: window }) as { config: unknown };
          expect(JSON.parse(JSON.stringify(written.config))).toEqual({ center: { code: 'KV01', name }, desk: { code: '07', window } });
        },
      ),
    );
    expect(configOf({ CENTER: 'KV01', CENTERNAME: 'ЦНАП "Дія" м. Мар’їнка' })).toMatchObject({
      config: { center: { name: 'ЦНАП "Дія" м. Мар’їнка' } },
    });
  });

  it('never repeats the enrollment code in a problem', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 30 }).filter((s) => s.trim().length >= 6),
        (code) => {
          const problems = [...problemsOf({ CODE: code }), ...problemsOf({ CODE: code, BACKOFFICE: 'ftp://x', CENTER: 'bad' })];
          expect(problems.length).toBeGreaterThan(0);
          for (const problem of problems) expect(problem).not.toContain(code);
        },
      ),
    );
  });
});
