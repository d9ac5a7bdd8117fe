// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { pendingApplicationsRequest } from '../../../../renderer/src/features/applications/applications-request';
import { ReviewScreen } from '../../../../renderer/src/features/review/ReviewScreen';

const PEOPLE = [
  { kind: 'person' as const, surname: 'Яковенко', givenName: 'Ірина', birthDate: '1980-05-01', rnokpp: '2934001239' },
  { kind: 'person' as const, surname: 'Бондар', givenName: 'Олег', birthDate: '1975-03-12', rnokpp: '2745612306' },
];

let registered: Array<{ id: string; regNumber: string }> = [];

beforeAll(async () => {
  const clerk = await must(deskApi.call('clerk.me', {}));
  // The backend's own app.info, so "today" is the center's day (Kyiv) as the backend registers it,
  // not the machine's: between 22:00 and 24:00 UTC the two differ and the day would look empty.
  const info = await must(deskApi.call('app.info', {}));
  act(() => useShellStore.setState({ clerk, info: { status: 'loaded', info } }));
  const [service] = await must(deskApi.call('catalog.search', { q: 'MS-01' }));
  const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
  registered = [];
  for (const applicant of PEOPLE)
    registered.push(await must(deskApi.call('intake.register', { serviceId: service!.id, applicant, items })));
});

/** The applicant column's cells of the list, top to bottom. */
function applicants(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent ?? '');
}

describe('the review screen', { timeout: 30_000 }, () => {
  it('shows today’s figures; its list sorts, filters and opens a card', async () => {
    const user = userEvent.setup();
    render(<ReviewScreen />);
    expect(screen.getByRole('tab', { name: 'День', selected: true })).toBeTruthy();
    const registeredKpi = await screen.findByText('Зареєстровано звернень');
    expect(registeredKpi.nextElementSibling?.textContent).toBe('2');
    expect(screen.getByRole('figure', { name: 'Звернення за працівниками' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Звернення за працівниками: .* — 2/ })).toBeTruthy();
    expect(screen.getByText(/лише талони цього робочого місця/)).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Зареєстровані за період' });
    // Registered in order: Яковенко first.
    expect(applicants(table)[0]).toMatch(/^Яковенко/);
    await user.click(within(table).getByRole('button', { name: 'Заявник' }));
    expect(applicants(table).map((name) => name.split(' ')[0])).toEqual(['Бондар', 'Яковенко']);
    expect(
      within(table)
        .getByRole('columnheader', { name: /Заявник/ })
        .getAttribute('aria-sort'),
    ).toBe('ascending');
    await user.click(within(table).getByRole('button', { name: /Заявник/ }));
    expect(applicants(table).map((name) => name.split(' ')[0])).toEqual(['Яковенко', 'Бондар']);

    await user.type(screen.getByRole('textbox', { name: 'Фільтр списку' }), 'бондар');
    expect(applicants(table).map((name) => name.split(' ')[0])).toEqual(['Бондар']);
    expect(screen.getByText('Показано: 1')).toBeTruthy();

    const bondar = registered[1]!;
    await user.click(within(table).getByRole('button', { name: `Відкрити звернення № ${bondar.regNumber}` }));
    expect(useShellStore.getState().screen).toBe('applications');
    expect(pendingApplicationsRequest()).toEqual({ query: bondar.regNumber, selected: bondar.id });
  });

  it('moves between its tabs with the arrow keys and shows sync health in words', async () => {
    const user = userEvent.setup();
    render(<ReviewScreen />);
    await user.click(screen.getByRole('tab', { name: 'День' }));
    await user.keyboard('{ArrowRight}');
    const syncTab = screen.getByRole('tab', { name: 'Синхронізація' });
    expect(syncTab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(syncTab);
    const panel = screen.getByRole('tabpanel', { name: 'Синхронізація' });
    const pending = await within(panel).findByRole('list', { name: 'Очікують надсилання' });
    for (const { regNumber } of registered) expect(pending.textContent).toContain(`Звернення № ${regNumber}`);
    expect(pending.textContent).not.toMatch(/application:|[{}]/);
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Аудит' }).getAttribute('aria-selected')).toBe('true');
  });
});
