import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_BYTES, ISSUED_NUMBERS_FILE, SLOT_BYTES, slotOffset } from '../../../main/backend/applications/issued-numbers-file';
import { openIssuedNumbers, sequenceKey } from '../../../main/backend/applications/issued-numbers';
import type { IssuedNumbers } from '../../../main/backend/applications/issued-numbers';
import { HAND_WRITTEN_NUMBERS_FILE } from '../../../main/backend/applications/issued-numbers-json';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

type Warning = { message: string; fields: Record<string, unknown>; level?: 'warn' | 'error' };

function open(dir: string, warnings: Warning[] = []): IssuedNumbers {
  return openIssuedNumbers(dir, (message, fields, level) => warnings.push({ message, fields, ...(level ? { level } : {}) }));
}

const KEYS = ['KV01/07/2026-11-01', 'KV01/07/2026-11-02', 'KV01/08/2026-11-02', 'LV02/01/2026-11-03'];
const key = (i: number) => KEYS[i % KEYS.length]!;

/** Writes (key index, value) or, for `null`, closes and reopens the file. */
const step = fc.oneof(fc.tuple(fc.nat(KEYS.length - 1), fc.integer({ min: 1, max: 99_999 })), fc.constant(null));

function expectHighest(numbers: IssuedNumbers, expected: Map<string, number>) {
  for (const k of KEYS) expect(numbers.highest(k)).toBe(expected.get(k) ?? 0);
}

