// @vitest-environment jsdom
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { dataDir, deskApi, must } from '../desk-backend';
import '../dom-setup';
import { useLayoutStandIn } from '../layout-stand-in';
import { ApplicationsScreen } from '../../../../renderer/src/features/applications/ApplicationsScreen';
import { registerThroughIntake } from './register-through-intake';
import { addTodaysApplications } from '../../../bench/ui-today';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { STANDALONE } from '../../../helpers/sync-status';

function described(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

// Each test registers through the intake form first (every checklist line ticked): longer than the unit default.
describe('the applications screen', { timeout: 30_000 }, () => {
  // The list is virtualised: without a stand-in for layout it would draw no rows in jsdom.
  useLayoutStandIn();
  // A standalone desk's account: clerk, supervisor, and the provider whose paper decision it records.
  beforeAll(async () => useShellStore.setState({ clerk: await must(deskApi.call('clerk.me', {})) }));

  it('lists today’s applications, finds one by number, and says when nothing matches', async () => {
    const user = userEvent.setup();
    const number = await registerThroughIntake(user, 'Бондар Ірина');
    render(<ApplicationsScreen />);
    expect(await screen.findByRole('button', { name: new RegExp(number) })).toBeTruthy();
    const search = screen.getByLabelText('Пошук за номером або заявником');
    await user.type(search, 'Неіснуючий');
    expect(await screen.findByText('Звернень немає.', {}, { timeout: 3000 })).toBeTruthy();
    await user.clear(search);
    await user.type(search, 'бондар');
    expect(await screen.findByText('Знайдено: 1', {}, { timeout: 3000 })).toBeTruthy();
  });

  it('a card: facts, history, and a status change that needs a reason before it is sent', async () => {
    const user = userEvent.setup();
    const number = await registerThroughIntake(user, 'Мельник Андрій');
    render(<ApplicationsScreen />);
    await user.click(await screen.findByRole('button', { name: new RegExp(number) }));
    const card = await screen.findByRole('article', { name: `Звернення № ${number}` });
    await waitFor(() => expect(document.activeElement).toBe(within(card).getByRole('heading', { name: `Звернення № ${number}` })));
    expect(card.textContent).toContain('Мельник Андрій');
    // An ID card is handed over in person only: a correction offers no other channel.
    await user.click(within(card).getByRole('button', { name: 'Виправити' }));
    const delivery = within(card).getByLabelText('Спосіб отримання результату');
    await waitFor(() =>
      expect(
        within(delivery)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['особисто в ЦНАП']),
    );
    await user.click(within(card).getByRole('button', { name: 'Скасувати' }));

    const action = within(card).getByLabelText('Дія');
    await user.selectOptions(action, 'Скасувати помилкову реєстрацію (керівник зміни)');
    const reason = within(card).getByLabelText('Причина');
    expect(reason.getAttribute('aria-required')).toBe('true');
    // Closing a case asks first, saying it cannot be undone; the "yes" sends it.
    await user.click(within(card).getByRole('button', { name: 'Змінити стан' }));
    expect(within(card).getByRole('group', { name: /не можна скасувати/ })).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Так, закрити звернення' }));
    // Stopped at the field: invalid, its error tied to it, focus there; nothing was sent.
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(described(reason)).toBe('Для цієї дії закон вимагає вказати причину');
    expect(document.activeElement).toBe(reason);
    expect(within(card).getAllByText('зареєстровано').length).toBeGreaterThan(0);

    await user.type(reason, 'Зареєстровано двічі');
    await user.click(within(card).getByRole('button', { name: 'Змінити стан' }));
    await user.click(within(card).getByRole('button', { name: 'Так, закрити звернення' }));
    await waitFor(() => expect(card.querySelector('.card-status')?.textContent).toContain('зареєстровано помилково'));
    expect(card.textContent).toContain('Зареєстровано двічі');
    expect(within(card).getByText('Звернення закрито: стан більше не змінюється.')).toBeTruthy();
  });

  it('a refusal travels from hand-off to issuing: the decision and the receiver are asked for and shown on the card', async () => {
    const user = userEvent.setup();
    const number = await registerThroughIntake(user, 'Гнатюк Олег');
    render(<ApplicationsScreen />);
    await user.click(await screen.findByRole('button', { name: new RegExp(number) }));
    const card = await screen.findByRole('article', { name: `Звернення № ${number}` });
    const move = async (label: string) => {
      await user.selectOptions(within(card).getByLabelText('Дія'), label);
    };
    const apply = () => user.click(within(card).getByRole('button', { name: 'Змінити стан' }));
    await move('Передати суб’єкту надання');
    await apply();
    await waitFor(() => expect(card.querySelector('.card-status')?.textContent).toContain('передано суб’єкту'));
    await move('Взяти в роботу (суб’єкт надання)');
    await apply();
    await waitFor(() => expect(card.querySelector('.card-status')?.textContent).toContain('на розгляді'));

    await move('Рішення прийнято, результат готовий (суб’єкт надання)');
    await user.selectOptions(within(card).getByLabelText('Рішення'), 'відмова');
    await apply();
    // A refusal needs its decision's number, date and grounds: each field says so, nothing is sent.
    expect(
      within(card)
        .getByLabelText(/Номер рішення/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    // The service's card lists its grounds for refusal: the clerk picks them, none picked is an error.
    const grounds = within(card).getByRole('group', { name: /Підстави відмови \(з інформаційної картки\)/ });
    expect(grounds.textContent).toContain('Оберіть хоча б одну підставу відмови');
    await user.type(within(card).getByLabelText(/Номер рішення/), '17/2');
    await user.type(within(card).getByLabelText(/Дата рішення/), '01.12.2026');
    await user.click(within(grounds).getByRole('checkbox', { name: 'Подання неповного пакета документів' }));
    await apply();
    await waitFor(() => expect(card.querySelector('.card-status')?.textContent).toContain('результат готовий'));
    expect(card.textContent).toContain('відмова · № 17/2 · від 01.12.2026 · підстави: Подання неповного пакета документів');

    await move('Видати результат');
    expect((within(card).getByLabelText(/Прізвище, ім’я, по батькові отримувача/) as HTMLInputElement).value).toBe('Гнатюк Олег');
    await user.type(within(card).getByLabelText(/Документ отримувача/), 'ID-картка 001234567');
    // The fee was never paid: handing the result over takes the clerk's explicit confirmation.
    await user.click(within(card).getByRole('checkbox', { name: 'Підтверджую видачу результату без сплаченого збору' }));
    await apply();
    await user.click(within(card).getByRole('button', { name: 'Так, закрити звернення' }));
    await waitFor(() => expect(card.querySelector('.card-status')?.textContent).toContain('видано'));
    expect(card.textContent).toContain('Гнатюк Олег · ID-картка 001234567');
  });

  it('draws a busy day a page at a time: the first rows with the day’s count, the rest as the list scrolls to them', async () => {
    const user = userEvent.setup();
    const call = deskApi.call.bind(deskApi);
    const calls = vi.spyOn(deskApi, 'call');
    const askedPages = () => calls.mock.calls.filter(([method]) => method === 'applications.listToday').length;
    const number = await registerThroughIntake(user, 'Сидоренко Олена');
    // Older than the one just registered: it stays first, they follow over several pages.
    addTodaysApplications(join(dataDir, 'vikno.db'), 250);
    render(<ApplicationsScreen />);
    const newest = await screen.findByRole('button', { name: new RegExp(number) });
    const total = Number(newest.closest('li')?.getAttribute('aria-setsize'));
    expect(total).toBeGreaterThan(250);
    expect(screen.queryByText('завантаження…')).toBeNull();
    newest.focus();
    await user.keyboard('{End}');
    // The last rows are on their way, then drawn, and the End key's focus lands on the last.
    await waitFor(() => expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe(String(total)), {
      timeout: 5000,
    });
    expect(document.activeElement?.textContent).toMatch(/KV01-0[89]-/);
    await user.keyboard('{PageUp}');
    await waitFor(() => expect(document.activeElement?.closest('li')?.getAttribute('aria-posinset')).toBe(String(total - 10)), {
      timeout: 5000,
    });
    // A finished sync cycle reads the list afresh: the rows in view stay drawn meanwhile, never a placeholder over them.
    const placeholders: string[] = [];
    const watch = new MutationObserver(() => {
      if (document.body.textContent?.includes('завантаження…')) placeholders.push('seen');
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    const lastRow = document.activeElement;
    const pagesAsked = askedPages();
    // A link slower than in-process: each later page arrives in a frame of its own, after the first page's.
    calls.mockImplementation(async (method, input) => {
      if (method === 'applications.listToday' && (input as { offset?: number }).offset)
        await new Promise((resolve) => setTimeout(resolve, 100));
      return call(method, input);
    });
    act(() => useShellStore.setState({ sync: { ...STANDALONE, lastSuccessAt: new Date().toISOString() } }));
    await waitFor(() => expect(askedPages()).toBeGreaterThan(pagesAsked + 1), { timeout: 5000 });
    await waitFor(() => expect(screen.getAllByRole('listitem').every((item) => item.querySelector('button'))).toBe(true));
    watch.disconnect();
    expect(placeholders).toEqual([]);
    expect(lastRow?.isConnected).toBe(true);
    calls.mockRestore();
  });
});
