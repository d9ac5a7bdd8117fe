/** Reads a PDF back with poppler, as another program would: pages, sizes, turns and embedded images. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PopplerPage {
  width: number;
  height: number;
  rotation: number;
}

export interface PopplerImage {
  page: number;
  width: number;
  height: number;
  color: string;
  bpc: number;
  encoding: string;
  xPpi: number;
  yPpi: number;
}

function withFile<T>(pdf: Uint8Array, read: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-poppler-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    return read(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdfPages(pdf: Uint8Array): PopplerPage[] {
  return withFile(pdf, (path) => {
    const count = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path]).toString())![1]);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(count), path]).toString();
    return Array.from({ length: count }, (_, i) => {
      const size = new RegExp(`^Page\\s+${i + 1} size:\\s+([\\d.]+) x ([\\d.]+) pts`, 'm').exec(info)!;
      const rot = new RegExp(`^Page\\s+${i + 1} rot:\\s+(\\d+)`, 'm').exec(info)!;
      return { width: Number(size[1]), height: Number(size[2]), rotation: Number(rot[1]) };
    });
  });
}

export function pdfImages(pdf: Uint8Array): PopplerImage[] {
  return withFile(pdf, (path) =>
    execFileSync('pdfimages', ['-list', path])
      .toString()
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const f = line.trim().split(/\s+/);
        return {
          page: Number(f[0]),
          width: Number(f[3]),
          height: Number(f[4]),
          color: f[5]!,
          bpc: Number(f[7]),
          encoding: f[8]!,
          xPpi: Number(f[12]),
          yPpi: Number(f[13]),
        };
      }),
  );
}

/** The JPEG images exactly as stored in the PDF (`pdfimages -j` writes DCT streams out unchanged), in order. */
export function pdfJpegs(pdf: Uint8Array): Buffer[] {
  return withFile(pdf, (path, dir) => {
    execFileSync('pdfimages', ['-j', path, join(dir, 'img')]);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.jpg'))
      .sort()
      .map((name) => readFileSync(join(dir, name)));
  });
}

/** Page `n` (1-based) drawn at `dpi` as a grayscale PNG, by poppler. */
export function renderPage(pdf: Uint8Array, n: number, dpi: number): Buffer {
  return withFile(pdf, (path, dir) => {
    execFileSync('pdftoppm', [
      '-f',
      String(n),
      '-l',
      String(n),
      '-r',
      String(dpi),
      '-gray',
      '-png',
      '-singlefile',
      path,
      join(dir, 'page'),
    ]);
    return readFileSync(join(dir, 'page.png'));
  });
}
