import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../server/cli-args';
import { loadServerTls } from '../../../server/http/tls-files';
import { makeTestPki } from '../../helpers/test-pki';
import type { TestPki } from '../../helpers/test-pki';
import { useTempDirs } from '../../helpers/temp-dir';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const tempDir = useTempDirs();

describe("the back office's certificate and key", () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = makeTestPki(mkdtempSync(join(tmpdir(), 'vikno-pki-')));
  });

  it('loads a matching pair and names the certificate by its fingerprint', () => {
    const tls = loadServerTls({ certFile: pki.serverCert, keyFile: pki.serverKey });
    expect(tls.fingerprint256).toBe(new X509Certificate(readFileSync(pki.serverCert)).fingerprint256);
    expect(tls.cert.toString()).toContain('BEGIN CERTIFICATE');
  });

  it('refuses a missing file, a file that is not PEM, a key of another certificate, an expired certificate, each naming the file', () => {
    const dir = tempDir();
    const missing = join(dir, 'none.crt');
    expect(() => loadServerTls({ certFile: missing, keyFile: pki.serverKey })).toThrow(
      `Cannot read the TLS certificate ${missing}: ENOENT`,
    );
    expect(() => loadServerTls({ certFile: pki.serverCert, keyFile: missing })).toThrow(`Cannot read the TLS key ${missing}: ENOENT`);
    const notPem = join(dir, 'cert.der');
    writeFileSync(notPem, 'just some text');
    expect(() => loadServerTls({ certFile: notPem, keyFile: pki.serverKey })).toThrow(
      `The TLS certificate ${notPem} is not a PEM certificate`,
    );
    // The certificate given as the key, and the key as the certificate: both are the wrong kind of PEM.
    expect(() => loadServerTls({ certFile: pki.serverCert, keyFile: pki.serverCert })).toThrow(
      `The TLS key ${pki.serverCert} is not a PEM private key`,
    );
    expect(() => loadServerTls({ certFile: pki.serverKey, keyFile: pki.serverKey })).toThrow(
      `The TLS certificate ${pki.serverKey} is not a PEM certificate`,
    );
    expect(() => loadServerTls({ certFile: pki.serverCert, keyFile: pki.otherKey })).toThrow(
      `The TLS key ${pki.otherKey} does not belong to the certificate ${pki.serverCert} (CN=localhost)`,
    );
    const damaged = join(dir, 'damaged.crt');
    writeFileSync(damaged, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n');
    expect(() => loadServerTls({ certFile: damaged, keyFile: pki.serverKey })).toThrow(
      `The TLS certificate ${damaged} cannot be read as a certificate`,
    );
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    expect(() => loadServerTls({ certFile: pki.serverCert, keyFile: pki.serverKey }, inThreeDays)).toThrow(/expired on .*desks refuse it/);
  });

  it('takes the files from --tls-cert/--tls-key or VIKNO_TLS_CERT/VIKNO_TLS_KEY, both or neither', () => {
    expect(parseCliArgs([], '/srv').command).toMatchObject({ name: 'serve', tls: null });
    expect(parseCliArgs(['--tls-cert', 'a.crt', '--tls-key', 'a.key'], '/srv').command).toMatchObject({
      tls: { certFile: 'a.crt', keyFile: 'a.key' },
    });
    const env = { VIKNO_TLS_CERT: '/etc/vikno/tls.crt', VIKNO_TLS_KEY: '/etc/vikno/tls.key' };
    expect(parseCliArgs([], '/srv', env).command).toMatchObject({ tls: { certFile: '/etc/vikno/tls.crt', keyFile: '/etc/vikno/tls.key' } });
    expect(parseCliArgs(['--tls-cert', 'b.crt'], '/srv', env).command).toMatchObject({
      tls: { certFile: 'b.crt', keyFile: '/etc/vikno/tls.key' },
    });
    expect(() => parseCliArgs(['--tls-cert', 'a.crt'], '/srv')).toThrow('--tls-cert needs --tls-key (or VIKNO_TLS_KEY)');
    expect(() => parseCliArgs([], '/srv', { VIKNO_TLS_KEY: 'a.key' })).toThrow('--tls-key needs --tls-cert (or VIKNO_TLS_CERT)');
  });
});
