import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ELECTRON_CSP } from '../../../main/electron/csp';
import { APP_ORIGIN, APP_SCHEME_PRIVILEGES, APP_URL, createAppProtocolHandler, resolveAppRequest } from '../../../main/electron/protocol';

const root = resolve(mkdtempSync(join(tmpdir(), 'vikno-protocol-')));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>Vikno</title>');
writeFileSync(join(root, 'assets', 'app.js'), 'console.log("vikno")');
// A secret next to the renderer folder, which nothing may reach.
writeFileSync(join(root, '..', `${root.split(sep).at(-1)}-secret.txt`), 'secret');
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(join(root, '..', `${root.split(sep).at(-1)}-secret.txt`), { force: true });
});

function isInsideRoot(result: ReturnType<typeof resolveAppRequest>): boolean {
  return result.kind === 'file' && result.path.startsWith(root + sep);
}

describe('the app:// scheme', () => {
  it('is app://vikno, privileged as a secure standard scheme without CSP bypass or CORS', () => {
    expect(APP_ORIGIN).toBe('app://vikno');
    expect(APP_URL).toBe('app://vikno/index.html');
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('resolveAppRequest', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppRequest('app://vikno/index.html', root)).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveAppRequest('app://vikno/assets/app.js?v=1#x', root)).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'app.js'),
    });
  });

  it('answers the root and client-side routes with the shell', () => {
    expect(resolveAppRequest('app://vikno/', root)).toEqual({ kind: 'file', path: join(root, 'index.html') });
    expect(resolveAppRequest('app://vikno/queue/today', root)).toEqual({ kind: 'file', path: join(root, 'index.html') });
  });

  it.each([
    'app://vikno/%2E%2E%2Fsecret.txt',
    'app://vikno/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://vikno/..%2fsecret.txt',
    'app://vikno/..%5csecret.txt',
    'app://vikno/assets%5c..%5c..%5csecret.txt',
    'app://vikno/C:/Windows/win.ini',
    'app://vikno/C%3A/Windows/win.ini',
    'app://vikno/assets/c:secret.txt',
    'app://vikno/index.html%00.js',
    'app://vikno/%E0%A4%A',
  ])('refuses the traversal %s with 404', (url) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'deny', status: 404 });
  });

  // The URL parser itself folds these dot segments (%2e%2e included) before we see the path.
  it.each([
    'app://vikno/../secret.txt',
    'app://vikno/%2e%2e/secret.txt',
    'app://vikno/assets/../../secret.txt',
    'app://vikno/etc/passwd',
    'app://vikno//etc/passwd',
    'app://vikno/%2Fetc%2Fpasswd.txt',
    'app://vikno/assets/./../index.html',
  ])('keeps %s inside the renderer folder, or refuses it', (url) => {
    const result = resolveAppRequest(url, root);
    expect(result.kind === 'deny' || isInsideRoot(result)).toBe(true);
  });

  it('treats an absolute path as relative to the renderer folder', () => {
    expect(resolveAppRequest('app://vikno/etc/passwd.txt', root)).toEqual({ kind: 'file', path: join(root, 'etc', 'passwd.txt') });
  });

  it.each([
    'app://evil/index.html',
    'app://vikno.evil/index.html',
    'app://vikno:8080/index.html',
    'app://user:pw@vikno/index.html',
    'app:///index.html',
    'file:///etc/passwd',
    'https://vikno/index.html',
    'http://vikno/index.html',
    'not a url',
  ])('refuses %s, which is not addressed to app://vikno, with 403', (url) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'deny', status: 403 });
  });
});

describe('createAppProtocolHandler', () => {
  const handler = createAppProtocolHandler(root);

  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await handler(new Request('app://vikno/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("vikno")');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the shell for client-side routes', async () => {
    const response = await handler(new Request('app://vikno/applicants/42'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Vikno</title>');
  });

  it('answers 404 for a missing asset, with the CSP still set', async () => {
    const response = await handler(new Request('app://vikno/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
  });

  it('never serves a file outside the folder', async () => {
    for (const url of ['app://vikno/%2e%2e/secret.txt', `app://vikno/..%2f${root.split(sep).at(-1)}-secret.txt`]) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('');
    }
  });

  it('answers 403 for another host', async () => {
    expect((await handler(new Request('app://evil/index.html'))).status).toBe(403);
  });

  it('allows only GET and HEAD; HEAD has no body', async () => {
    expect((await handler(new Request('app://vikno/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler(new Request('app://vikno/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('reads through the injected reader, only for resolved paths', async () => {
    const read: string[] = [];
    const fake = createAppProtocolHandler(root, (path) => {
      read.push(path);
      return Promise.resolve(new TextEncoder().encode('x'));
    });
    await fake(new Request('app://vikno/..%2fsecret.txt'));
    await fake(new Request('app://evil/index.html'));
    await fake(new Request('app://vikno/assets/app.js'));
    expect(read).toEqual([join(root, 'assets', 'app.js')]);
  });
});

describe('ELECTRON_CSP', () => {
  it('denies by default, allows no network connection and no eval', () => {
    expect(ELECTRON_CSP).toContain("default-src 'none'");
    expect(ELECTRON_CSP).toContain("connect-src 'none'");
    expect(ELECTRON_CSP).not.toContain('unsafe-eval');
    expect(ELECTRON_CSP).not.toContain('unsafe-inline');
  });
});
