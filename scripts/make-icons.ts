/**
 * `node scripts/make-icons.ts`: renders build/icon.svg into the icons electron-builder takes from
 * build/ (its buildResources): icon.png (1024, Linux and the fallback), icon-512.png, icon.ico
 * (Windows, 16–256 px) and icon.icns (macOS, 16–1024 px). The outputs are committed, since
 * packaging machines need no extra step; test/unit/packaging/icons.test.ts checks they are whole
 * and that they are what the SVG renders to today.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { ICNS_TYPES, writeIcns, writeIco } from './icons/containers.ts';

const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

export async function makeIcons(buildDir: string, outDir = buildDir): Promise<string[]> {
  const svg = readFileSync(join(buildDir, 'icon.svg'));
  // density scales the 1024-unit SVG so even 1024 px renders from vectors, not an enlarged bitmap.
  const render = (size: number) =>
    sharp(svg, { density: 72 * 4 })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toBuffer();
  const sizes = [...new Set([...ICO_SIZES, ...ICNS_TYPES.map((t) => t.size), 512, 1024])];
  const pngs = new Map(await Promise.all(sizes.map(async (size) => [size, await render(size)] as const)));
  const at = (size: number): Buffer => {
    const png = pngs.get(size);
    if (!png) throw new Error(`No ${size} px rendering`);
    return png;
  };
  const files: [string, Buffer][] = [
    ['icon.png', at(1024)],
    ['icon-512.png', at(512)],
    ['icon.ico', writeIco(ICO_SIZES.map(at))],
    ['icon.icns', writeIcns(ICNS_TYPES.map(({ type, size }) => ({ type, png: at(size) })))],
  ];
  for (const [name, bytes] of files) writeFileSync(join(outDir, name), bytes);
  return files.map(([name]) => join(outDir, name));
}

// An optional argument names another output folder (the test renders there and compares).
if (import.meta.main) {
  const buildDir = join(import.meta.dirname, '..', 'build');
  const written = await makeIcons(buildDir, process.argv[2] ?? buildDir);
  process.stdout.write(`Wrote ${written.join(', ')}\n`);
}
