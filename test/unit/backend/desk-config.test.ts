import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DESK, loadDeskConfig } from '../../../main/backend/config/desk-config';
import { defaultDataDir } from '../../../main/backend/config/data-dir';
import { DEFAULT_DOCUMENTS } from '../../../main/backend/config/documents-config';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function withConfig(text: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'config.json'), text);
  return dir;
}

describe('desk config', () => {
  it('uses the demo identity when there is no file', () => {
    expect(loadDeskConfig(tempDir())).toEqual(DEFAULT_DESK);
  });

  it('reads the center and desk from config.json', () => {
    const dir = withConfig(
      JSON.stringify({ center: { code: 'KV01', name: 'ЦНАП Подільського району' }, desk: { code: '07', window: '7' } }),
    );
    expect(loadDeskConfig(dir)).toEqual({
      center: { code: 'KV01', name: 'ЦНАП Подільського району' },
      desk: { code: '07', window: '7' },
      timeZone: 'Europe/Kyiv',
      backupsToKeep: 7,
      names: { apostrophe: 'ʼ' },
      statusRules: { handoffWorkingDays: 1, dueSoonWorkingDays: 3, unclaimedAfterDays: 30 },
      backOfficeUrl: null,
      backOfficeCaFile: null,
      enrollmentCode: null,
      updates: { policy: 'notify', url: null },
      logLevel: 'info',
      documents: DEFAULT_DOCUMENTS,
      accounts: { idleLockMinutes: 10, pinAllowed: false },
      source: 'file',
    });
  });

  it('takes the accounts section (idle lock, PIN), each on its own, and names a bad value', () => {
    expect(loadDeskConfig(withConfig(JSON.stringify({ accounts: { pinAllowed: true } }))).accounts).toEqual({
      idleLockMinutes: 10,
      pinAllowed: true,
    });
    expect(loadDeskConfig(withConfig(JSON.stringify({ accounts: { idleLockMinutes: 0 } }))).accounts.idleLockMinutes).toBe(0);
    expect(() => loadDeskConfig(withConfig(JSON.stringify({ accounts: { idleLockMinutes: 481 } })))).toThrow(
      /accounts.idleLockMinutes: at most 480 minutes/,
    );
    expect(() => loadDeskConfig(withConfig(JSON.stringify({ accounts: { idleLockMinutes: 1.5 } })))).toThrow(/accounts.idleLockMinutes/);
    expect(() => loadDeskConfig(withConfig(JSON.stringify({ accounts: { pinAllowed: 'yes' } })))).toThrow(/accounts.pinAllowed/);
  });

  it('takes the status rules a center sets, each on its own, and refuses one out of range', () => {
    expect(loadDeskConfig(withConfig(JSON.stringify({ statusRules: { unclaimedAfterDays: 60 } }))).statusRules).toEqual({
      handoffWorkingDays: 1,
      dueSoonWorkingDays: 3,
      unclaimedAfterDays: 60,
    });
    expect(() => loadDeskConfig(withConfig(JSON.stringify({ statusRules: { handoffWorkingDays: -1 } })))).toThrow(
      /statusRules.handoffWorkingDays/,
    );
  });

  it('takes the time zone and backup count, and refuses an unknown time zone', () => {
    expect(loadDeskConfig(withConfig(JSON.stringify({ timeZone: 'Europe/Warsaw', backupsToKeep: 30 })))).toMatchObject({
      timeZone: 'Europe/Warsaw',
      backupsToKeep: 30,
    });
    expect(() => loadDeskConfig(withConfig(JSON.stringify({ timeZone: 'Kyiv/Podil' })))).toThrow(/timeZone: use an IANA time zone/);
    expect(() => loadDeskConfig(withConfig(JSON.stringify({ backupsToKeep: 0 })))).toThrow(/backupsToKeep/);
    expect(loadDeskConfig(withConfig(JSON.stringify({ backOffice: { url: 'http://127.0.0.1:5800/' } }))).backOfficeUrl).toBe(
      'http://127.0.0.1:5800/',
    );
    expect(() => loadDeskConfig(withConfig(JSON.stringify({ backOffice: { url: 'ftp://x' } })))).toThrow(/backOffice.url/);
  });

  it('refuses a back office over plain http on another machine: citizens’ data crosses the network only over TLS', () => {
    const url = (u: string) => () => loadDeskConfig(withConfig(JSON.stringify({ backOffice: { url: u } }))).backOfficeUrl;
    for (const plain of ['http://cnap.example.gov.ua/', 'http://10.0.0.5:5800/', 'http://127.0.0.1.example.com/'])
      expect(url(plain), plain).toThrow(/backOffice.url: use https:\/\//);
    for (const fine of [
      'https://cnap.example.gov.ua/',
      'http://127.0.0.1:5800/',
      'http://127.4.5.6/',
      'http://localhost:5800/',
      'http://[::1]:5800/',
    ])
      expect(url(fine)(), fine).toBe(fine);
  });

  it('names the file and the problem when the JSON is broken', () => {
    const dir = withConfig('{ "center": ');
    expect(() => loadDeskConfig(dir)).toThrow(ConfigError);
    expect(() => loadDeskConfig(dir)).toThrow(/config\.json is not valid JSON/);
  });

  it('names every bad field and how to fix it', () => {
    const dir = withConfig(JSON.stringify({ center: { code: 'kv 01', name: '' }, desk: { code: '07', window: '7', colour: 'red' } }));
    const error = (() => {
      try {
        loadDeskConfig(dir);
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).toContain('center.code: use 1–8 capital Latin letters or digits');
    expect(error.message).toContain('center.name');
    expect(error.message).toContain('colour');
  });
});

describe('default data folder', () => {
  it('follows each platform’s per-user convention', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/data' }, 'linux')).toBe('/x/data/Vikno');
    expect(defaultDataDir({}, 'linux')).toMatch(/\.local\/share\/Vikno$/);
    expect(defaultDataDir({ LOCALAPPDATA: 'C:\\Users\\k\\AppData\\Local' }, 'win32')).toMatch(/Local.Vikno$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Vikno$/);
  });
});
