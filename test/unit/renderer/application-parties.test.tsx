// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import './dom-setup';
import type { Application } from '../../../shared/domain/application';
import { RESULT_READY_APPLICATION } from '../../helpers/application-fixture';
import { PartyFacts } from '../../../renderer/src/features/applications/PartyFacts';
import { defaultReceiver } from '../../../renderer/src/features/applications/status-change';

const base = RESULT_READY_APPLICATION;

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
