/**
 * "Export diagnostics" (docs/IT.md, Logs and diagnostics) through the real contract on a real desk:
 * the zip read back with fflate holds the logs, the masked config, versions, sync status and the
 * last backup's metadata; the enrollment code planted in the config is nowhere in it; the export is
 * audited; a clerk who is not an admin is refused.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { signInAdmin, unwrap } from '../../helpers/sign-in';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const ENROLLMENT_CODE = 'K7QX-M2PA-ZR9T-WB4N-HD6C-JV3E';
const CONFIG = {
  center: { code: 'KYIV01', name: 'ЦНАП Подільського району' },
  desk: { code: '03', window: '3' },
  backOffice: { url: 'http://127.0.0.1:9/', enrollmentCode: ENROLLMENT_CODE },
  log: { level: 'debug' },
};

const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

/** A data folder, with this config.json in it (none: a standalone demo desk). */
function desk(config: Record<string, unknown> | null): string {
  const dataDir = join(tempDir(), 'desk');
  mkdirSync(dataDir, { mode: 0o700 });
  if (config) writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  return dataDir;
}

function start(
  dataDir: string,
  machineConfigFile = join(dataDir, 'no-machine-config.json'),
): { backend: Backend; api: ReturnType<typeof connectInProcess> } {
  const backend = createBackend({ dataDir, machineConfigFile, appVersion: '9.8.7', fetch: () => Promise.reject(new Error('offline')) });
  open.push(backend);
  return { backend, api: connectInProcess(backend) };
}

describe('diagnostics.export', () => {
  it('gives an admin a zip of logs, masked config, versions, sync status and the last backup, and audits it', async () => {
    const dataDir = desk(CONFIG);
    // IT's machine-wide file lets the user file set everything this test's config holds.
    const machineFile = join(dataDir, '..', 'machine.json');
    writeFileSync(machineFile, JSON.stringify({ userMayOverride: ['center', 'desk', 'backOffice', 'log'], timeZone: 'Europe/Kyiv' }));
    const { api } = start(dataDir, machineFile);
    await signInAdmin(api);
    // The backup taken at first start.
    await vi.waitFor(() => expect(existsSync(join(dataDir, 'backups')) && readdirSync(join(dataDir, 'backups'))).toHaveLength(1), {
      timeout: 10_000,
    });

    const exported = await unwrap(api.call('diagnostics.export', {}));
    expect(exported.fileName).toMatch(/^vikno-diagnostics-KYIV01-03-\d{8}-\d{6}\.zip$/);
    const zip = unzipSync(new Uint8Array(Buffer.from(exported.base64, 'base64')));
    const names = Object.keys(zip).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'versions.json',
        'config.json',
        'machine-config.json',
        'effective-config.json',
        'sync-status.json',
        'last-backup.json',
        'exported.json',
      ]),
    );
    expect(names.filter((name) => /^logs\/backend\.\d{4}-\d{2}-\d{2}\.1\.log$/.test(name))).toHaveLength(1);
    const read = (name: string) => JSON.parse(strFromU8(zip[name]!)) as Record<string, unknown>;

    const versions = read('versions.json');
    expect(versions).toMatchObject({ app: '9.8.7', node: process.versions.node, electron: null });
    expect(versions.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(versions.schemaVersion).toBeGreaterThanOrEqual(15);

    expect(read('config.json')).toEqual({ ...CONFIG, backOffice: { url: 'http://127.0.0.1:9/', enrollmentCode: '[redacted]' } });
    expect(read('machine-config.json')).toEqual({ file: machineFile, content: expect.objectContaining({ timeZone: 'Europe/Kyiv' }) });
    expect(read('effective-config.json')).toMatchObject({ center: CONFIG.center, enrollmentCode: '[redacted]', logLevel: 'debug' });
    expect(read('sync-status.json')).toMatchObject({ state: 'not_enrolled', pending: expect.any(Number) });
    const backup = read('last-backup.json');
    expect(backup).toMatchObject({ integrity: 'ok', bytes: expect.any(Number) });
    expect(backup.name).toMatch(/^vikno-\d{8}-\d{6}\.db$/);
    expect(Date.parse(String(backup.takenAt))).not.toBeNaN();
    const log = strFromU8(zip[names.find((name) => name.startsWith('logs/'))!]!);
    expect(log).toContain('Backend started');

    for (const [name, bytes] of Object.entries(zip)) expect(strFromU8(bytes), name).not.toContain(ENROLLMENT_CODE);

    const db = new Database(join(dataDir, 'vikno.db'), { readonly: true });
    try {
      const audited = db.prepare("SELECT entity_id, details FROM audit_events WHERE action = 'diagnostics.export'").all() as Array<{
        entity_id: string;
        details: string;
      }>;
      expect(audited).toHaveLength(1);
      expect(audited[0]!.entity_id).toBe(exported.fileName);
      expect(JSON.parse(audited[0]!.details)).toMatchObject({ entries: expect.arrayContaining(['config.json']) });
    } finally {
      db.close();
    }
  });

  it('refuses a clerk who is not an admin', async () => {
    const dataDir = desk(null);
    const { api } = start(dataDir);
    await signInAdmin(api);
    await unwrap(
      api.call('accounts.save', {
        login: 'koval',
        fullName: 'Коваль',
        roles: ['clerk', 'supervisor'],
        desks: null,
        password: 'temporary-pass-1',
      }),
    );
    await unwrap(api.call('auth.signIn', { login: 'koval', secret: 'temporary-pass-1' }));
    await unwrap(api.call('auth.changePassword', { current: 'temporary-pass-1', next: 'koval-own-pass-1' }));
    const refused = await api.call('diagnostics.export', {});
    expect(refused.ok ? 'exported' : refused.error.code).toBe('FORBIDDEN');
  });
});
