/**
 * A status move applied to the record as the back office keeps it (server/sync/apply/status-move.ts),
 * the step a desk's push and the provider's endpoint share: the record that comes out, or the rules
 * the move breaks as a desk's rejection names them.
 */
import { describe, expect, it } from 'vitest';
import { moveStatus, representativeMayReceive } from '../../../../../server/sync/apply/status-move';
import type { EntityData } from '../../../../../server/sync/entity-store';

type Payload = Parameters<typeof moveStatus>[1];
const rules = { representativeMayReceive: false, unclaimedAfterDays: 30, refusalGrounds: ['g1', 'g2'] };
/** A registered case as registration leaves it, with a field no move touches. */
const registered: EntityData = { id: 'a-1', status: 'registered', dueDate: '2026-11-20', notes: 'Принесе довідку' };
const move = (from: Payload['from'], to: Payload['to'], extra: Partial<Payload> = {}): Payload => ({
  from,
  to,
  reason: null,
  at: '2026-11-02T22:30:00.000Z',
  ...extra,
});
const facts = {
  outcome: null,
  receiver: null,
  trackingNumber: null,
  transferTo: null,
  withdrawal: null,
  handedOffOn: null,
  resultReadyOn: null,
  suspensions: [],
  originalDueDate: null,
};

describe('moveStatus', () => {
  it('moves the status, keeps the rest of the record and dates the hand-off by the desk’s local day', () => {
    expect(moveStatus(registered, move('registered', 'sent_to_provider', { day: '2026-11-03' }), rules)).toEqual({
      ok: true,
      record: { ...registered, ...facts, status: 'sent_to_provider', handedOffOn: '2026-11-03' },
    });
  });

  it('takes the day from the time of the move when the desk sent none (earlier versions)', () => {
    expect(moveStatus(registered, move('registered', 'sent_to_provider'), rules)).toMatchObject({
      ok: true,
      record: { handedOffOn: '2026-11-02' },
    });
  });

  it('refuses a move the machine has no arrow for, and one that lacks what it needs', () => {
    expect(moveStatus(registered, move('registered', 'issued'), rules)).toEqual({
      ok: false,
      problems: [{ path: ['to'], message: 'not allowed from registered' }],
    });
    expect(moveStatus(registered, move('registered', 'withdrawn'), rules)).toEqual({
      ok: false,
      problems: [{ path: ['withdrawal'], message: 'required' }],
    });
  });

  it('counts a blank reason as none', () => {
    expect(moveStatus(registered, move('registered', 'registered_in_error', { reason: '   ' }), rules)).toEqual({
      ok: false,
      problems: [{ path: ['reason'], message: 'required' }],
    });
    expect(moveStatus(registered, move('registered', 'registered_in_error', { reason: null }), rules)).toMatchObject({ ok: false });
    expect(moveStatus(registered, move('registered', 'registered_in_error', { reason: 'Дубль' }), rules)).toMatchObject({
      ok: true,
      record: { status: 'registered_in_error' },
    });
  });

  it('records the reason of a suspension, and closes it on the day the case resumes', () => {
    const inProgress = { ...registered, status: 'in_progress' };
    const suspended = moveStatus(inProgress, move('in_progress', 'needs_info', { reason: 'Немає довідки', day: '2026-11-03' }), rules);
    expect(suspended).toMatchObject({ ok: true, record: { suspensions: [{ from: '2026-11-03', to: null, reason: 'Немає довідки' }] } });
    if (!suspended.ok) throw new Error('suspension refused');
    expect(moveStatus(suspended.record, move('needs_info', 'in_progress', { day: '2026-11-09', dueDate: '2026-11-26' }), rules)).toEqual({
      ok: true,
      record: {
        ...suspended.record,
        status: 'in_progress',
        suspensions: [{ from: '2026-11-03', to: '2026-11-09', reason: 'Немає довідки' }],
        dueDate: '2026-11-26',
        originalDueDate: '2026-11-20',
      },
    });
  });

  it('keeps the decision, the receiver, the tracking number, the transfer and the withdrawal a move brings', () => {
    const sent = { ...registered, status: 'sent_to_provider' };
    const positive = { kind: 'positive' as const, decisionNumber: '12', decisionDate: '2026-11-02' };
    expect(moveStatus(sent, move('sent_to_provider', 'result_ready', { outcome: positive, day: '2026-11-04' }), rules)).toMatchObject({
      ok: true,
      record: { outcome: positive, resultReadyOn: '2026-11-04' },
    });
    const transfer = move('sent_to_provider', 'transferred', { transferTo: 'ЦНАП Львів', reason: 'Не за місцем' });
    expect(moveStatus(sent, transfer, rules)).toMatchObject({ ok: true, record: { transferTo: 'ЦНАП Львів' } });
    const withdrawal = { requestNumber: '7', requestDate: '2026-11-02' };
    expect(moveStatus(sent, move('sent_to_provider', 'withdrawn', { withdrawal }), rules)).toMatchObject({
      ok: true,
      record: { withdrawal },
    });
    const ready = { ...registered, status: 'result_ready', resultReadyOn: '2026-11-01' };
    const receiver = { party: 'applicant' as const, name: 'Олена Коваль', document: 'паспорт' };
    expect(moveStatus(ready, move('result_ready', 'issued', { receiver }), rules)).toMatchObject({
      ok: true,
      record: { receiver, status: 'issued' },
    });
    expect(moveStatus(ready, move('result_ready', 'sent_by_post', { trackingNumber: '0500' }), rules)).toMatchObject({
      ok: true,
      record: { trackingNumber: '0500' },
    });
  });

  it('checks the move against the rules it is given and the record’s own facts', () => {
    const sent = { ...registered, status: 'sent_to_provider' };
    const refusal = { kind: 'negative' as const, decisionNumber: '1', decisionDate: '2026-11-02', grounds: ['g1', 'g9'] };
    expect(moveStatus(sent, move('sent_to_provider', 'result_ready', { outcome: refusal }), rules)).toEqual({
      ok: false,
      problems: [{ path: ['outcome', 'grounds', 1], message: 'decision.unknown_ground' }],
    });
    const future = { kind: 'positive' as const, decisionDate: '2026-11-04' };
    expect(moveStatus(sent, move('sent_to_provider', 'result_ready', { outcome: future, day: '2026-11-03' }), rules)).toMatchObject({
      ok: false,
      problems: [{ message: 'decision.date_in_future' }],
    });
    const ready = { ...registered, status: 'result_ready', resultReadyOn: '2026-11-01' };
    const representative = { party: 'representative' as const, name: 'Іван Коваль', document: 'довіреність' };
    expect(moveStatus(ready, move('result_ready', 'issued', { receiver: representative }), rules)).toEqual({
      ok: false,
      problems: [{ path: ['receiver', 'party'], message: 'receiver.not_authorised' }],
    });
    expect(
      moveStatus(ready, move('result_ready', 'issued', { receiver: representative }), { ...rules, representativeMayReceive: true }),
    ).toMatchObject({
      ok: true,
    });
    // Unclaimed after the waiting time counted from the day the record says the result was ready.
    expect(moveStatus(ready, move('result_ready', 'returned_unclaimed', { day: '2026-11-30' }), rules)).toMatchObject({
      ok: false,
      problems: [{ message: 'unclaimed.too_early' }],
    });
    expect(moveStatus(ready, move('result_ready', 'returned_unclaimed', { day: '2026-12-01' }), rules)).toMatchObject({ ok: true });
    expect(
      moveStatus(ready, move('result_ready', 'returned_unclaimed', { day: '2026-11-05' }), { ...rules, unclaimedAfterDays: 4 }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('dates a term run from the hand-off: the first due date it gives is the original', () => {
    const undated = { ...registered, dueDate: null };
    expect(moveStatus(undated, move('registered', 'sent_to_provider', { dueDate: '2026-12-01' }), rules)).toMatchObject({
      ok: true,
      record: { dueDate: '2026-12-01', originalDueDate: '2026-12-01' },
    });
    // A record of an earlier version without the field at all.
    const { dueDate: _, ...noField } = registered;
    expect(moveStatus(noField, move('registered', 'sent_to_provider'), rules)).toMatchObject({
      ok: true,
      record: { dueDate: null, originalDueDate: null },
    });
    // A due date moved again keeps the first original.
    const moved = { ...registered, originalDueDate: '2026-11-15' };
    expect(moveStatus(moved, move('registered', 'sent_to_provider', { dueDate: '2026-12-05' }), rules)).toMatchObject({
      ok: true,
      record: { dueDate: '2026-12-05', originalDueDate: '2026-11-15' },
    });
  });
});

describe('representativeMayReceive', () => {
  const authority = { basis: 'poa_simple', documentDate: '2026-01-10' };
  it('is true only for a representative whose valid authority covers receiving the result', () => {
    expect(representativeMayReceive({ representative: { authority: { ...authority, mayReceiveResult: true } } })).toBe(true);
    expect(representativeMayReceive({ representative: { authority: { ...authority, mayReceiveResult: false } } })).toBe(false);
    expect(representativeMayReceive({ representative: { authority } })).toBe(false);
    // An authority its basis does not back (no date of the power of attorney) covers nothing.
    expect(representativeMayReceive({ representative: { authority: { basis: 'poa_simple', mayReceiveResult: true } } })).toBe(false);
    expect(representativeMayReceive({ representative: { fullName: 'Іван' } })).toBe(false);
    expect(representativeMayReceive({ representative: null })).toBe(false);
    expect(representativeMayReceive({})).toBe(false);
  });
});
