// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { caseRegistrar, deskApi, must } from '../desk-backend';
import '../dom-setup';
import type { Application } from '../../../../shared/domain/application';
import { ApplicationCard } from '../../../../renderer/src/features/applications/ApplicationCard';
import { formatUah } from '../../../../renderer/src/lib/format';
import { useLanguageStore } from '../../../../renderer/src/i18n/language-store';

const PERSON = { kind: 'person' as const, surname: 'Лисенко', givenName: 'Оксана', birthDate: '1980-05-05', rnokpp: '1759013776' };
/** A new application for ID-01, registered unpaid through the real backend. */
const registered = caseRegistrar(PERSON);

async function openCard(app: Application) {
  render(<ApplicationCard id={app.id} onChanged={() => undefined} onClose={() => undefined} />);
  await screen.findByRole('article', { name: `Звернення № ${app.regNumber}` });
  return screen.getByRole('region', { name: /Оплата і пільги/ });
}

function described(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

describe('the payments section of the card', { timeout: 30_000 }, () => {
  it('flags an unpaid fee, then takes each component’s payment from the keyboard: stopped at each bad field first, then settled', async () => {
    const user = userEvent.setup();
    const app = await registered();
    const open = app.balance.components.filter((c) => !c.settled);
    expect(open.length).toBeGreaterThan(0);
    const section = await openCard(app);
    const title = within(section).getByRole('heading', { name: /Оплата і пільги/ });
    expect(title.textContent).toContain('Не сплачено');
    expect(within(section).getByText('До сплати').nextElementSibling?.textContent).toBe(`${formatUah(app.balance.outstandingKopecks)} грн`);
    expect(within(section).getByText('Оплат і пільг ще не внесено.')).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: 'Внести оплату' }));
    expect(document.activeElement).toBe(within(section).getByLabelText('Складова'));
    const amount = within(section).getByLabelText('Сума, грн');
    await user.clear(amount);
    await user.type(amount, '49,925');
    await user.click(within(section).getByRole('button', { name: 'Зберегти' }));
    // Nothing sent: each bad field invalid with its message, focus on the first.
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(described(amount)).toContain('Сума в гривнях, більша за нуль, до копійок: 49,92');
    expect(described(within(section).getByLabelText('Квитанція або номер платежу'))).toContain('Вкажіть номер квитанції або платежу');
    expect(document.activeElement).toBe(amount);
    await user.click(within(section).getByRole('button', { name: 'Закрити' }));

    // Each unpaid component in turn is offered with what it still owes.
    for (const [n, component] of open.entries()) {
      expect(title.textContent).toContain('Не сплачено');
      await user.click(within(section).getByRole('button', { name: 'Внести оплату' }));
      const owed = formatUah(component.dueKopecks - component.paidKopecks);
      expect((within(section).getByLabelText('Складова') as HTMLSelectElement).value).toBe(component.kind);
      expect((within(section).getByLabelText('Сума, грн') as HTMLInputElement).value).toBe(owed);
      await user.type(within(section).getByLabelText('Квитанція або номер платежу'), `КВ-00${n}{Enter}`);
      expect(await within(section).findByText(new RegExp(`: ${owed} грн, квитанція КВ-00${n} від`))).toBeTruthy();
    }
    expect(within(section).getByText('Оплату збережено.')).toBeTruthy();
    expect(within(section).getByText('Сплачено').nextElementSibling?.textContent).toBe(`${formatUah(app.balance.outstandingKopecks)} грн`);
    expect(within(section).getByText('До сплати').nextElementSibling?.textContent).toBe('0 грн');
    expect(title.textContent).toContain('Сплачено повністю');
  });

  it('cancels an entry with a reason: it stays listed, struck through, and counts for nothing', async () => {
    const user = userEvent.setup();
    const app = await registered();
    await must(
      deskApi.call('applications.addPayment', {
        applicationId: app.id,
        entry: { type: 'payment', component: 'blank', amountKopecks: 12000, reference: 'КВ-1', paidOn: '2026-11-02' },
      }),
    );
    const section = await openCard(app);
    await user.click(within(section).getByRole('button', { name: /^Скасувати запис: Бланк: 120 грн/ }));
    const reason = within(section).getByLabelText('Причина скасування');
    expect(document.activeElement).toBe(reason);
    await user.click(within(section).getByRole('button', { name: 'Скасувати запис' }));
    expect(described(reason)).toContain('Вкажіть, чому запис скасовується');

    await user.type(reason, 'Квитанція іншої особи');
    await user.click(within(section).getByRole('button', { name: 'Скасувати запис' }));
    expect(await within(section).findByText('Запис скасовано.')).toBeTruthy();
    expect(within(section).getByText(/Скасовано .*: Квитанція іншої особи/)).toBeTruthy();
    expect(section.querySelector('.payment-cancelled')?.textContent).toContain('Бланк: 120 грн');
    expect(within(section).getByText('Сплачено').nextElementSibling?.textContent).toBe('0 грн');
    expect(within(section).queryByRole('button', { name: /^Скасувати запис:/ })).toBeNull();
  });

  it('says so at the reason when another window cancelled the entry first', async () => {
    const user = userEvent.setup();
    const app = await registered();
    const paid = await must(
      deskApi.call('applications.addPayment', {
        applicationId: app.id,
        entry: { type: 'payment', component: 'admin_fee', amountKopecks: 100, reference: 'КВ-2', paidOn: '2026-11-02' },
      }),
    );
    const section = await openCard(app);
    await user.click(within(section).getByRole('button', { name: /^Скасувати запис: / }));
    await must(deskApi.call('applications.cancelPayment', { applicationId: app.id, paymentId: paid.payments[0]!.id, reason: 'дубль' }));
    await user.type(within(section).getByLabelText('Причина скасування'), 'помилка');
    await user.click(within(section).getByRole('button', { name: 'Скасувати запис' }));
    await waitFor(() => expect(described(within(section).getByLabelText('Причина скасування'))).toContain('Цей запис уже скасовано'));
  });

  it('records an exemption from the whole fee with its reason', async () => {
    const user = userEvent.setup();
    const section = await openCard(await registered());
    await user.click(within(section).getByRole('button', { name: 'Внести пільгу' }));
    expect((within(section).getByLabelText('Складова') as HTMLSelectElement).value).toBe('');
    await user.click(within(section).getByRole('button', { name: 'Зберегти' }));
    expect(described(within(section).getByLabelText('Підстава пільги'))).toContain('Вкажіть підставу пільги');
    await user.type(within(section).getByLabelText('Підстава пільги'), 'Перше оформлення у 14 років');
    await user.click(within(section).getByRole('button', { name: 'Зберегти' }));
    expect(await within(section).findByText('Пільгу збережено.')).toBeTruthy();
    expect(within(section).getByText(/Пільга \(уся сума\): Перше оформлення у 14 років/)).toBeTruthy();
    expect(within(section).getByRole('heading', { name: /Оплата і пільги/ }).textContent).toContain('Звільнено від сплати');
  });

  describe('in English', () => {
    afterEach(() => useLanguageStore.setState({ language: 'uk' }));

    it('says the same in the clerk’s second language, names and all', async () => {
      const user = userEvent.setup();
      const app = await registered();
      useLanguageStore.setState({ language: 'en' });
      render(<ApplicationCard id={app.id} onChanged={() => undefined} onClose={() => undefined} />);
      const section = await screen.findByRole('region', { name: /Payment and exemptions/ });
      expect(within(section).getByRole('heading', { name: /Payment and exemptions/ }).textContent).toContain('Not paid');
      expect(within(section).getByText('Still to pay').nextElementSibling?.textContent).toBe(
        `UAH ${formatUah(app.balance.outstandingKopecks)}`,
      );
      await user.click(within(section).getByRole('button', { name: 'Enter an exemption' }));
      await user.type(within(section).getByLabelText('Ground for the exemption'), 'War veteran');
      await user.click(within(section).getByRole('button', { name: 'Save' }));
      expect(await within(section).findByText('Exemption saved.')).toBeTruthy();
      expect(within(section).getByText(/Exemption \(the whole fee\): War veteran/)).toBeTruthy();
      expect(within(section).getByRole('heading', { name: /Payment and exemptions/ }).textContent).toContain('Exempt from the fee');
    });
  });
});
