import { describe, expect, it } from 'vitest';
import { needsReason, needsReceiver, statusChangeInput } from '../../../renderer/src/features/applications/status-change';

const blank = { reason: '', receivedBy: '' };

describe('statusChangeInput', () => {
  it('allows only the moves of the status machine', () => {
    expect(statusChangeInput('a1', 'registered', { ...blank, to: 'issued' })).toEqual({ ok: false, problems: ['to'] });
    expect(statusChangeInput('a1', 'registered', { ...blank, to: '' })).toEqual({ ok: false, problems: ['to'] });
    expect(statusChangeInput('a1', 'registered', { ...blank, to: 'sent_to_provider' })).toEqual({
      ok: true,
      input: { id: 'a1', to: 'sent_to_provider' },
    });
  });

  it('wants a reason where the law does', () => {
    expect(needsReason('refused')).toBe(true);
    expect(needsReason('result_ready')).toBe(false);
    expect(statusChangeInput('a1', 'registered', { ...blank, to: 'withdrawn', reason: '  ' })).toEqual({ ok: false, problems: ['reason'] });
    expect(statusChangeInput('a1', 'registered', { ...blank, to: 'withdrawn', reason: ' заява ' })).toEqual({
      ok: true,
      input: { id: 'a1', to: 'withdrawn', reason: 'заява' },
    });
  });

  it('records who received the result when issuing', () => {
    expect(needsReceiver('issued')).toBe(true);
    expect(statusChangeInput('a1', 'result_ready', { ...blank, to: 'issued', receivedBy: 'Шевченко Т. Г.' })).toEqual({
      ok: true,
      input: { id: 'a1', to: 'issued', receivedBy: 'Шевченко Т. Г.' },
    });
  });
});
