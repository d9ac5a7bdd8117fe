/**
 * Registers one application the way a clerk does, through the intake screen against the real
 * desk backend, and returns its number. Screens that show applications start from here (not
 * from contract calls), so they keep working whatever shape the registration call takes.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { UserEvent } from '@testing-library/user-event';
import { rnokppCheckDigit } from '../../../../shared/validate/rnokpp';
import { IntakeScreen } from '../../../../renderer/src/features/intake/IntakeScreen';
import { openNewPerson } from './new-person';

/**
 * Each call registers a new person, so each gets its own valid РНОКПП: the desk refuses a second
 * person with one already on file.
 */
let people = 0;
function nextRnokpp(): string {
  people += 1;
  const first9 = `17590${String(people).padStart(4, '0')}`;
  return `${first9}${rnokppCheckDigit(first9)}`;
}

export async function registerThroughIntake(user: UserEvent, name = 'Шевченко Тарас'): Promise<string> {
  const { unmount } = render(<IntakeScreen />);
  await user.type(await screen.findByRole('combobox', { name: 'Пошук заявника' }), name);
  await openNewPerson(user, screen.getByRole('button', { name: 'Новий заявник' }));
  await user.type(screen.getByLabelText('РНОКПП'), nextRnokpp());
  await user.type(screen.getByRole('combobox', { name: 'Послуга' }), 'ID-картки');
  const services = screen.getByRole('listbox', { name: 'Послуга', hidden: true });
  await waitFor(() => expect(within(services).getAllByRole('option').length).toBeGreaterThan(0), { timeout: 3000 });
  await user.click(within(services).getAllByRole('option')[0]!);
  // Every document the service requires is handed in: nothing to insist on.
  await screen.findByRole('checkbox', { name: /^Свідоцтво про народження/ });
  for (const line of within(screen.getByRole('table', { name: 'Подані документи' })).getAllByRole('checkbox')) await user.click(line);
  await user.click(screen.getByRole('button', { name: 'Зареєструвати' }));
  // A bound, not a measure: with every test file's backend busy at once, registering can take seconds.
  const done = await screen.findByText('Звернення зареєстровано', {}, { timeout: 15_000 });
  const number = await waitFor(() => {
    const text = within(done.closest('section') ?? document.body).getByText(/-\d{4}$/).textContent;
    if (!text) throw new Error('no number yet');
    return text.trim();
  });
  await user.click(screen.getByRole('button', { name: 'Новий прийом' }));
  unmount();
  return number;
}
