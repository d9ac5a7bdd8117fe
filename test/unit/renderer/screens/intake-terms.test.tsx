// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import '../desk-backend';
import '../dom-setup';
import { useLayoutStandIn } from '../layout-stand-in';
import { rnokppCheckDigit } from '../../../../shared/validate/rnokpp';
import { ApplicationsScreen } from '../../../../renderer/src/features/applications/ApplicationsScreen';
import { IntakeScreen } from '../../../../renderer/src/features/intake/IntakeScreen';
import { startNewIntake } from '../../../../renderer/src/features/intake/intake-store';
import { openNewPerson } from './new-person';

// The applications list is virtualised: without a stand-in for layout it would draw no rows in jsdom.
useLayoutStandIn();

let serial = 500;
function freshRnokpp(): string {
  serial += 1;
  const first9 = `30682${String(serial).padStart(4, '0')}`;
  return `${first9}${rnokppCheckDigit(first9)}`;
}

async function startIntake(user: UserEvent, name: string): Promise<void> {
  startNewIntake();
  render(<IntakeScreen />);
  await user.type(await screen.findByRole('combobox', { name: 'Пошук заявника' }), name);
  await openNewPerson(user, screen.getByRole('button', { name: 'Новий заявник' }));
  await user.type(screen.getByLabelText('РНОКПП'), freshRnokpp());
}

async function chooseService(user: UserEvent, code: string): Promise<void> {
  await user.type(screen.getByRole('combobox', { name: 'Послуга' }), code);
  const services = screen.getByRole('listbox', { name: 'Послуга', hidden: true });
  await user.click(await within(services).findByRole('option', { name: new RegExp(code) }, { timeout: 3000 }));
  await within(await screen.findByRole('table', { name: 'Подані документи' })).findAllByRole('checkbox');
}

const previewText = () => (document.querySelector('.terms-preview')?.textContent ?? '').replace(/\s+/g, ' ');

describe('the terms at intake', { timeout: 30_000 }, () => {
  it('offers the ID card’s tiers as radio buttons (keyboard too), shows each tier’s term and fee, and the first issue as free', async () => {
    const user = userEvent.setup();
    await startIntake(user, 'Ткаченко Ірина');
    await chooseService(user, 'ID-01');
    const tiers = screen.getByRole('group', { name: 'Строк надання' });
    const standard = within(tiers).getByRole('radio', { name: '20 робочих днів' });
    expect(standard).toHaveProperty('checked', true);
    expect(previewText()).toContain('Строк: не пізніше 20 робочих днів з дня подання');
    expect(previewText()).toContain('Разом до сплати: 558 грн');

    standard.focus();
    await user.keyboard('{ArrowDown}');
    expect(within(tiers).getByRole('radio', { name: '10 робочих днів' })).toHaveProperty('checked', true);
    expect(previewText()).toContain('не пізніше 10 робочих днів з дня подання');
    expect(previewText()).toContain('Разом до сплати: 858 грн');

    await user.click(within(tiers).getByRole('radio', { name: '20 робочих днів' }));
    await user.click(screen.getByRole('checkbox', { name: 'Перше оформлення (з 14 років)' }));
    expect(previewText()).toContain('безоплатно');
    // The card delivers an ID card in person only.
    const delivery = screen.getByLabelText('Спосіб отримання результату');
    expect(
      within(delivery)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['особисто в ЦНАП']);
  });

  it('computes residence registration from the subsistence minimum, late filing included; an exemption needs its grounds and the card shows the terms', async () => {
    const user = userEvent.setup();
    await startIntake(user, 'Мороз Степан');
    await chooseService(user, 'RM-01');
    expect(previewText()).toContain('Строк: у день звернення');
    expect(previewText()).toContain('Разом до сплати: 49,92 грн');
    await user.click(screen.getByRole('checkbox', { name: 'Звернення з порушенням строку' }));
    expect(previewText()).toContain('Адміністративний збір: 83,20 грн (2,5 % прожиткового мінімуму 2026 року)');

    await user.click(screen.getByRole('checkbox', { name: 'Звільнений від оплати (пільга)' }));
    for (const line of within(screen.getByRole('table', { name: 'Подані документи' })).getAllByRole('checkbox')) await user.click(line);
    await user.click(screen.getByRole('button', { name: 'Зареєструвати' }));
    const reason = screen.getByLabelText('Підстава звільнення');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    await user.type(reason, 'Особа з інвалідністю I групи');
    expect(previewText()).toContain('звільнено від оплати: Особа з інвалідністю I групи');
    await user.click(screen.getByRole('button', { name: 'Зареєструвати' }));
    const done = await screen.findByText('Звернення зареєстровано', {}, { timeout: 15_000 });
    const number = (within(done.closest('section') ?? document.body).getByText(/-\d{4}$/).textContent ?? '').trim();

    await user.click(screen.getByRole('button', { name: 'Новий прийом' }));
    render(<ApplicationsScreen />);
    await user.click(await screen.findByRole('button', { name: new RegExp(number) }));
    const card = await screen.findByRole('article', { name: `Звернення № ${number}` });
    const terms = within(card).getByRole('region', { name: 'Строк і вартість' });
    expect(terms.textContent).toContain('Звичайний строк · у день звернення');
    expect(terms.textContent).toContain('Адміністративний збір: 0 грн');
    expect(terms.textContent).toContain('звільнено від оплати: Особа з інвалідністю I групи');
  });

  it('flags a service whose term no law states', async () => {
    const user = userEvent.setup();
    await startIntake(user, 'Лисенко Олег');
    await chooseService(user, 'RM-03');
    expect(previewText()).toContain('Строк не встановлено законом: не пізніше 30 календарних днів з дня подання');
    expect(screen.queryByRole('group', { name: 'Строк надання' })).toBeNull();
  });
});
