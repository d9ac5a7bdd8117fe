/**
 * No personal data in the desk's log files (docs/IT.md, Logs and diagnostics), driven end to end:
 * the real backend with its real file logger registers an applicant, then enrolls with a back
 * office on a loopback port that answers every sync request with an error quoting the request
 * body — the applicant's name, РНОКПП and document number — as a misbehaving server or a proxy's
 * error page may. Every log file is then read: none of those strings is there, in messages,
 * fields or stacks.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import type { Backend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { readLogs } from '../../helpers/log-files';
import { signInAdmin, unwrap } from '../../helpers/sign-in';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');

const PERSON = {
  kind: 'person' as const,
  surname: 'Шевченко',
  givenName: 'Марʼяна',
  patronymic: 'Іванівна',
  birthDate: '1948-02-28',
  rnokpp: '1759013776',
  phone: '+380671234567',
  email: 'maryana.shevchenko@example.com',
  idDoc: { type: 'passport_book' as const, number: 'МК482913', issuer: 'Шевченківським РВ ГУ МВС', issuedOn: '1998-05-06' },
};
/** A clerk who typed the citizen's name into the login box: the audit trail records the login typed. */
const TYPED_LOGIN = 'shevchenko.maryana';
const SECRETS = [
  TYPED_LOGIN,
  PERSON.surname,
  PERSON.givenName,
  PERSON.patronymic,
  PERSON.rnokpp,
  PERSON.phone,
  PERSON.email,
  PERSON.idDoc.number,
  PERSON.idDoc.issuer,
];

/** A back office that enrolls the desk, then answers every sync call by quoting what it was sent. */
async function echoingBackOffice(): Promise<{
  url: string;
  pushes: () => number;
  audits: () => number;
  token: string;
  close(): Promise<void>;
}> {
  const token = 'dEvIcEtOkEn-' + randomUUID().replaceAll('-', '');
  let pushes = 0;
  let audits = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/enroll') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ deviceId: randomUUID(), deviceToken: token, centerCode: 'DEMO', deskCode: '01' }));
        return;
      }
      if (req.url === '/sync/desk-key') {
        res.writeHead(204).end();
        return;
      }
      if (req.url === '/sync/push') pushes += 1;
      if (req.url === '/sync/audit') audits += 1;
      // After two refused pushes the record is taken and the pull is empty: then the audit trail goes up.
      if (req.url === '/sync/push' && pushes > 2) {
        const { mutations } = JSON.parse(body) as { mutations: Array<{ mutationId: string }> };
        const results = mutations.map(({ mutationId }) => ({ mutationId, status: 'applied', version: 1 }));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ results, serverTime: new Date().toISOString() }));
        return;
      }
      if (req.url?.startsWith('/sync/pull') && pushes > 2) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ changes: [], cursor: 0, hasMore: false, serverTime: new Date().toISOString() }));
        return;
      }
      // The second push is a 200 that is not JSON: the desk's JSON parser would quote it.
      const status = req.url === '/sync/push' && pushes === 2 ? 200 : 500;
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Cannot handle ${req.method} ${req.url} (token ${req.headers.authorization ?? 'none'}): ${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    pushes: () => pushes,
    audits: () => audits,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const open: Backend[] = [];
afterEach(async () => {
  for (const backend of open.splice(0)) await backend.close();
});

function start(dataDir: string): Backend {
  const backend = createBackend({ dataDir, appVersion: 'test', fontDir: RECEIPT_FONTS });
  open.push(backend);
  return backend;
}

describe('the desk log holds no personal data', () => {
  it('after registering an applicant and a back office quoting the pushed record in its errors', async () => {
    const dataDir = join(tempDir(), 'desk');
    const office = await echoingBackOffice();
    try {
      // Standalone first: the admin registers the case; the change waits for a later enrollment.
      const standalone = start(dataDir);
      const api = connectInProcess(standalone);
      await signInAdmin(api);
      const [service] = await unwrap(api.call('catalog.search', { q: 'ID-01' }));
      const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
      await unwrap(api.call('intake.register', { serviceId: service!.id, items, applicant: PERSON }));
      // A call that fails validation carries the data too: refused input is never logged.
      await api.call('applicants.search', { q: `${PERSON.surname} ${PERSON.rnokpp}`, limit: 0 });
      api.disconnect();
      await standalone.close();
      open.splice(0);

      writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ backOffice: { url: office.url } }));
      const desk = start(dataDir);
      const deskApi = connectInProcess(desk);
      const wrong = await unwrap(deskApi.call('auth.signIn', { login: TYPED_LOGIN, secret: 'not-a-password' }));
      expect(wrong.outcome).not.toBe('signed_in');
      await signInAdmin(deskApi);
      await unwrap(deskApi.call('sync.enroll', { code: 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ' }));
      // Two pushes: one answered 500 with the quote, one 200 that is the quote and not JSON.
      await vi.waitFor(() => expect(office.pushes()).toBeGreaterThanOrEqual(2), { timeout: 30_000, interval: 100 });
      // The audit trail (with the login typed) went up too, and was answered with a quote of it.
      await vi.waitFor(() => expect(office.audits()).toBeGreaterThanOrEqual(1), { timeout: 30_000, interval: 100 });
      deskApi.disconnect();
      await desk.close();
      open.splice(0);
    } finally {
      await office.close();
    }

    const logs = readLogs(dataDir);
    // The failures reached the log (so this test looks where the data would have gone)…
    expect(logs).toContain('Sync attempt failed');
    expect(logs).toContain("HTTP 500: not the back office's error answer");
    expect(logs).toContain('unreadable answer: the body is not JSON');
    expect(logs).toContain('Audit upload failed');
    // …and none of the applicant's data, the enrollment code or the device token did.
    for (const secret of [...SECRETS, 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ', office.token]) expect(logs, secret).not.toContain(secret);
    for (const line of logs.split('\n').filter(Boolean)) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
