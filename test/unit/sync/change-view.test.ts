import { describe, expect, it } from 'vitest';
import { comparedFields, fieldValue, refusalOf } from '../../../main/backend/sync/change-view';

describe('refusalOf: the stored reason as data', () => {
  it('reads a rejection: its code and the top field of each field error, once each', () => {
    const reason = JSON.stringify({
      code: 'invalid_payload',
      message: 'notes too long',
      fieldErrors: [
        { path: ['payload', 'notes'], message: 'too long' },
        { path: ['payload', 'items', 0, 'name'], message: 'empty' },
        { path: ['payload', 'notes'], message: 'again' },
      ],
    });
    expect(refusalOf(reason)).toEqual({
      refusal: { type: 'rejected', code: 'invalid_payload', fields: ['notes', 'items'] },
      server: null,
      version: null,
    });
  });

  it('reads a conflict: the fields changed on both sides, the server’s record and version', () => {
    expect(refusalOf(JSON.stringify({ fields: ['notes'], server: { notes: 'x' }, version: 3 }))).toEqual({
      refusal: { type: 'conflict', fields: ['notes'] },
      server: { notes: 'x' },
      version: 3,
    });
  });

  it('says nothing it cannot read: no text of the transport reaches the supervisor', () => {
    for (const text of ['connection reset', '[1,2]', '', null]) expect(refusalOf(text).refusal).toEqual({ type: 'other' });
  });
});

describe('comparedFields: the two versions side by side', () => {
  it('pairs each field the change sets with the server’s, a status move’s target as the record’s status, bookkeeping left out', () => {
    const payload = { id: 'a1', from: 'registered', to: 'sent_to_provider', at: '2026-12-03T08:00:00Z', actorName: 'Коваль', reason: null };
    expect(comparedFields('application.status', payload, { status: 'in_progress', reason: 'перевірка' })).toEqual([
      { field: 'status', mine: { kind: 'status', status: 'sent_to_provider' }, server: { kind: 'status', status: 'in_progress' } },
      { field: 'reason', mine: { kind: 'none' }, server: { kind: 'text', text: 'перевірка' } },
    ]);
  });

  it('types values for display: moments, days, channels, yes/no; nested values as their readable parts without ids', () => {
    expect(fieldValue('receivedAt', '2026-12-03T08:00:00.000Z')).toEqual({ kind: 'time', iso: '2026-12-03T08:00:00.000Z' });
    expect(fieldValue('dueDate', '2026-12-07')).toEqual({ kind: 'day', day: '2026-12-07' });
    expect(fieldValue('resultDelivery', 'post')).toEqual({ kind: 'delivery', channel: 'post' });
    expect(fieldValue('original', true)).toEqual({ kind: 'yes_no', value: true });
    expect(
      fieldValue('representative', { applicantId: '0190-uuid', authority: { basis: 'poa_simple', number: '12', date: '2026-01-05' } }),
    ).toEqual({ kind: 'text', text: 'poa_simple, 12, 2026-01-05' });
    expect(fieldValue('representative', null)).toEqual({ kind: 'none' });
  });
});
