import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, formatDay } from '../../../shared/calendar';
import { localDay, localDayStart } from '../../../shared/local-day';

describe('localDayStart', () => {
  it('is the first instant of the local day, clock changes included', () => {
    const days = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map(formatDay);
    fc.assert(
      fc.property(days, fc.constantFrom('Europe/Kyiv', 'America/Sao_Paulo', 'Asia/Kolkata', 'UTC'), (day, zone) => {
        const start = localDayStart(day, zone);
        expect(localDay(start, zone)).toBe(day);
        expect(localDay(new Date(start.getTime() - 1), zone)).toBe(addDays(day, -1));
      }),
    );
  });
});
