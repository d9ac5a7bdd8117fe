/**
 * The app:// protocol that serves the built renderer (docs/ARCHITECTURE.md §9.1). The UI never loads from
 * file://, whose origin would give a compromised page the whole disk; app://vikno is its own
 * origin, and this handler serves only files inside the renderer folder.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { safeAssetPath } from '../../shared/safe-asset-path';
import { APP_SCHEME } from './app-scheme';
import { contentTypeFor } from '../../shared/content-types';
import { ELECTRON_CSP } from './csp';
import { parseAppUrl } from './origin';

export { APP_HOST, APP_ORIGIN, APP_SCHEME, APP_URL } from './app-scheme';

/**
 * `standard` gives the scheme a real origin (relative URLs, localStorage), `secure` makes it a
 * secure context, `supportFetchAPI` lets the renderer fetch its own assets. No `bypassCSP`
 * (the CSP must apply) and no `corsEnabled` (nothing else may read from it).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * 403: the request is not addressed to app://vikno at all. 404: it is, but names nothing we
 * serve (including every attempt to leave the renderer folder — no hint that anything is there).
 */
export type AppRequestResolution = { kind: 'file'; path: string } | { kind: 'deny'; status: 403 | 404 };

export function resolveAppRequest(url: string, rootDir: string): AppRequestResolution {
  const parsed = parseAppUrl(url);
  if (parsed === null) return { kind: 'deny', status: 403 };

  const relative = safeAssetPath(parsed.pathname);
  if (relative === null) return { kind: 'deny', status: 404 };
  const root = resolve(rootDir);
  const file = resolve(root, relative);
  // safeAssetPath already refuses traversal; this is the second lock, on the real path.
  if (!file.startsWith(root + sep)) return { kind: 'deny', status: 404 };
  // The SPA's own routes (no extension) get the shell, so a reload on any screen works.
  return { kind: 'file', path: extname(file) === '' ? join(root, 'index.html') : file };
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

const BASE_HEADERS = {
  'Content-Security-Policy': ELECTRON_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
} as const;

/** The function given to `protocol.handle('app', …)`. */
export function createAppProtocolHandler(rootDir: string, readFile: ReadFile = fsReadFile) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...BASE_HEADERS, Allow: 'GET, HEAD' } });
    }
    const target = resolveAppRequest(request.url, rootDir);
    if (target.kind === 'deny') return new Response(null, { status: target.status, headers: BASE_HEADERS });
    let body: Uint8Array;
    try {
      body = await readFile(target.path);
    } catch {
      return new Response(null, { status: 404, headers: BASE_HEADERS });
    }
    const headers = { ...BASE_HEADERS, 'Content-Type': contentTypeFor(target.path) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
