// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import { RegistersPanel } from '../../../../renderer/src/features/registers/RegistersPanel';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { localToday } from '../../../../renderer/src/app/center-today';
import { formatDay } from '../../../../renderer/src/lib/format';
import { appInfo } from '../../../helpers/app-info';

const PERSON = { kind: 'person' as const, surname: 'Гончар', givenName: 'Олесь', birthDate: '1970-04-03', rnokpp: '2245134075' };

let regNumber = '';
beforeAll(async () => {
  // The center's day, as the backend registers by it.
  act(() => useShellStore.setState({ info: { status: 'loaded', info: appInfo({ timeZone: 'Europe/Kyiv' }) } }));
  const [service] = await must(deskApi.call('catalog.search', { q: 'MS-01' }));
  const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 3 }));
  regNumber = (await must(deskApi.call('intake.register', { serviceId: service!.id, applicant: PERSON, items }))).regNumber;
});

describe('the registers tab', { timeout: 20_000 }, () => {
  it('shows today’s journal, switches to the issue register, and offers the CSV it prepared as a file', async () => {
    const user = userEvent.setup();
    render(<RegistersPanel />);
    const table = await screen.findByRole('table', { name: 'Журнал реєстрації звернень' });
    const row = within(table).getByRole('row', { name: new RegExp(regNumber) });
    expect(within(row).getByText('Гончар Олесь')).toBeTruthy();
    expect(within(row).getByText('зареєстровано')).toBeTruthy();
    expect(screen.getByText('Записів: 1')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'CSV для Excel' }));
    const link = await screen.findByRole('link', { name: `Зберегти zhurnal-reiestratsii-${localToday()}.csv` });
    expect(link.getAttribute('download')).toBe(`zhurnal-reiestratsii-${localToday()}.csv`);

    await user.selectOptions(screen.getByLabelText('Реєстр'), 'issued');
    expect(await screen.findByText('За цей період записів немає.')).toBeTruthy();
    // Another register: the file prepared for the journal is no longer offered.
    expect(screen.queryByRole('link', { name: /Зберегти/ })).toBeNull();
  });

  it('refuses a mistyped day and a period that ends before it starts, naming the field', async () => {
    const user = userEvent.setup();
    render(<RegistersPanel />);
    await screen.findByRole('table');
    const from = screen.getByLabelText('З дня');
    const to = screen.getByLabelText('По день');
    await user.clear(from);
    await user.type(from, '31.02.2026');
    await user.click(screen.getByRole('button', { name: 'Показати' }));
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Вкажіть дату як ДД.ММ.РРРР')).toBeTruthy();

    await user.clear(from);
    await user.type(from, formatDay(localToday()));
    await user.clear(to);
    await user.type(to, '01.01.2020{Enter}');
    expect(await screen.findByText('Кінець періоду раніше за початок')).toBeTruthy();
    expect(to.getAttribute('aria-invalid')).toBe('true');
  });

  it('the open-data file is prepared by the backend and the export is in the audit trail', async () => {
    const user = userEvent.setup();
    render(<RegistersPanel />);
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Відкриті дані, JSON' }));
    expect(await screen.findByRole('link', { name: `Зберегти vidkryti-dani-${localToday()}.json` })).toBeTruthy();
    await waitFor(async () => {
      const { entries } = await must(deskApi.call('audit.list', { from: localToday(), to: localToday(), action: 'export.open_data' }));
      expect(entries).toHaveLength(1);
    });
  });
});
