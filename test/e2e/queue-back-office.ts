import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { buildPages } from '../../server/pages/build-pages';
import { PROTOCOL_VERSION } from '../../shared/sync-protocol';
import type { QueueBackOfficeReady } from './queue-back-office-main';

export interface QueueBackOffice {
  url: string;
  adminToken: string;
  /** The headers a desk of the sample queue sends (D1, D2: enrolled at start). */
  deskHeaders(deskCode: string): Record<string, string>;
  stop(): Promise<void>;
}

/** Starts queue-back-office-main.ts in its own process (bundled first, PGlite kept external) and waits until it listens. */
export async function startQueueBackOffice(): Promise<QueueBackOffice> {
  const root = resolve('.');
  const outfile = join(root, 'dist', 'test', 'queue-back-office.mjs');
  await build({
    entryPoints: [join(root, 'test', 'e2e', 'queue-back-office-main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  const pagesDir = join(root, 'dist', 'test', 'pages');
  await buildPages(pagesDir);
  const child = spawn(process.execPath, [outfile, pagesDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  let output = '';
  const ready = await new Promise<QueueBackOfficeReady>((done, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) done(JSON.parse(line) as QueueBackOfficeReady);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => fail(new Error(`the back office exited with ${code} before listening:\n${output}`)));
  });
  return {
    url: ready.url,
    adminToken: ready.adminToken,
    deskHeaders: (deskCode) => ({
      authorization: `Bearer ${ready.deskTokens[deskCode] ?? ''}`,
      'x-vikno-actor': 'clerk-e2e',
      'x-vikno-protocol': String(PROTOCOL_VERSION),
      'content-type': 'application/json',
    }),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
