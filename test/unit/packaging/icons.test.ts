import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, pngSize, readIcns, readIco, writeIcns, writeIco } from '../../../scripts/icons/containers';

// The icons scripts/make-icons.ts rendered from build/icon.svg into electron-builder's buildResources.
const file = (name: string) => readFileSync(`build/${name}`);

describe('build/ icons', () => {
  it('has the 1024 and 512 px PNGs Linux and electron-builder fall back on', () => {
    expect(pngSize(file('icon.png'))).toEqual({ width: 1024, height: 1024 });
    expect(pngSize(file('icon-512.png'))).toEqual({ width: 512, height: 512 });
  });

  it('has a Windows icon with every size from 16 to 256 px, each a whole PNG of the size its entry says', () => {
    const entries = readIco(file('icon.ico'));
    expect(entries.map((e) => e.width)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of entries) {
      expect(entry.height).toBe(entry.width);
      expect(entry.bitsPerPixel).toBe(32);
      expect(pngSize(entry.image)).toEqual({ width: entry.width, height: entry.height });
    }
  });

  it('has a macOS icon with the PNG element types from 16 to 1024 px', () => {
    const elements = readIcns(file('icon.icns'));
    expect(elements.map((e) => e.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    for (const [i, element] of elements.entries()) {
      const size = ICNS_TYPES[i]?.size;
      expect(pngSize(element.data), element.type).toEqual({ width: size, height: size });
    }
  });
});

describe('build/ icons are current', () => {
  it('are exactly what scripts/make-icons.ts renders from build/icon.svg (run it after editing the SVG)', () => {
    const out = mkdtempSync(join(tmpdir(), 'vikno-icons-'));
    try {
      execFileSync(process.execPath, ['scripts/make-icons.ts', out]);
      for (const name of ['icon.png', 'icon-512.png', 'icon.ico', 'icon.icns']) {
        expect(readFileSync(join(out, name)).equals(file(name)), name).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('icon containers', () => {
  const png = (size: number) => {
    // A PNG header is all pngSize and the containers read; the rest of the bytes are carried as they are.
    const bytes = Buffer.alloc(40, 7);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
    bytes.writeUInt32BE(13, 8);
    bytes.write('IHDR', 12, 'latin1');
    bytes.writeUInt32BE(size, 16);
    bytes.writeUInt32BE(size, 20);
    return bytes;
  };

  it('round-trips ICO images, 256 px written as 0 in the one-byte size fields', () => {
    const ico = writeIco([png(16), png(256)]);
    expect(ico[6 + 16]).toBe(0);
    const back = readIco(ico);
    expect(back.map((e) => [e.width, e.height])).toEqual([
      [16, 16],
      [256, 256],
    ]);
    expect(back[1]?.image.equals(png(256))).toBe(true);
  });

  it('refuses what ICO cannot hold and what is not a PNG', () => {
    expect(() => writeIco([png(512)])).toThrow(/at most 256 px/);
    expect(() => pngSize(Buffer.from('GIF89a and then some more bytes here'))).toThrow(/Not a PNG/);
  });

  it('round-trips ICNS elements and checks the length fields', () => {
    const icns = writeIcns([
      { type: 'icp4', png: png(16) },
      { type: 'ic10', png: png(1024) },
    ]);
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(readIcns(icns).map((e) => [e.type, pngSize(e.data).width])).toEqual([
      ['icp4', 16],
      ['ic10', 1024],
    ]);
    expect(() => readIcns(icns.subarray(0, icns.length - 1))).toThrow(/length field/);
  });
});
