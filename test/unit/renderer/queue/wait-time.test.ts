import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockOffsetMs, waitedSeconds, waitParts, waitText } from '../../../../renderer/src/features/queue/wait-time';
import { dictionaries } from '../../../../renderer/src/i18n/dictionaries';
import { createTranslate } from '../../../../renderer/src/i18n/translate';

const uk = createTranslate(dictionaries.uk);
const en = createTranslate(dictionaries.en);

describe('how long a ticket waited', () => {
  it('counts whole seconds and never goes negative', () => {
    const issued = '2026-12-03T09:00:00.000Z';
    const at = Date.parse(issued);
    expect(waitedSeconds(issued, at + 90_999)).toBe(90);
    expect(waitedSeconds(issued, at - 5_000)).toBe(0);
    expect(waitedSeconds('not a time', at)).toBe(0);
  });

  it('splits into hours and minutes that add back up to the whole minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 200_000 }), (seconds) => {
        const { hours, minutes } = waitParts(seconds);
        expect(minutes).toBeGreaterThanOrEqual(0);
        expect(minutes).toBeLessThan(60);
        expect(hours * 60 + minutes).toBe(Math.floor(Math.max(0, seconds) / 60));
      }),
    );
  });

  it('never shows less for a longer wait', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (a, b) => {
        const [short, long] = [waitParts(Math.min(a, b)), waitParts(Math.max(a, b))];
        expect(long.hours * 60 + long.minutes).toBeGreaterThanOrEqual(short.hours * 60 + short.minutes);
      }),
    );
  });

  it('reads as the clerk says it, in both languages', () => {
    expect(waitText(uk, 59)).toBe('менше хвилини');
    expect(waitText(uk, 12 * 60 + 5)).toBe('12 хв');
    expect(waitText(uk, 65 * 60)).toBe('1 год 05 хв');
    expect(waitText(en, 65 * 60)).toBe('1 h 05 min');
  });

  it('uses the back office’s clock: the offset between its time and the desk’s when the state came', () => {
    expect(clockOffsetMs('2026-12-03T09:30:10.000Z', Date.parse('2026-12-03T09:30:00.000Z'))).toBe(10_000);
    expect(clockOffsetMs(undefined, 123)).toBe(0);
    expect(clockOffsetMs('garbage', 123)).toBe(0);
  });
});