describe('the issued-numbers file', () => {
  it('holds the highest number written per key, whatever the order of writes and reopenings, and leaves no other file', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const dir = tempDir();
        const expected = new Map<string, number>();
        let numbers = open(dir);
        for (const s of steps) {
          if (s === null) {
            numbers.close();
            numbers = open(dir);
          } else {
            numbers.keep(key(s[0]), s[1]);
            expected.set(key(s[0]), Math.max(expected.get(key(s[0])) ?? 0, s[1]));
          }
          expectHighest(numbers, expected);
        }
        numbers.close();
        numbers = open(dir);
        expectHighest(numbers, expected);
        numbers.close();
        expect(readdirSync(dir)).toEqual([ISSUED_NUMBERS_FILE]);
        expect(readFileSync(join(dir, ISSUED_NUMBERS_FILE))).toHaveLength(FILE_BYTES);
      }),
      { numRuns: 40 },
    );
  });

  it('a write torn anywhere by a crash loses at most that write: every key keeps at least what it had before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(KEYS.length - 1), fc.integer({ min: 1, max: 99_999 })), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (writes, cutAt, garbage) => {
          const dir = tempDir();
          const path = join(dir, ISSUED_NUMBERS_FILE);
          const numbers = open(dir);
          const before = new Map<string, number>();
          for (const [k, v] of writes.slice(0, -1)) {
            numbers.keep(key(k), v);
            before.set(key(k), Math.max(before.get(key(k)) ?? 0, v));
          }
          const old = readFileSync(path);
          const [lastKey, lastValue] = writes.at(-1)!;
          numbers.keep(key(lastKey), lastValue);
          numbers.close();
          const written = readFileSync(path);
          // A crash part-way through the last write: the bytes it changed, up to some point, reached the disk; the rest did not (or are garbage).
          const changed = [...written.keys()].filter((i) => written[i] !== old[i]);
          const cut = Math.floor(cutAt * changed.length);
          const torn = Buffer.from(old);
          changed.forEach((i, n) => {
            torn[i] = n < cut ? written[i]! : garbage ? 0xa5 : old[i]!;
          });
          writeFileSync(path, torn);

          const after = new Map(before);
          after.set(key(lastKey), Math.max(after.get(key(lastKey)) ?? 0, lastValue));
          const reopened = open(dir);
          for (const k of KEYS) {
            expect(reopened.highest(k)).toBeGreaterThanOrEqual(before.get(k) ?? 0);
            expect(reopened.highest(k)).toBeLessThanOrEqual(after.get(k) ?? 0);
          }
          reopened.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a slot of garbage is ignored: it invents no key or number, and lowers a key no further than its number before the last', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(KEYS.length - 1), fc.integer({ min: 1, max: 99_999 })), { minLength: 1, maxLength: 20 }),
        fc.nat(127),
        fc.uint8Array({ minLength: SLOT_BYTES, maxLength: SLOT_BYTES }),
        (writes, slot, bytes) => {
          const dir = tempDir();
          const path = join(dir, ISSUED_NUMBERS_FILE);
          const numbers = open(dir);
          /** Per key, the numbers that raised it, in order. */
          const raises = new Map<string, number[]>();
          for (const [k, v] of writes) {
            const list = raises.get(key(k)) ?? [];
            if (v > (list.at(-1) ?? 0)) list.push(v);
            raises.set(key(k), list);
            numbers.keep(key(k), v);
          }
          numbers.close();
          const file = readFileSync(path);
          Buffer.from(bytes).copy(file, slotOffset(slot));
          writeFileSync(path, file);

          const reopened = open(dir);
          for (const k of KEYS) {
            const list = raises.get(k) ?? [];
            expect(reopened.highest(k)).toBeLessThanOrEqual(list.at(-1) ?? 0);
            expect(reopened.highest(k)).toBeGreaterThanOrEqual(list.at(-2) ?? list.at(-1) ?? 0);
          }
          reopened.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the newest 64 days, and a day older than all of them in a full file is not kept', () => {
    const dir = tempDir();
    const days = Array.from({ length: 70 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const warnings: Warning[] = [];
    const numbers = open(dir, warnings);
    for (const day of days) numbers.keep(sequenceKey('KV01', '07', day), 3);
    expect(warnings).toEqual([]);
    numbers.keep(sequenceKey('KV01', '07', '2025-12-01'), 5);
    // Not kept, but said: a desk clock far behind the days it registered on is worth IT's look.
    expect(warnings).toEqual([expect.objectContaining({ fields: expect.objectContaining({ key: 'KV01/07/2025-12-01', value: 5 }) })]);
    numbers.close();
    const reopened = open(dir);
    const kept = days.filter((day) => reopened.highest(sequenceKey('KV01', '07', day)) === 3);
    expect(kept).toEqual(days.slice(6));
    expect(reopened.highest(sequenceKey('KV01', '07', '2025-12-01'))).toBe(0);
    reopened.close();
  });

  it('logs a write the disk refuses at error level, naming the number, and throws it to the caller', () => {
    const warnings: Warning[] = [];
    const numbers = open(tempDir(), warnings);
    numbers.keep('KV01/07/2026-11-26', 4);
    // Its descriptor closed underneath it: the next write fails as a disk that went away does (EBADF).
    numbers.close();
    expect(() => numbers.keep('KV01/07/2026-11-26', 5)).toThrow();
    expect(warnings).toEqual([
      expect.objectContaining({ level: 'error', fields: expect.objectContaining({ key: 'KV01/07/2026-11-26', value: 5 }) }),
    ]);
    expect(warnings[0]!.message).toMatch(/refused a write/);
  });

  it('carries registration-numbers.json (an upgraded desk’s, or one IT wrote) into the file, then removes it', () => {
    const dir = tempDir();
    const numbers = open(dir);
    numbers.keep('KV01/07/2026-11-26', 40);
    numbers.close();
    writeFileSync(
      join(dir, HAND_WRITTEN_NUMBERS_FILE),
      JSON.stringify({ 'KV01/07/2026-11-26': 9, 'KV01/07/2026-11-27': 12, 'KV01/07/2026-11-28': -1, 'KV01/07/2026-11-29': 2.5, x: '4' }),
    );
    const warnings: Warning[] = [];
    const carried = open(dir, warnings);
    expect([carried.highest('KV01/07/2026-11-26'), carried.highest('KV01/07/2026-11-27')]).toEqual([40, 12]);
    expect([carried.highest('KV01/07/2026-11-28'), carried.highest('KV01/07/2026-11-29'), carried.highest('x')]).toEqual([0, 0, 0]);
    carried.close();
    expect(warnings).toEqual([]);
    expect(readdirSync(dir)).toEqual([ISSUED_NUMBERS_FILE]);
    const reopened = open(dir);
    expect(reopened.highest('KV01/07/2026-11-27')).toBe(12);
    reopened.close();
  });

  it('keeps a registration-numbers.json it cannot read aside, with a warning, and never deletes it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, HAND_WRITTEN_NUMBERS_FILE), '{"KV01/07/2026-11-27": 3,');
    const warnings: Warning[] = [];
    open(dir, warnings).close();
    expect(warnings).toEqual([
      expect.objectContaining({ message: expect.stringContaining('registration-numbers.json cannot be read: kept aside') as string }),
    ]);
    const aside = readdirSync(dir).filter((name) => name.startsWith(`${HAND_WRITTEN_NUMBERS_FILE}.unreadable-`));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{"KV01/07/2026-11-27": 3,');
  });

  it('keeps a file it did not write (another size or header) aside, with a warning, and starts a new one', () => {
    for (const foreign of [Buffer.from('{"KV01/07/2026-11-27": 3}'), Buffer.alloc(FILE_BYTES, 7)]) {
      const dir = tempDir();
      writeFileSync(join(dir, ISSUED_NUMBERS_FILE), foreign);
      const warnings: Warning[] = [];
      const numbers = open(dir, warnings);
      expect(warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('kept aside, a new one made') as string })]);
      const aside = readdirSync(dir).filter((name) => name.startsWith(`${ISSUED_NUMBERS_FILE}.unreadable-`));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(dir, aside[0]!))).toEqual(foreign);
      numbers.keep('KV01/07/2026-11-27', 4);
      numbers.close();
      expect(open(dir).highest('KV01/07/2026-11-27')).toBe(4);
    }
  });
});
