// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import { AuditPanel } from '../../../../renderer/src/features/audit/AuditPanel';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { appInfo } from '../../../helpers/app-info';
import { INITIAL_ADMIN } from '../../../../shared/auth';

const PERSON = { kind: 'person' as const, surname: 'Ткачук', givenName: 'Леся', birthDate: '1971-02-25', rnokpp: '1759013776' };

let regNumber = '';
beforeAll(async () => {
  act(() => useShellStore.setState({ info: { status: 'loaded', info: appInfo({ timeZone: 'Europe/Kyiv' }) } }));
  const [service] = await must(deskApi.call('catalog.search', { q: 'MS-01' }));
  const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
  const app = await must(deskApi.call('intake.register', { serviceId: service!.id, applicant: PERSON, items }));
  regNumber = app.regNumber;
  await must(deskApi.call('applications.get', { id: app.id }));
  await must(deskApi.call('storage.verifyAudit', {}));
});

describe('the audit trail tab', { timeout: 20_000 }, () => {
  it('lists today’s entries in words, says the chain is intact, and filters by action', async () => {
    const user = userEvent.setup();
    render(<AuditPanel />);
    const status = await screen.findByText(/^Журнал цілісний: перевірено \d+ записів$/);
    expect(status).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Журнал аудиту' });
    const registered = within(table).getByRole('row', { name: /реєстрація звернення/ });
    expect(within(registered).getByText(regNumber)).toBeTruthy();
    expect(within(registered).getByText(INITIAL_ADMIN.fullName)).toBeTruthy();
    expect(within(registered).getByText(`номер: ${regNumber}`)).toBeTruthy();
    // No raw JSON anywhere in the table.
    expect(table.textContent).not.toMatch(/[{}]/);

    await user.selectOptions(screen.getByLabelText('Дія'), 'application.view');
    await user.click(screen.getByRole('button', { name: 'Показати' }));
    await waitFor(() => {
      const rows = within(screen.getByRole('table', { name: 'Журнал аудиту' }))
        .getAllByRole('row')
        .slice(1);
      expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['перегляд звернення']);
    });
  });

  it('offers the clerks seen in the trail and shows nothing for a day with no entries', async () => {
    const user = userEvent.setup();
    render(<AuditPanel />);
    await screen.findByRole('table', { name: 'Журнал аудиту' });
    const clerk = screen.getByLabelText('Працівник');
    expect(within(clerk).getByRole('option', { name: INITIAL_ADMIN.fullName })).toBeTruthy();
    const from = screen.getByLabelText('З дня');
    const to = screen.getByLabelText('По день');
    await user.clear(from);
    await user.type(from, '01.01.2020');
    await user.clear(to);
    await user.type(to, '01.01.2020{Enter}');
    expect(await screen.findByText('За цей період і з цими умовами записів немає.')).toBeTruthy();
  });
});
