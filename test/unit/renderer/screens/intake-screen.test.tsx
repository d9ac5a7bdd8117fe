// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import '../desk-backend';
import '../dom-setup';
import { IntakeScreen } from '../../../../renderer/src/features/intake/IntakeScreen';
import { registerThroughIntake } from './register-through-intake';
import { openNewPerson } from './new-person';

function described(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

// Registering through the form (every checklist line ticked) takes longer than the unit default.
describe('the intake screen', { timeout: 30_000 }, () => {
  it('submitted with gaps: a summary, each field invalid with its error tied, focus on the first', async () => {
    const user = userEvent.setup();
    render(<IntakeScreen />);
    await user.type(await screen.findByRole('combobox', { name: 'Пошук заявника' }), 'Коваленко Олена');
    await openNewPerson(user, screen.getByRole('button', { name: 'Новий заявник' }));
    expect(screen.getByLabelText('Прізвище')).toHaveProperty('value', 'Коваленко');
    await user.click(screen.getByRole('button', { name: 'Зареєструвати' }));

    const summary = await screen.findByRole('alert', { name: /Щоб зареєструвати, виправте помилки/ });
    expect(summary.textContent).toContain('Оберіть послугу');
    const rnokpp = screen.getByLabelText('РНОКПП');
    expect(rnokpp.getAttribute('aria-invalid')).toBe('true');
    expect(rnokpp.getAttribute('aria-required')).toBe('true');
    expect(described(rnokpp)).toBe('Вкажіть РНОКПП або причину, з якої його немає');
    await waitFor(() => expect(document.activeElement).toBe(rnokpp));

    // A mistyped РНОКПП replaces "missing" with the check-digit message once the clerk leaves it.
    await user.type(rnokpp, '1759013770');
    await user.tab();
    await waitFor(() => expect(described(rnokpp)).toMatch(/не збігається контрольна цифра/));

    // A reason for having none hides the РНОКПП field; the document number becomes the required one.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Немає РНОКПП — причина' }), 'religious');
    expect(screen.queryByLabelText('РНОКПП')).toBeNull();
    expect(screen.getByLabelText('Серія та номер').getAttribute('aria-required')).toBe('true');

    // Discarding asks first; "no" keeps everything typed.
    await user.click(screen.getByRole('button', { name: 'Скасувати прийом' }));
    await user.click(screen.getByRole('button', { name: 'Ні, продовжити' }));
    expect(screen.getByLabelText('Прізвище')).toHaveProperty('value', 'Коваленко');
    await user.click(screen.getByRole('button', { name: 'Скасувати прийом' }));
    await user.click(screen.getByRole('button', { name: 'Так, відкинути' }));
    await screen.findByRole('combobox', { name: 'Пошук заявника' });
    expect(screen.queryByLabelText('Прізвище')).toBeNull();
  });

  it('a complete form registers and shows the number', async () => {
    const user = userEvent.setup();
    const number = await registerThroughIntake(user);
    expect(number).toMatch(/-0001$/);
  });
});
