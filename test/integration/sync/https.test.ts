/**
 * Desks and the back office over HTTPS with a center's own CA (docs/IT.md, "TLS and a center's own
 * CA"): the back office serves a certificate a test CA signed (made here by openssl); a desk that
 * names that CA in backOffice.caFile enrolls, pushes, uploads a scan and pulls; a desk without it
 * refuses the certificate at once with a reason IT can act on.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { putBlob } from '../../../main/backend/blobs/blob-store';
import { DEFAULT_DESK } from '../../../main/backend/config/desk-config';
import { openDatabase } from '../../../main/backend/db/open';
import { attachDocument } from '../../../main/backend/documents/attach-document';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { startServer } from '../../../server/app';
import type { RunningServer } from '../../../server/app';
import { listDevices } from '../../../server/auth/devices';
import { createEnrollmentCode } from '../../../server/auth/enrollment';
import { DEFAULT_MAX_BLOB_BYTES } from '../../../server/blobs/blob-routes';
import { loadServerTls } from '../../../server/http/tls-files';
import { createStorage } from '../../../server/storage/create-storage';
import type { Storage } from '../../../server/storage/storage';
import type { ViknoApi } from '../../../shared/contract';
import { enrollAndSignIn } from '../../helpers/enroll-and-sign-in';
import type { DeskClerk } from '../../helpers/enroll-and-sign-in';
import { memoryLogger } from '../../helpers/memory-logger';
import { signInAdmin, signInClerk } from '../../helpers/sign-in';
import { afterSignIn } from '../../helpers/sign-in-first';
import { makeTestPki } from '../../helpers/test-pki';
import type { TestPki } from '../../helpers/test-pki';
import { MiB, randomBytes } from '../files/upload-helpers';
import { PERSON, readDb, value } from './desk-harness';

const CENTER = 'KV01';
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');
const APP_VERSION = '1.4.2-https';

interface HttpsDesk {
  api: ViknoApi & { disconnect(): void };
  backend: Backend;
  dataDir: string;
  deskCode: string;
}

describe('a desk and its back office over HTTPS with the center’s own CA', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-https-'));
  let pki: TestPki;
  let storage: Storage;
  let server: RunningServer;
  const open: HttpsDesk[] = [];

  beforeAll(async () => {
    pki = makeTestPki(dir);
    storage = await createStorage({ dataDir: join(dir, 'server') });
    const https = loadServerTls({ certFile: pki.serverCert, keyFile: pki.serverKey });
    server = await startServer(storage, '127.0.0.1', 0, { dir: join(dir, 'server', 'blobs'), maxBytes: DEFAULT_MAX_BLOB_BYTES }, null, {
      https,
    });
  });
  afterEach(async () => {
    for (const desk of open.splice(0)) {
      desk.api.disconnect();
      await desk.backend.close();
    }
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The back office by the name its certificate carries (localhost), as desks are configured. */
  const backOfficeUrl = () => server.url.replace('127.0.0.1', 'localhost');

  function openDesk(
    deskCode: string,
    caFile: string | null,
    clerk: DeskClerk | null = null,
    dataDir = join(dir, `desk-${deskCode}`),
  ): HttpsDesk {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({
        center: { code: CENTER, name: 'ЦНАП Київ' },
        desk: { code: deskCode, window: deskCode },
        backOffice: { url: backOfficeUrl(), ...(caFile ? { caFile } : {}) },
      }),
    );
    const backend = createBackend({ dataDir, appVersion: APP_VERSION, logger: memoryLogger(), fontDir: RECEIPT_FONTS });
    const connection = connectInProcess(backend);
    const api = clerk ? afterSignIn(connection, (window) => signInClerk(window, clerk.login, clerk.password)) : connection;
    const desk = { api, backend, dataDir, deskCode };
    open.push(desk);
    return desk;
  }

  async function closeDesk(desk: HttpsDesk): Promise<void> {
    open.splice(open.indexOf(desk), 1);
    desk.api.disconnect();
    await desk.backend.close();
  }

  it('enrolls, pushes an application, uploads its scan, and a second desk pulls the application, trusting the CA from backOffice.caFile', async () => {
    const first = openDesk('01', pki.caCert);
    const { clerk } = await enrollAndSignIn(first.api, storage, { centerCode: CENTER, deskCode: '01' });
    const [service] = await value(first.api.call('catalog.search', { q: 'MS-01' }));
    const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
    const app = await value(first.api.call('intake.register', { serviceId: service!.id, applicant: PERSON, items }));
    expect(await value(first.api.call('sync.now', {}))).toMatchObject({ pending: 0, deadLetters: 0 });

    // A scan attached while the desk is closed (as the sync scenarios do); reopened, the engine uploads it over HTTPS.
    await closeDesk(first);
    const blob = await putBlob(first.dataDir, randomBytes(2 * MiB, 16));
    const db = openDatabase(join(first.dataDir, 'vikno.db'));
    try {
      const sessionId = db
        .prepare('SELECT id FROM clerk_sessions WHERE clerk_id = ? ORDER BY started_at DESC LIMIT 1')
        .pluck()
        .get(clerk.id) as string;
      attachDocument(
        {
          db,
          clerkId: clerk.id,
          sessionId,
          roles: ['clerk'],
          now: () => new Date(),
          desk: { ...DEFAULT_DESK, center: { code: CENTER, name: 'ЦНАП Київ' }, desk: { code: '01', window: '01' } },
        },
        { applicationId: app.id, kind: 'passport', pages: 2, blob: { ...blob, mime: 'application/pdf' } },
      );
    } finally {
      db.close();
    }
    const reopened = openDesk('01', pki.caCert, clerk, first.dataDir);
    const attachStatus = () =>
      readDb({ dbFile: join(first.dataDir, 'vikno.db') }, (read) =>
        read.prepare("SELECT status FROM outbox WHERE kind = 'document.attach'").pluck().get(),
      );
    for (let i = 0; i < 10 && attachStatus() !== 'acked'; i++) {
      await value(reopened.api.call('sync.now', {}));
      for (let j = 0; j < 200 && (await value(reopened.api.call('sync.status', {}))).filesLeft > 0; j++)
        await new Promise<void>((r) => setImmediate(r));
    }
    expect(attachStatus()).toBe('acked');
    expect(await storage.query('SELECT center_code FROM blob_centers WHERE sha256 = $1', [blob.sha256])).toEqual([{ center_code: CENTER }]);

    // A second desk of the center pulls the application.
    const second = openDesk('02', pki.caCert);
    await enrollAndSignIn(second.api, storage, { centerCode: CENTER, deskCode: '02' });
    await value(second.api.call('sync.now', {}));
    const pulled = readDb({ dbFile: join(second.dataDir, 'vikno.db') }, (read) =>
      read.prepare('SELECT reg_number FROM applications WHERE id = ?').pluck().get(app.id),
    );
    expect(pulled).toBe(app.regNumber);

    // Every request named the desk's version: the back office lists both desks with it and a last visit.
    const devices = await listDevices(storage, CENTER);
    expect(devices.map((d) => [d.deskCode, d.appVersion, d.lastSeenAt !== null])).toEqual([
      ['01', APP_VERSION, true],
      ['02', APP_VERSION, true],
    ]);
  });

  it('without backOffice.caFile the desk refuses the certificate at once and says what to configure', async () => {
    const desk = openDesk('03', null);
    await signInAdmin(desk.api);
    const code = await createEnrollmentCode(storage, { centerCode: CENTER, deskCode: '03' });
    const started = Date.now();
    const result = await desk.api.call('sync.enroll', { code });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: expect.stringMatching(
          /presented a certificate this desk does not trust \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\).*backOffice\.caFile/,
        ),
      },
    });
    // Refused in the handshake, not after a timeout.
    expect(Date.now() - started).toBeLessThan(5_000);
    // Nothing reached the back office: the desk's code is still unused.
    expect(await storage.query("SELECT used_at FROM enrollment_codes WHERE desk_code = '03'")).toEqual([{ used_at: null }]);
  });

  it('a CA file that cannot be read or holds no certificate stops the desk with a config error naming it', () => {
    const missing = join(dir, 'no-such-ca.pem');
    expect(() => openDesk('04', missing)).toThrow(`Cannot read backOffice.caFile ${missing}`);
    const notPem = join(dir, 'not-a-ca.pem');
    writeFileSync(notPem, 'a certificate, honest');
    expect(() => openDesk('05', notPem)).toThrow(`backOffice.caFile ${notPem} holds no PEM certificate`);
  });
});
