import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detailLines, localDayStart } from '../../../main/backend/audit/audit-list';
import { localDay } from '../../../shared/local-day';

describe('an audit entry’s details for a person', () => {
  it('flattens nested objects, joins short lists, counts lists of ids and leaves single ids out', () => {
    expect(
      detailLines({
        from: 'registered',
        to: 'issued',
        mutationId: '01938a6e-7c1b-7a3e-9d5f-2b4c6d8e0f12',
        issuedUnpaid: { outstandingKopecks: 27900 },
        documentIds: ['01938a6e-7c1b-7a3e-9d5f-2b4c6d8e0f12', '01938a6e-7c1b-7a3e-9d5f-2b4c6d8e0f13'],
        grounds: ['incomplete', 'late'],
        insisted: true,
        empty: null,
      }),
    ).toEqual([
      { key: 'from', value: 'registered' },
      { key: 'to', value: 'issued' },
      { key: 'issuedUnpaid.outstandingKopecks', value: '27900' },
      { key: 'documentIds', value: '2' },
      { key: 'grounds', value: 'incomplete, late' },
      { key: 'insisted', value: 'true' },
    ]);
  });

  it('gives each scalar as written and each list joined or counted, under its path: never an object as text', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
      object: fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), tie('value'), { maxKeys: 4 }),
    })).object;
    fc.assert(
      fc.property(json, (details) => {
        for (const line of detailLines(details)) {
          const leaf = line.key.split('.').reduce<unknown>((at, name) => (at as Record<string, unknown>)[name], details);
          if (Array.isArray(leaf)) {
            const scalars = leaf.every((v) => typeof v === 'string' || typeof v === 'number');
            expect(scalars ? [leaf.join(', '), String(leaf.length)] : [String(leaf.length)]).toContain(line.value);
          } else expect(line.value).toBe(String(leaf));
          expect(line.value).not.toContain('[object Object]');
        }
      }),
    );
  });
});

describe('the instant a local day begins', () => {
  it('is midnight on the center’s clock, on either side of a clock change', () => {
    expect(localDayStart('2026-12-01', 'Europe/Kyiv')).toBe('2026-11-30T22:00:00.000Z');
    expect(localDayStart('2026-07-01', 'Europe/Kyiv')).toBe('2026-06-30T21:00:00.000Z');
    // The days the clocks move (29 March and 25 October 2026 in Kyiv).
    expect(localDayStart('2026-03-29', 'Europe/Kyiv')).toBe('2026-03-28T22:00:00.000Z');
    expect(localDayStart('2026-03-30', 'Europe/Kyiv')).toBe('2026-03-29T21:00:00.000Z');
    expect(localDayStart('2026-10-26', 'Europe/Kyiv')).toBe('2026-10-25T22:00:00.000Z');
    // Auckland leaves summer time at 03:00 on 5 April 2026, after UTC's midnight of that day: the offset at
    // UTC midnight (+12) is not the one at local midnight (+13), which a second look corrects.
    expect(localDayStart('2026-04-05', 'Pacific/Auckland')).toBe('2026-04-04T11:00:00.000Z');
  });

  it('belongs to that day, and the instant before it to the day before, in any zone', () => {
    const day = fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom('Europe/Kyiv', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'), (d, zone) => {
        const start = Date.parse(localDayStart(d, zone));
        expect(localDay(new Date(start), zone)).toBe(d);
        expect(localDay(new Date(start - 1), zone)).not.toBe(d);
      }),
    );
  });
});
