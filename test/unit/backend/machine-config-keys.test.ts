import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeskConfig } from '../../../main/backend/config/desk-config';
import type { DeskConfig } from '../../../main/backend/config/desk-config';
import { SETTING_KEYS } from '../../../main/backend/config/config-layers';
import { configErrorOf } from '../../helpers/config-error';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** `{ a: { b: value } }` for `a.b`. */
function nested(path: string, value: unknown): Record<string, unknown> {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

/** The desk's config from a machine-wide file holding `json` and no per-user file. */
function fromMachineFile(json: unknown): { load: () => DeskConfig; file: string } {
  const dir = tempDir();
  const file = join(dir, 'machine.json');
  writeFileSync(file, JSON.stringify(json));
  return { load: () => loadDeskConfig(join(dir, 'user-data'), file), file };
}

interface KeyCase {
  key: string;
  /** Other keys the group needs beside this one (center and desk have two required fields each). */
  beside?: Record<string, unknown>;
  valid: unknown;
  read: (desk: DeskConfig) => unknown;
  expected?: unknown;
  invalid: Array<[value: unknown, words: RegExp]>;
}

/** Each key of the configuration: a value it takes (and where the desk reads it) and values it refuses, with the words that say why. */
const CASES: KeyCase[] = [
  {
    key: 'center.code',
    beside: { name: 'ЦНАП' },
    valid: 'KV01',
    read: (d) => d.center.code,
    invalid: [
      ['kv 01', /use 1–8 capital Latin letters or digits/],
      [7, /expected text in quotes, found a whole number/],
    ],
  },
  {
    key: 'center.name',
    beside: { code: 'KV01' },
    valid: 'ЦНАП Подолу',
    read: (d) => d.center.name,
    invalid: [
      ['', /expected at least 1 character$/m],
      ['я'.repeat(201), /at most 200 characters/],
    ],
  },
  {
    key: 'desk.code',
    beside: { window: '7' },
    valid: '07',
    read: (d) => d.desk.code,
    invalid: [
      ['07 ', /use 1–8 capital/],
      [null, /expected text in quotes, found null/],
    ],
  },
  {
    key: 'desk.window',
    beside: { code: '07' },
    valid: '7а',
    read: (d) => d.desk.window,
    invalid: [['1'.repeat(21), /at most 20 characters/]],
  },
  {
    key: 'timeZone',
    valid: 'Europe/Warsaw',
    read: (d) => d.timeZone,
    invalid: [['Kyiv/Podil', /use an IANA time zone such as Europe\/Kyiv/]],
  },
  {
    key: 'backOffice.url',
    valid: 'https://cnap.example.gov.ua/',
    read: (d) => d.backOfficeUrl,
    invalid: [
      ['http://cnap.example.gov.ua/', /use https:\/\/ for a back office on another machine/],
      ['ftp://x', /use the back office address/],
      ['cnap.example.gov.ua', /use the back office address/],
    ],
  },
  {
    key: 'backOffice.caFile',
    beside: { url: 'https://cnap.example.gov.ua/' },
    valid: '/etc/vikno/ca.pem',
    read: (d) => d.backOfficeCaFile,
    invalid: [
      ['  ', /the path of a PEM file/],
      [5, /expected text in quotes/],
    ],
  },
  {
    key: 'backOffice.enrollmentCode',
    beside: { url: 'https://cnap.example.gov.ua/' },
    valid: 'ABCD-EFGH-2345',
    read: (d) => d.enrollmentCode,
    invalid: [
      ['', /the code the back office printed/],
      [['ABCD'], /expected text in quotes, found a list/],
    ],
  },
  {
    key: 'backupsToKeep',
    valid: 30,
    read: (d) => d.backupsToKeep,
    invalid: [
      [0, /expected a number of at least 1/],
      [366, /at most 365/],
      ['7', /expected a number, found text/],
    ],
  },
  {
    key: 'statusRules.handoffWorkingDays',
    valid: 5,
    read: (d) => d.statusRules.handoffWorkingDays,
    invalid: [
      [-1, /at least 0/],
      [31, /at most 30/],
    ],
  },
  {
    key: 'statusRules.dueSoonWorkingDays',
    valid: 3,
    read: (d) => d.statusRules.dueSoonWorkingDays,
    invalid: [
      [61, /at most 60/],
      [1.5, /expected a whole number, found a fraction/],
    ],
  },
  { key: 'statusRules.unclaimedAfterDays', valid: 60, read: (d) => d.statusRules.unclaimedAfterDays, invalid: [[0, /at least 1/]] },
  { key: 'names.apostrophe', valid: '’', read: (d) => d.names.apostrophe, invalid: [['`', /expected one of "ʼ", "’", "'"/]] },
  {
    key: 'documents.scanner.adapter',
    valid: 'sane',
    read: (d) => d.documents.scanner.adapter,
    invalid: [['twain', /expected one of "auto", "sane", "naps2", "none"/]],
  },
  {
    key: 'documents.scanner.device',
    valid: 'epson2:libusb:001:004',
    read: (d) => d.documents.scanner.device,
    invalid: [['', /at least 1 character/]],
  },
  {
    key: 'documents.scanner.program',
    valid: 'C:\\NAPS2\\NAPS2.Console.exe',
    read: (d) => d.documents.scanner.program,
    invalid: [[false, /expected text in quotes, found true or false/]],
  },
  {
    key: 'documents.scanner.source',
    valid: 'duplex',
    read: (d) => d.documents.scanner.defaults.source,
    invalid: [['tray', /expected one of "flatbed", "feeder", "duplex"/]],
  },
  {
    key: 'documents.scanner.mode',
    valid: 'color',
    read: (d) => d.documents.scanner.defaults.mode,
    invalid: [['colour', /expected one of "gray", "color", "lineart"/]],
  },
  {
    key: 'documents.scanner.dpi',
    valid: 600,
    read: (d) => d.documents.scanner.defaults.dpi,
    invalid: [
      [50, /at least 75/],
      [2400, /at most 1200/],
    ],
  },
  {
    key: 'documents.scanner.pageSize',
    valid: 'a5',
    read: (d) => d.documents.scanner.defaults.pageSize,
    invalid: [['A4', /expected one of "a4"/]],
  },
  { key: 'documents.hotFolder.path', valid: '/srv/scans', read: (d) => d.documents.hotFolder, invalid: [['', /at least 1 character/]] },
  {
    key: 'documents.maxFileMiB',
    valid: 20,
    read: (d) => d.documents.maxFileBytes,
    expected: 20 * 1024 * 1024,
    invalid: [
      [0, /at least 1/],
      [501, /at most 500/],
    ],
  },
  {
    key: 'documents.maxDocumentMiB',
    valid: 10,
    read: (d) => d.documents.maxDocumentBytes,
    expected: 10 * 1024 * 1024,
    invalid: [[1000, /at most 500/]],
  },
  {
    key: 'documents.compression.mode',
    valid: 'bilevel',
    read: (d) => d.documents.compression.mode,
    invalid: [['png', /expected one of "gray", "color", "bilevel"/]],
  },
  { key: 'documents.compression.maxDpi', valid: 200, read: (d) => d.documents.compression.maxDpi, invalid: [[99, /at least 100/]] },
  { key: 'documents.compression.jpegQuality', valid: 80, read: (d) => d.documents.compression.jpegQuality, invalid: [[96, /at most 95/]] },
  { key: 'documents.retentionDays', valid: 365, read: (d) => d.documents.retentionDays, invalid: [[0, /at least 1/]] },
  {
    key: 'accounts.idleLockMinutes',
    valid: 0,
    read: (d) => d.accounts.idleLockMinutes,
    invalid: [
      [481, /at most 480 minutes \(8 hours\)/],
      [1.5, /whole minutes/],
      [-1, /0 \(never\) or more/],
    ],
  },
  { key: 'accounts.pinAllowed', valid: true, read: (d) => d.accounts.pinAllowed, invalid: [['yes', /true or false/]] },
  { key: 'updates.policy', valid: 'off', read: (d) => d.updates.policy, invalid: [['sometimes', /one of auto, notify, off/]] },
  {
    key: 'updates.url',
    valid: 'https://updates.example.gov.ua/vikno/',
    read: (d) => d.updates.url,
    invalid: [['http://updates.example.gov.ua/', /an https:\/\/ address of the update feed/]],
  },
  { key: 'log.level', valid: 'debug', read: (d) => d.logLevel, invalid: [['trace', /one of error, warn, info, debug/]] },
];

/** Zod's own English: never shown to IT. */
const RAW_ZOD = /Invalid input|Too small|Too big|Invalid option|Unrecognized key|Invalid URL|expected int,/;

function fileWith(key: string, beside: Record<string, unknown> | undefined, value: unknown): Record<string, unknown> {
  const parent = key.split('.').slice(0, -1).join('.');
  const leaf = key.split('.').at(-1) ?? key;
  return parent ? nested(parent, { ...beside, [leaf]: value }) : { [leaf]: value };
}

describe('every key of the machine-wide config', () => {
  it('has a case here (a new key gets its row)', () => {
    const leaves = SETTING_KEYS.filter((key) => !SETTING_KEYS.some((other) => other.startsWith(`${key}.`)));
    expect(CASES.map((c) => c.key).sort()).toEqual([...leaves].sort());
  });

  it.each(CASES)('$key: takes a valid value', ({ key, beside, valid, read, expected }) => {
    expect(read(fromMachineFile(fileWith(key, beside, valid)).load())).toEqual(expected ?? valid);
  });

  it.each(CASES)('$key: refuses a wrong value in words naming the file and the key', ({ key, beside, invalid }) => {
    for (const [value, words] of invalid) {
      const { load, file } = fromMachineFile(fileWith(key, beside, value));
      const message = configErrorOf(load).message;
      expect(message, JSON.stringify(value)).toContain(`The machine-wide config ${file} is invalid`);
      expect(message, JSON.stringify(value)).toMatch(new RegExp(`^  ${key.replaceAll('.', '\\.')}: `, 'm'));
      expect(message, JSON.stringify(value)).toMatch(words);
      expect(message, JSON.stringify(value)).not.toMatch(RAW_ZOD);
    }
  });
});

describe('config file as a whole', () => {
  it('names each unknown key with the nearest known one', () => {
    const { load } = fromMachineFile({ backOffice: { url: 'https://cnap.example.gov.ua/', enrolmentCode: 'X' }, logLevel: 'debug' });
    const message = configErrorOf(load).message;
    expect(message).toMatch(
      /^ {2}backOffice\.enrolmentCode: unknown key \(did you mean backOffice\.enrollmentCode\?\); known here: url, caFile, enrollmentCode$/m,
    );
    expect(message).toMatch(/^ {2}logLevel: unknown key; known here: center, desk, timeZone, backOffice/m);
    expect(message).not.toMatch(RAW_ZOD);
  });

  it('is an object, not some other JSON', () => {
    expect(configErrorOf(fromMachineFile(['log']).load).message).toMatch(/\(the whole file\): expected an object \{ … \}, found a list/);
  });

  it('may name its JSON Schema for the editor', () => {
    expect(fromMachineFile({ $schema: './desk-config.schema.json', log: { level: 'warn' } }).load().logLevel).toBe('warn');
  });
});
