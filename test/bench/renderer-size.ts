/** The renderer's JavaScript as the browser receives it: all chunks, and those the first paint loads. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface RendererSize {
  /** Every .js file under dist/renderer, each gzipped on its own (as served), in bytes. */
  totalGzip: number;
  /** The entry script and the chunks index.html preloads with it: what loads before the first screen shows. */
  initialGzip: number;
  chunks: number;
}

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Reads dist/renderer as `npm run build` left it. */
export function rendererSize(rendererDir: string): RendererSize {
  const scripts = readdirSync(rendererDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  // Vite writes the entry as <script type="module" src> and its static imports as <link rel="modulepreload" href>.
  const initial = [...html.matchAll(/<(?:script type="module"[^>]* src|link rel="modulepreload"[^>]* href)="\.?\/?([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  if (initial.length === 0) throw new Error(`${relative(process.cwd(), rendererDir)}/index.html names no entry script`);
  return {
    totalGzip: scripts.reduce((sum, f) => sum + gzipSize(join(rendererDir, f)), 0),
    initialGzip: initial.reduce((sum, f) => sum + gzipSize(join(rendererDir, f)), 0),
    chunks: scripts.length,
  };
}
