/**
 * Builds the kiosk, board and bookings pages into `outDir` (dist/server/pages): one HTML file per
 * page, and under assets/ each page's script and style bundled by esbuild, plus the chime. The
 * HTML is written here, not kept as files, so the three stay alike and load only their own bundle.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const source = join(import.meta.dirname, 'src');

/** Every folder of src/ with a main.ts is a page (common/ holds what they share). */
function pageNames(): string[] {
  return readdirSync(source).filter((name) => existsSync(join(source, name, 'main.ts')));
}

/** The page's shell; its script names it (document.title) in the chosen language. */
export function pageHtml(name: string): string {
  return `<!doctype html>
<html lang="uk">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Vikno</title>
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
  const names = pageNames();
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
