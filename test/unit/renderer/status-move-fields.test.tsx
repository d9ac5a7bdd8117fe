// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import './dom-setup';
import type { Application } from '../../../shared/domain/application';
import { EMPTY_DRAFT, statusChangeInput } from '../../../renderer/src/features/applications/status-change';
import type { StatusChangeDraft } from '../../../renderer/src/features/applications/status-change';
import { StatusMoveFields } from '../../../renderer/src/features/applications/StatusMoveFields';

const application = {
  id: 'a1',
  status: 'in_progress',
  applicant: { id: 'p1', displayName: 'Шевченко Тарас' },
  representative: null,
} as unknown as Application; // Only the fields the refusal's form reads.

const GROUNDS = [
  { code: 'incomplete', label: 'Подано неповний пакет документів' },
  { code: 'not_entitled', label: 'Заявник не має права на послугу' },
];

/** The fields as the status form holds them, and what it would send. */
function Harness({ onDraft }: { onDraft(draft: StatusChangeDraft): void }) {
  const [draft, setDraft] = useState<StatusChangeDraft>({ ...EMPTY_DRAFT, to: 'result_ready', outcomeKind: 'negative' });
  return (
    <StatusMoveFields
      application={application}
      needs={['outcome']}
      draft={draft}
      problems={[]}
      refusalGrounds={GROUNDS}
      onChange={(next) => {
        const updated = { ...draft, ...next };
        setDraft(updated);
        onDraft(updated);
      }}
    />
  );
}

describe('the refusal’s fields', () => {
  it('offer the service card’s grounds as a pick list, keyboard first, and send their codes', async () => {
    const user = userEvent.setup();
    let last: StatusChangeDraft = EMPTY_DRAFT;
    render(<Harness onDraft={(draft) => (last = draft)} />);
    expect(screen.queryByLabelText(/Підстави відмови$/)).toBeNull();
    const second = screen.getByRole('checkbox', { name: 'Заявник не має права на послугу' });
    second.focus();
    await user.keyboard(' ');
    await user.type(screen.getByLabelText(/Номер рішення/), '17/2');
    await user.type(screen.getByLabelText(/Дата рішення/), '01.12.2026');
    expect(last.grounds).toEqual(['not_entitled']);
    expect(
      statusChangeInput(
        { ...application, status: 'in_progress' },
        last,
        '2026-12-03',
        GROUNDS.map((g) => g.code),
      ),
    ).toMatchObject({ ok: true, input: { outcome: { kind: 'negative', grounds: ['not_entitled'] } } });
  });
});
