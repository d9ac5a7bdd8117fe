// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import './dom-setup';
import type { Application } from '../../../shared/domain/application';
import { PartyFacts } from '../../../renderer/src/features/applications/PartyFacts';
import { defaultReceiver } from '../../../renderer/src/features/applications/status-change';

/** An application as `applications.get` gives it, with no one but the applicant. */
const base: Application = {
  id: 'a1',
  regNumber: '0101-20261203-0001',
  status: 'result_ready',
  service: { id: 's', code: 'RM-01', nameUk: 'Реєстрація місця проживання', nameEn: 'Residence' },
  applicant: { id: 'p1', displayName: 'Шевченко Тарас' },
  representative: null,
  legacyRepresentative: null,
  subject: null,
  insisted: null,
  items: [{ name: 'Заява', original: true, sheets: 1, returned: false }],
  snapshot: null,
  receipts: [],
  registeredAt: '2026-12-03T08:00:00.000Z',
  registeredOn: '2026-12-03',
  dueDate: '2026-12-04',
  terms: null,
  resultDelivery: 'in_person',
  notes: null,
  clerkId: 'c',
  centerCode: '0101',
  deskCode: 'd',
  window: '1',
  ticketId: null,
  history: [],
  payments: [],
  balance: { tracked: false, dueKopecks: 0, paidKopecks: 0, outstandingKopecks: 0, exempt: false, components: [], settled: true },
  serverVersion: null,
  sync: 'local',
  outcome: null,
  receiver: null,
  trackingNumber: null,
  transferTo: null,
  withdrawal: null,
  suspensions: [],
  originalDueDate: '2026-12-04',
  flags: { handoffOverdue: false, dueSoon: false, overdue: false },
};

const representative = (mayReceiveResult: boolean): Application['representative'] => ({
  applicantId: 'p2',
  displayName: 'Коваленко Олена',
  idDoc: { type: 'id_card', number: '123456789' },
  authority: { basis: 'poa_simple', documentDate: '2025-10-01', mayReceiveResult },
});

describe('the parties on an application card', () => {
  it('shows a representative stored by an earlier version as it did: name and power of attorney', () => {
    const legacy = { fullName: 'Коваленко Олена Петрівна', poaNumber: 'ННА 123456', poaDate: '2025-10-01' };
    render(
      <dl>
        <PartyFacts application={{ ...base, legacyRepresentative: legacy }} />
      </dl>,
    );
    expect(screen.getByText('Представник').nextElementSibling?.textContent).toBe(
      'Коваленко Олена Петрівна · довіреність № ННА 123456 від 01.10.2025',
    );
  });

  it('shows the representative on file with their document, and nothing about parties that are absent', () => {
    render(
      <dl>
        <PartyFacts application={{ ...base, representative: representative(false) }} />
      </dl>,
    );
    expect(screen.getByText('Представник').nextElementSibling?.textContent).toBe(
      'Коваленко Олена · ID-картка 123456789довіреність у простій письмовій формі · від 01.10.2025',
    );
    expect(screen.queryByText('Особа, щодо якої надається послуга')).toBeNull();
    expect(screen.queryByText(/на вимогу заявника/)).toBeNull();
  });
});

describe('who is offered as receiving the result', () => {
  it('the representative only when their authority covers receiving it', () => {
    expect(defaultReceiver({ ...base, representative: representative(true) })).toEqual({
      receiverParty: 'representative',
      receiverName: 'Коваленко Олена',
      receiverDocument: '123456789',
    });
    expect(defaultReceiver({ ...base, representative: representative(false) })).toEqual({
      receiverParty: 'applicant',
      receiverName: 'Шевченко Тарас',
      receiverDocument: '',
    });
  });

  it('the applicant where the representative was stored by an earlier version: whether they may receive is not on record', () => {
    const legacy = { fullName: 'Коваленко Олена Петрівна', poaNumber: '1', poaDate: '2025-10-01' };
    expect(defaultReceiver({ ...base, legacyRepresentative: legacy }).receiverParty).toBe('applicant');
  });
});
