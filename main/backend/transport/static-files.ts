import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { contentTypeFor } from '../../../shared/content-types';
import { safeAssetPath } from '../../../shared/safe-asset-path';

export interface StaticOptions {
  root: string;
  csp: string;
  /** `127.0.0.1:PORT` and `localhost:PORT`: anything else is a DNS-rebinding attempt. */
  allowedHosts: readonly string[];
}

/** Serves the built renderer read-only, with the CSP and no way out of `root`. */
export function createStaticHandler(options: StaticOptions) {
  const root = resolve(options.root);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers = {
      'Content-Security-Policy': options.csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    if (!options.allowedHosts.includes(req.headers.host ?? '')) {
      res.writeHead(421, headers).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const relative = safeAssetPath(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = relative === null ? null : resolve(join(root, relative));
    if (file === null || !file.startsWith(root + sep)) {
      res.writeHead(404, headers).end();
      return;
    }
    // Client-side routes (no extension) get the shell; missing assets get 404.
    const target = extname(file) === '' ? join(root, 'index.html') : file;
    try {
      const body = await readFile(target);
      res.writeHead(200, { ...headers, 'Content-Type': contentTypeFor(target) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, headers).end();
    }
  };
}
