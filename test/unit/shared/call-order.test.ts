/** The one call order, checked against the rule as centers state it, written here as a plain selection. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callComparator, pickNext } from '../../../shared/domain/call-order';
import type { CallCandidate } from '../../../shared/domain/call-order';
import type { WorkProfile } from '../../../shared/domain/queue-config';

const NOW = Date.parse('2026-12-07T10:00:00.000Z');
const QUEUES = ['A', 'B', 'C', 'D'];
const DESKS = ['D1', 'D2'];
const at = (minutesBefore: number) => new Date(NOW - minutesBefore * 60_000).toISOString();

const candidate = fc.record({
  id: fc.uuid(),
  queueCode: fc.constantFrom(...QUEUES),
  priority: fc.boolean(),
  // Slots from an hour ago to an hour ahead: some begun, some not.
  bookedSlotStart: fc.option(
    fc.integer({ min: -60, max: 60 }).map((m) => at(m)),
    { nil: null },
  ),
  issuedAt: fc.integer({ min: 0, max: 120 }).map((m) => at(m)),
  targetDeskCode: fc.option(fc.constantFrom(...DESKS), { nil: null, freq: 5 }),
});

const profile: fc.Arbitrary<WorkProfile> = fc.record({
  strategy: fc.constantFrom('longest_wait' as const, 'in_order' as const),
  queues: fc
    .uniqueArray(fc.constantFrom(...QUEUES), { minLength: 1, maxLength: 4 })
    .chain((codes) => fc.tuple(...codes.map((code) => fc.integer({ min: 1, max: 10 }).map((weight) => ({ queueCode: code, weight }))))),
});

/** Earliest by the given keys, the id last: a total order, so the winner is unique. */
function earliest(list: CallCandidate[], key: (c: CallCandidate) => number): CallCandidate {
  return list.reduce((best, c) => {
    const [kb, kc] = [key(best), key(c)];
    if (kc !== kb) return kc < kb ? c : best;
    const [ib, ic] = [Date.parse(best.issuedAt), Date.parse(c.issuedAt)];
    if (ic !== ib) return ic < ib ? c : best;
    return c.id < best.id ? c : best;
  });
}

/** The rule: booked in slot (earliest slot), then priority (longest waiting), then the profile. */
function expectedNext(all: CallCandidate[], p: WorkProfile, desk: string): CallCandidate | null {
  const mine = all.filter((c) =>
    c.targetDeskCode === null ? p.queues.some((q) => q.queueCode === c.queueCode) : c.targetDeskCode === desk,
  );
  if (mine.length === 0) return null;
  const booked = mine.filter((c) => c.bookedSlotStart !== null && Date.parse(c.bookedSlotStart) <= NOW);
  if (booked.length > 0) return earliest(booked, (c) => Date.parse(c.bookedSlotStart!));
  const priority = mine.filter((c) => c.priority);
  if (priority.length > 0) return earliest(priority, () => 0);
  if (p.strategy === 'in_order') {
    for (const entry of p.queues) {
      const inQueue = mine.filter((c) => c.queueCode === entry.queueCode);
      if (inQueue.length > 0) return earliest(inQueue, () => 0);
    }
    // Only tickets transferred to this desk from queues outside its profile are left.
    return earliest(mine, () => 0);
  }
  const weight = (c: CallCandidate) => p.queues.find((q) => q.queueCode === c.queueCode)?.weight ?? 1;
  return earliest(mine, (c) => -(NOW - Date.parse(c.issuedAt)) * weight(c));
}

describe('call order', () => {
  it('pickNext calls whom the rule says', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 30 }), profile, fc.constantFrom(...DESKS), (all, p, desk) => {
        expect(pickNext(all, p, desk, new Date(NOW))?.id ?? null).toBe(expectedNext(all, p, desk)?.id ?? null);
      }),
      { numRuns: 500 },
    );
  });

  it('callComparator sorts so that taking the head again and again follows the rule', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 15 }), profile, (all, p) => {
        const mine = all.filter((c) => c.targetDeskCode === null && p.queues.some((q) => q.queueCode === c.queueCode));
        const sorted = [...mine].sort(callComparator(p, new Date(NOW)));
        const drained: string[] = [];
        const left = [...mine];
        while (left.length > 0) {
          const next = expectedNext(left, p, 'D1')!;
          drained.push(next.id);
          left.splice(left.indexOf(next), 1);
        }
        expect(sorted.map((c) => c.id)).toEqual(drained);
      }),
      { numRuns: 300 },
    );
  });
});
