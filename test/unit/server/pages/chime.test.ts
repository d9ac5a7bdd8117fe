import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chimeSamples, chimeWav } from '../../../../server/pages/chime';

const shipped = readFileSync(join(import.meta.dirname, '../../../../server/pages/assets/chime.wav'));

describe('the board’s chime', () => {
  it('is the file scripts/make-chime.ts writes (regenerate it after changing chime.ts)', () => {
    expect(Buffer.from(chimeWav()).equals(shipped)).toBe(true);
  });

  it('is a 16-bit mono PCM WAV whose sizes match its samples', () => {
    const view = new DataView(shipped.buffer, shipped.byteOffset, shipped.byteLength);
    expect(shipped.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(shipped.subarray(8, 16).toString('ascii')).toBe('WAVEfmt ');
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(4, true)).toBe(shipped.length - 8);
    expect(view.getUint32(40, true)).toBe(shipped.length - 44);
  });

  it('is heard (loud enough, not clipped) and fades out instead of ending in a click', () => {
    const samples = chimeSamples();
    const peak = Math.max(...samples.map(Math.abs));
    expect(peak).toBeGreaterThan(8_000);
    expect(peak).toBeLessThan(32_767);
    const tail = samples.subarray(samples.length - 200);
    expect(Math.max(...tail.map(Math.abs))).toBeLessThan(peak / 20);
  });
});
