/**
 * Builds the kiosk, board and bookings pages into `outDir` (dist/server/pages): one HTML file per
 * page, and under assets/ each page's script and style bundled by esbuild, plus the chime. The
 * HTML is written here, not kept as files, so the three stay alike and load only their own bundle.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const source = join(import.meta.dirname, 'src');

/** The pages, by file name, with the title their HTML carries before the script names them in the chosen language. */
export const PAGES = { kiosk: 'Електронна черга', board: 'Табло черги', bookings: 'Попередній запис' } as const;
export type PageName = keyof typeof PAGES;

export function pageHtml(name: PageName): string {
  return `<!doctype html>
<html lang="uk">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${PAGES[name]}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/assets/${name}.css" />
    <script type="module" src="/assets/${name}.js"></script>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`;
}

export async function buildPages(outDir: string): Promise<void> {
  const assets = join(outDir, 'assets');
  mkdirSync(assets, { recursive: true });
  const names = Object.keys(PAGES) as PageName[];
  await build({
    entryPoints: Object.fromEntries(names.map((name) => [name, join(source, name, 'main.ts')])),
    outdir: assets,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    // zod and the protocol, shared by the three pages, load once as a common chunk.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const name of names) writeFileSync(join(outDir, `${name}.html`), pageHtml(name));
  copyFileSync(join(import.meta.dirname, 'assets', 'chime.wav'), join(assets, 'chime.wav'));
}
