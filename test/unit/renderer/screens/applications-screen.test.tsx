// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import '../desk-backend';
import '../dom-setup';
import { ApplicationsScreen } from '../../../../renderer/src/features/applications/ApplicationsScreen';
import { registerThroughIntake } from './register-through-intake';

function described(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

// Each test registers through the intake form first (every checklist line ticked): longer than the unit default.
describe('the applications screen', { timeout: 30_000 }, () => {
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
    await user.selectOptions(action, 'Відмова');
    const reason = within(card).getByLabelText('Причина');
    expect(reason.getAttribute('aria-required')).toBe('true');
    await user.click(within(card).getByRole('button', { name: 'Змінити стан' }));
    // Stopped at the field: invalid, its error tied to it, focus there; nothing was sent.
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(described(reason)).toBe('Для цієї дії закон вимагає вказати причину');
    expect(document.activeElement).toBe(reason);
    expect(within(card).getAllByText('зареєстровано').length).toBeGreaterThan(0);

    await user.type(reason, 'Неповний пакет документів');
    await user.click(within(card).getByRole('button', { name: 'Змінити стан' }));
    await waitFor(() => expect(card.querySelector('.card-status')?.textContent).toContain('відмовлено'));
    expect(card.textContent).toContain('Неповний пакет документів');
    expect(within(card).getByText('Звернення закрито: стан більше не змінюється.')).toBeTruthy();
  });
});
