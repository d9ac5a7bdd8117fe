import { describe, expect, it } from 'vitest';
import { correctionInput } from '../../../renderer/src/features/applications/correction';
import { ageOf, clockSkewed, kindTextKey } from '../../../renderer/src/features/sync/sync-text';

describe('kindTextKey', () => {
  it('names the known kinds and their families', () => {
    expect(kindTextKey('application.register')).toBe('syncKind.applicationRegister');
    expect(kindTextKey('application.status')).toBe('syncKind.applicationStatus');
    expect(kindTextKey('application.update')).toBe('syncKind.applicationUpdate');
    expect(kindTextKey('applicant.create')).toBe('syncKind.applicant');
    expect(kindTextKey('applicant.update')).toBe('syncKind.applicant');
    expect(kindTextKey('document.attach')).toBe('syncKind.document');
    expect(kindTextKey('ticket.issue')).toBe('syncKind.ticket');
    expect(kindTextKey('calendar.day')).toBe('calendar.syncKindDay');
    expect(kindTextKey('calendar.settings')).toBe('calendar.syncKindSettings');
  });

  it('leaves an unknown kind to be shown raw', () => {
    expect(kindTextKey('calendar.put')).toBeNull();
    expect(kindTextKey('queue.call')).toBeNull();
    expect(kindTextKey('toString')).toBeNull();
    expect(kindTextKey('')).toBeNull();
  });
});

describe('ageOf', () => {
  const now = Date.parse('2026-03-02T12:00:00Z');
  it('counts minutes below an hour and hours after', () => {
    expect(ageOf('2026-03-02T11:58:30Z', now)).toEqual({ unit: 'minutes', n: 1 });
    expect(ageOf('2026-03-02T11:00:01Z', now)).toEqual({ unit: 'minutes', n: 59 });
    expect(ageOf('2026-03-02T09:30:00Z', now)).toEqual({ unit: 'hours', n: 2 });
  });

  it('never goes negative and ignores a broken time', () => {
    expect(ageOf('2026-03-02T12:05:00Z', now)).toEqual({ unit: 'minutes', n: 0 });
    expect(ageOf('yesterday', now)).toBeNull();
  });
});

describe('clockSkewed', () => {
  it('warns beyond five minutes either way', () => {
    expect(clockSkewed(null)).toBe(false);
    expect(clockSkewed(5 * 60_000)).toBe(false);
    expect(clockSkewed(5 * 60_000 + 1)).toBe(true);
    expect(clockSkewed(-6 * 60_000)).toBe(true);
  });
});

describe('correctionInput', () => {
  const application = { id: 'a1', resultDelivery: 'in_person' as const, notes: 'стара примітка' };
  it('sends only what changed', () => {
    expect(correctionInput(application, { resultDelivery: 'in_person', notes: ' стара примітка ' })).toBeNull();
    expect(correctionInput(application, { resultDelivery: 'post', notes: 'стара примітка' })).toEqual({ id: 'a1', resultDelivery: 'post' });
    expect(correctionInput(application, { resultDelivery: 'in_person', notes: 'нова' })).toEqual({ id: 'a1', notes: 'нова' });
  });

  it('removes emptied notes', () => {
    expect(correctionInput(application, { resultDelivery: 'in_person', notes: '  ' })).toEqual({ id: 'a1', notes: null });
    expect(correctionInput({ ...application, notes: null }, { resultDelivery: 'in_person', notes: '' })).toBeNull();
  });
});
