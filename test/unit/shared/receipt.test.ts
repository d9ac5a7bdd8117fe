import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentLines, isSuperseded, keptTotals, latestVersions } from '../../../shared/domain/receipt';
import type { ReceiptVersion } from '../../../shared/domain/receipt';

const line = fc.record({
  name: fc.string({ minLength: 1, maxLength: 5 }),
  original: fc.boolean(),
  sheets: fc.integer({ min: 1, max: 20 }),
  returned: fc.boolean(),
});

/** Receipts as a case accumulates them: per опис 1..n, versions 1..m, in any order. */
const receipts = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(line, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 4 })
  .chain((perNumber) => {
    const all: ReceiptVersion[] = perNumber.flatMap(([versions, lines], i) =>
      Array.from({ length: versions }, (_, v) => ({
        number: i + 1,
        version: v + 1,
        issuedAt: '2026-11-27T09:30:00.000Z',
        clerkId: 'c',
        clerkName: 'К',
        lines: lines.map((l) => ({ ...l, name: `${l.name}-${i + 1}.${v + 1}` })),
        correction: v === 0 ? null : { position: 1, reason: 'r' },
        layout: 2 as const,
      })),
    );
    return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
  });

describe('receipt versions', () => {
  it('the newest version of each опис, in number order, is exactly the one nothing supersedes', () => {
    fc.assert(
      fc.property(receipts, (rs) => {
        const latest = latestVersions(rs);
        expect(latest.map((r) => r.number)).toEqual([...new Set(rs.map((r) => r.number))].sort((a, b) => a - b));
        expect(latest).toEqual(rs.filter((r) => !isSuperseded(r, rs)).sort((a, b) => a.number - b.number));
      }),
    );
  });

  it('the current lines are the newest versions’ lines in опис order, whatever order the versions come in', () => {
    fc.assert(
      fc.property(receipts, (rs) => {
        expect(currentLines(rs)).toEqual(latestVersions(rs).flatMap((r) => r.lines));
        expect(currentLines([...rs].reverse())).toEqual(currentLines(rs));
      }),
    );
  });

  it('counts in the case only the lines handed in', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), (lines) => {
        const kept = lines.filter((l) => !l.returned);
        expect(keptTotals(lines)).toEqual({ documents: kept.length, sheets: kept.reduce((n, l) => n + l.sheets, 0) });
      }),
    );
  });
});
