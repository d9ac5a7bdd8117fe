/**
 * `npm run server` as IT runs it (scripts/server.ts, a real process): over HTTPS with a certificate
 * a test CA signed; admin commands from another working folder find nothing there and refuse to make
 * a second database, and with --data reach the running server over HTTPS (its pinned certificate);
 * `devices` lists what desks announced; bad TLS files stop the start with the reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER_ACTOR, HEADER_APP_VERSION, HEADER_PROTOCOL, PROTOCOL_VERSION } from '../../../shared/sync-protocol';
import { newDeskKey } from '../../helpers/desk-session';
import { startServerProcess } from '../../helpers/server-process';
import { makeTestPki } from '../../helpers/test-pki';
import type { TestPki } from '../../helpers/test-pki';

const root = join(import.meta.dirname, '..', '..', '..');
const script = join(root, 'scripts', 'server.ts');
const CODE = /^[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5}$/m;

describe('the back office command line over HTTPS (PGlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-cli-https-'));
  let pki: TestPki;
  beforeAll(() => {
    pki = makeTestPki(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const env = () => {
    const copy = { ...process.env };
    delete copy.DATABASE_URL;
    delete copy.VIKNO_TLS_CERT;
    delete copy.VIKNO_TLS_KEY;
    return copy;
  };
  const cli = (cwd: string, args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd, env: env(), encoding: 'utf8' });

  it('serves HTTPS; enroll from another folder without --data refuses and creates nothing; with --data it goes through the running server; devices lists desks with last visit and version', async () => {
    const data = join(dir, 'data');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const server = await startServerProcess(root, data, undefined, ['--tls-cert', pki.serverCert, '--tls-key', pki.serverKey]);
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const trusting = new Agent({ connect: { ca: readFileSync(pki.caCert, 'utf8') } });
      const get = (path: string, init: Parameters<typeof undiciFetch>[1] = {}) =>
        undiciFetch(`${server.url}${path}`, { ...init, dispatcher: trusting });
      expect(await (await get('/health')).json()).toMatchObject({ status: 'ok', storage: 'pglite' });
      // The hall's pages come over HTTPS the same way.
      const kiosk = await get('/kiosk/C1');
      expect([kiosk.status, kiosk.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);

      // The documented mistake: enroll from another working folder, without --data.
      const lost = cli(elsewhere, ['enroll', '--center', 'C1', '--desk', '01']);
      expect(lost.status).toBe(1);
      expect(lost.stderr).toContain(`No back office data in ${join(elsewhere, '.vikno-data', 'server')}`);
      expect(lost.stderr).toContain('--data DIR; nothing was created');
      expect(existsSync(join(elsewhere, '.vikno-data'))).toBe(false);

      const enrolled = cli(elsewhere, ['enroll', '--center', 'C1', '--desk', '01', '--data', data]);
      expect(enrolled.status).toBe(0);
      expect(enrolled.stdout).toMatch(
        new RegExp(
          `^Data folder ${data}, storage PGlite in ${data}, through the back office running at https://127\\.0\\.0\\.1:\\d+ \\(process \\d+\\)$`,
          'm',
        ),
      );
      const code = CODE.exec(enrolled.stdout)?.[0];
      const enroll = await get('/enroll', {
        method: 'POST',
        body: JSON.stringify({ code, deviceName: 'Вікно 1', publicKey: newDeskKey().publicKey }),
      });
      const { deviceId, deviceToken } = (await enroll.json()) as { deviceId: string; deviceToken: string };
      expect(deviceId).toBeTruthy();
      // An authenticated desk request names the desk's version; a header that is no version is not recorded.
      const pull = (version: string) =>
        get('/sync/pull?cursor=0', {
          headers: {
            authorization: `Bearer ${deviceToken}`,
            [HEADER_PROTOCOL]: String(PROTOCOL_VERSION),
            [HEADER_ACTOR]: 'admin',
            [HEADER_APP_VERSION]: version,
          },
        });
      expect((await pull('0.9.1')).status).toBe(200);
      expect((await pull('<script>')).status).toBe(200);

      const devices = cli(elsewhere, ['devices', '--data', data]);
      expect(devices.status).toBe(0);
      const lines = devices.stdout.split('\n');
      expect(lines[1]).toMatch(/^device id\s+center\s+desk\s+name\s+enrolled\s+last seen\s+version\s+revoked$/);
      expect(lines[2]).toMatch(
        new RegExp(
          `^${deviceId}\\s+C1\\s+01\\s+Вікно 1\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\s+0\\.9\\.1\\s+-$`,
        ),
      );
      expect(cli(elsewhere, ['devices', '--center', 'C2', '--data', data]).stdout).toContain('No enrolled desks');

      expect(cli(elsewhere, ['revoke', '--device', deviceId, '--data', data]).stdout).toContain(`Device ${deviceId} revoked`);
      expect(cli(elsewhere, ['devices', '--data', data]).stdout.split('\n')[2]).toMatch(/0\.9\.1\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('refuses to start with a key of another certificate, or a file that is not a certificate, saying which and why', () => {
    const data = join(dir, 'bad');
    const wrongKey = cli(root, ['--data', data, '--port', '0', '--tls-cert', pki.serverCert, '--tls-key', pki.otherKey]);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toContain(`The TLS key ${pki.otherKey} does not belong to the certificate ${pki.serverCert}`);
    const notCert = cli(root, ['--data', data, '--port', '0', '--tls-cert', pki.serverKey, '--tls-key', pki.serverKey]);
    expect(notCert.status).toBe(1);
    expect(notCert.stderr).toContain(`The TLS certificate ${pki.serverKey} is not a PEM certificate`);
    const halfPair = cli(root, ['--data', data, '--port', '0', '--tls-cert', pki.serverCert]);
    expect(halfPair.stderr).toContain('--tls-cert needs --tls-key (or VIKNO_TLS_KEY)');
    // Refused before the folder was claimed or a database opened.
    expect(existsSync(join(data, 'PG_VERSION'))).toBe(false);
  });
});
