// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { caseRegistrar, deskApi, must } from '../desk-backend';
import '../dom-setup';
import type { Application } from '../../../../shared/domain/application';
import { StatusChangeForm } from '../../../../renderer/src/features/applications/StatusChangeForm';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { useLanguageStore } from '../../../../renderer/src/i18n/language-store';
import { formatUah } from '../../../../renderer/src/lib/format';

const PERSON = { kind: 'person' as const, surname: 'Гнатюк', givenName: 'Ірина', birthDate: '1975-03-14', rnokpp: '1759013776' };
const register = caseRegistrar(PERSON);

/** An ID-01 case registered unpaid through the real backend, its result ready. */
async function readyUnpaid(): Promise<Application> {
  const app = await register();
  await must(deskApi.call('applications.changeStatus', { id: app.id, to: 'sent_to_provider' }));
  await must(deskApi.call('applications.changeStatus', { id: app.id, to: 'in_progress' }));
  return must(deskApi.call('applications.changeStatus', { id: app.id, to: 'result_ready', outcome: { kind: 'positive' } }));
}

beforeEach(() => {
  useLanguageStore.setState({ language: 'uk' });
  useShellStore.setState({ clerk: { id: 'c1', fullName: 'Адміністратор', roles: ['clerk'] } });
});

describe('handing over the result of an unpaid case', { timeout: 30_000 }, () => {
  it('warns with the amount owed and sends the move only once the clerk confirms', async () => {
    const user = userEvent.setup();
    const app = await readyUnpaid();
    expect(app.balance.settled).toBe(false);
    const changed: Application[] = [];
    render(<StatusChangeForm application={app} onChanged={(updated) => changed.push(updated)} />);
    // Not a hand-over: no warning.
    expect(screen.queryByText(/Збір не сплачено/)).toBeNull();

    await user.selectOptions(screen.getByLabelText('Дія'), 'Видати результат');
    const warning = screen.getByText(`Збір не сплачено: до сплати ${formatUah(app.balance.outstandingKopecks)} грн`);
    expect(warning.closest('[role="status"]')).not.toBeNull();
    await user.type(screen.getByLabelText(/Документ отримувача/), 'ID-картка 001234567');
    const confirm = screen.getByRole('checkbox', { name: 'Підтверджую видачу результату без сплаченого збору' });
    expect((confirm as HTMLInputElement).checked).toBe(false);

    // Unconfirmed: the move is stopped at the checkbox, nothing sent.
    await user.click(screen.getByRole('button', { name: 'Змінити стан' }));
    await user.click(screen.getByRole('button', { name: 'Так, закрити звернення' }));
    expect(confirm.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(confirm);
    expect(changed).toEqual([]);
    expect((await must(deskApi.call('applications.get', { id: app.id }))).status).toBe('result_ready');

    // Confirmed from the keyboard: the move goes through.
    await user.keyboard(' ');
    await user.click(screen.getByRole('button', { name: 'Змінити стан' }));
    await user.click(screen.getByRole('button', { name: 'Так, закрити звернення' }));
    await waitFor(() => expect(changed.map((a) => a.status)).toEqual(['issued']));
  });

  it('asks nothing for a settled case', async () => {
    const user = userEvent.setup();
    const app = await readyUnpaid();
    for (const c of app.balance.components) {
      await must(
        deskApi.call('applications.addPayment', {
          applicationId: app.id,
          entry: { type: 'payment', component: c.kind, amountKopecks: c.dueKopecks, reference: 'КВ-1', paidOn: app.registeredOn },
        }),
      );
    }
    const paid = await must(deskApi.call('applications.get', { id: app.id }));
    expect(paid.balance.settled).toBe(true);
    render(<StatusChangeForm application={paid} onChanged={() => undefined} />);
    await user.selectOptions(screen.getByLabelText('Дія'), 'Надіслати рекомендованим листом');
    expect(screen.queryByText(/Збір не сплачено/)).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /без сплаченого збору/ })).toBeNull();
  });
});
