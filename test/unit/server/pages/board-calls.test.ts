import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BoardCall } from '../../../../shared/queue-protocol';
import { BOARD_ROWS, isNewCall, mergeCalls } from '../../../../server/pages/src/board/calls';

const call = (seq: number, number: string, window = '1'): BoardCall => ({ seq, number, window, at: '2026-12-03T08:00:00.000Z' });

describe('the board list', () => {
  it('puts the newest call first and a recall of a number on top, shown once', () => {
    const list = mergeCalls([], [call(1, 'А001'), call(2, 'А002', '3')]);
    expect(list.map((c) => c.number)).toEqual(['А002', 'А001']);
    const recalled = mergeCalls(list, [call(3, 'А001', '4')]);
    expect(recalled).toEqual([call(3, 'А001', '4'), call(2, 'А002', '3')]);
  });

  it('keeps a call that arrives twice (live and with the state after a reconnect) once', () => {
    const list = mergeCalls([call(5, 'П001')], [call(5, 'П001'), call(4, 'А009')]);
    expect(list).toEqual([call(5, 'П001'), call(4, 'А009')]);
  });

  it(`shows at most ${BOARD_ROWS} rows, dropping the oldest`, () => {
    const calls = Array.from({ length: BOARD_ROWS + 3 }, (_, i) => call(i + 1, `А${String(i + 1).padStart(3, '0')}`));
    const list = mergeCalls([], calls);
    expect(list).toHaveLength(BOARD_ROWS);
    expect(list[0]?.seq).toBe(BOARD_ROWS + 3);
    expect(list.at(-1)?.seq).toBe(4);
  });

  it('rings only for a call newer than everything shown', () => {
    const list = [call(7, 'А003'), call(6, 'А002')];
    expect(isNewCall(list, call(8, 'А004'))).toBe(true);
    expect(isNewCall(list, call(7, 'А003'))).toBe(false);
    expect(isNewCall(list, call(5, 'А001'))).toBe(false);
    expect(isNewCall([], call(0, 'А001'))).toBe(true);
  });

  const calls = fc.array(
    fc.record({
      seq: fc.nat({ max: 40 }),
      number: fc.constantFrom('А001', 'А002', 'А003', 'П001', 'П002', 'Б001', 'Б002', 'Л001', 'А004', 'А005'),
      window: fc.constantFrom('1', '2', '3'),
    }),
    { maxLength: 30 },
  );
  const unique = (list: Array<Omit<BoardCall, 'at'>>): BoardCall[] => {
    // One call per seq, as the server numbers them.
    const bySeq = new Map(list.map((c) => [c.seq, { ...c, at: '2026-12-03T08:00:00.000Z' }]));
    return [...bySeq.values()];
  };

  it('gives the same list whatever order and batches the calls come in', () => {
    fc.assert(
      fc.property(calls, fc.nat(), (raw, cut) => {
        const all = unique(raw);
        const at = all.length === 0 ? 0 : cut % all.length;
        const inTwo = mergeCalls(mergeCalls([], all.slice(at)), all.slice(0, at));
        const oneByOne = [...all].reverse().reduce((list, c) => mergeCalls(list, [c]), [] as BoardCall[]);
        expect(inTwo).toEqual(mergeCalls([], all));
        expect(oneByOne).toEqual(mergeCalls([], all));
      }),
    );
  });

  it('is newest first, one row per number, the newest call of each number', () => {
    fc.assert(
      fc.property(calls, (raw) => {
        const all = unique(raw);
        const list = mergeCalls([], all);
        expect(list.length).toBeLessThanOrEqual(BOARD_ROWS);
        expect(new Set(list.map((c) => c.number)).size).toBe(list.length);
        list.slice(1).forEach((c, i) => expect(c.seq).toBeLessThan(list[i]!.seq));
        for (const shown of list) expect(Math.max(...all.filter((c) => c.number === shown.number).map((c) => c.seq))).toBe(shown.seq);
      }),
    );
  });
});
