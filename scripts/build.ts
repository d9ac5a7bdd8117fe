/**
 * `npm run build`: the renderer with Vite into dist/renderer, and main, preload, the backend
 * process and the browser host with esbuild into dist/main, and the back office's kiosk, board and
 * bookings pages into dist/server/pages. Native and optional modules stay
 * external: better-sqlite3 ships its Node-API binary in the package, loaded at run time.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { buildPages } from '../server/pages/build-pages.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'main');

const nodeEntries: Record<string, string> = {
  electron: 'main/electron/index.ts',
  preload: 'main/preload/index.ts',
  backend: 'main/backend/transport/utility-entry.ts',
  'browser-host': 'main/browser-host.ts',
  // The receipt PDF's worker thread (main/backend/receipts/receipt-renderer.ts), pdf-lib bundled in it.
  'receipt-worker': 'main/backend/receipts/receipt-worker.ts',
};

export async function buildAll(): Promise<void> {
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  await Promise.all(
    Object.entries(nodeEntries).map(([name, entry]) =>
      esbuild({
        entryPoints: [join(root, entry)],
        outfile: join(out, `${name}.cjs`),
        bundle: true,
        platform: 'node',
        target: 'node24',
        format: 'cjs',
        sourcemap: 'linked',
        // sharp, like better-sqlite3, loads its prebuilt native binary (@img/sharp-<platform>) at run time.
        external: ['electron', 'better-sqlite3', 'sharp', 'bufferutil', 'utf-8-validate'],
        logLevel: 'warning',
      }),
    ),
  );
  await buildPages(join(root, 'dist', 'server', 'pages'));
  // The receipt PDF embeds these; the bundled backend reads them from fonts/ beside itself.
  cpSync(join(root, 'main', 'backend', 'receipts', 'fonts'), join(out, 'fonts'), { recursive: true });
  writeFileSync(join(root, 'dist', '.build-stamp'), new Date().toISOString());
}

if (import.meta.main) {
  await buildAll();
  process.stdout.write('Built dist/renderer, dist/main and dist/server/pages\n');
}
