import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readIssuedNumbers, sequenceKey, writeIssuedNumber } from '../../../main/backend/applications/issued-numbers-file';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('the issued-numbers file', () => {
  it('only ever raises a day’s number, whatever order the writes come in, and leaves no temp file', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 9999 })), { minLength: 1, maxLength: 20 }),
        (writes) => {
          const dir = tempDir();
          const path = join(dir, 'registration-numbers.json');
          for (const [day, value] of writes) writeIssuedNumber(path, sequenceKey('KV01', '07', `2026-11-0${day}`), value);
          const expected: Record<string, number> = {};
          for (const [day, value] of writes) {
            const key = sequenceKey('KV01', '07', `2026-11-0${day}`);
            expected[key] = Math.max(expected[key] ?? 0, value);
          }
          expect(readIssuedNumbers(path)).toEqual(expected);
          expect(readdirSync(dir)).toEqual(['registration-numbers.json']);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('keeps the newest 60 days', () => {
    const path = join(tempDir(), 'registration-numbers.json');
    const days = Array.from({ length: 70 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    for (const day of days) writeIssuedNumber(path, sequenceKey('KV01', '07', day), 1);
    expect(Object.keys(readIssuedNumbers(path)).sort()).toEqual(days.slice(10).map((day) => sequenceKey('KV01', '07', day)));
  });

  it('reads a missing file as empty and ignores a hand-broken one and values that are not positive whole numbers', () => {
    const dir = tempDir();
    const path = join(dir, 'registration-numbers.json');
    expect(readIssuedNumbers(path)).toEqual({});
    writeFileSync(path, '{"KV01/07/2026-11-27": 3,');
    expect(readIssuedNumbers(path)).toEqual({});
    writeFileSync(path, JSON.stringify({ 'KV01/07/2026-11-27': 3, 'KV01/07/2026-11-28': -1, 'KV01/07/2026-11-29': 2.5, x: '4' }));
    expect(readIssuedNumbers(path)).toEqual({ 'KV01/07/2026-11-27': 3 });
  });
});
