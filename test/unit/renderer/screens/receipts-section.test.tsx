// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import { ApplicationCard } from '../../../../renderer/src/features/applications/ApplicationCard';

/** The receipt commands the card sent to the backend (api is `window.vikno`, this desk's in-process connection). */
function receiptCalls() {
  const spy = vi.spyOn(deskApi, 'call');
  return () =>
    spy.mock.calls.map(([method]) => method).filter((m) => m === 'applications.addDocuments' || m === 'applications.correctLine');
}

async function registered(surname: string, passport: string) {
  const [service] = await must(deskApi.call('catalog.search', { q: 'ID-01' }));
  const items = [
    ...service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 })),
    { name: 'Паспорт громадянина України', original: true, sheets: 2, returned: true },
  ];
  return must(
    deskApi.call('intake.register', {
      serviceId: service!.id,
      applicant: {
        kind: 'person',
        surname,
        givenName: 'Олег',
        birthDate: '1980-05-05',
        rnokppAbsent: 'religious',
        idDoc: { type: 'passport_book', number: passport },
      },
      items,
    }),
  );
}

describe('the card’s record and receipts', { timeout: 30_000 }, () => {
  it('shows what was registered and опис №1 with its lines, handed in or presented and returned', async () => {
    const app = await registered('Гончар', 'КВ100001');
    render(<ApplicationCard id={app.id} onChanged={() => undefined} onClose={() => undefined} />);
    const record = await screen.findByRole('region', { name: 'Дані, зафіксовані під час реєстрації' });
    expect(record.textContent).toContain('Гончар Олег');
    expect(record.textContent).toContain(app.snapshot!.service.nameUk);
    const first = screen.getByRole('region', { name: 'Опис № 1' });
    expect(first.textContent).toContain('Паспорт громадянина України — оригінал, арк.: 2, пред’явлено й повернуто');
    expect(first.textContent).toContain('подано');
    // Its own print buttons (the PDF itself is tested through the backend: pdf-lib does not run under jsdom's realm).
    expect(within(first).getByRole('button', { name: 'Відкрити опис (PDF)' })).toBeTruthy();
    expect(within(first).getByRole('button', { name: 'Відкрити опис англійською (PDF)' })).toBeTruthy();
  });

  it('adds documents as опис №2 only once each line is complete', async () => {
    const user = userEvent.setup();
    const app = await registered('Кравець', 'КВ100002');
    render(<ApplicationCard id={app.id} onChanged={() => undefined} onClose={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Додати документи' }));
    const form = screen.getByRole('form', { name: 'Документи, подані після реєстрації' });
    const sent = receiptCalls();
    await user.click(within(form).getByRole('button', { name: 'Скласти додатковий опис' }));
    const name = within(form).getByLabelText('Назва документа, рядок 1');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(sent()).toEqual([]);

    await user.type(name, 'Довідка з місця роботи');
    await user.clear(within(form).getByLabelText('Аркушів, рядок 1'));
    await user.type(within(form).getByLabelText('Аркушів, рядок 1'), '3');
    await user.click(within(form).getByLabelText('Оригінал (рядок 1)'));
    await user.click(within(form).getByRole('button', { name: 'Скласти додатковий опис' }));
    const second = await screen.findByRole('region', { name: 'Додатковий опис № 2' });
    expect(second.textContent).toContain('Довідка з місця роботи — копія, арк.: 3, подано');
    expect(screen.getByText('Складено додатковий опис № 2.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Опис № 1' }).textContent).not.toContain('Довідка з місця роботи');
  });

  it('corrects a line only with a reason, and shows the earlier version as replaced', async () => {
    const user = userEvent.setup();
    const app = await registered('Лисенко', 'КВ100003');
    render(<ApplicationCard id={app.id} onChanged={() => undefined} onClose={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Виправити рядок' }));
    const form = screen.getByRole('form', { name: 'Виправлення рядка опису' });
    const name = within(form).getByLabelText('Назва документа, рядок 1');
    await user.clear(name);
    await user.type(name, 'Заява-анкета (2 аркуші)');
    const sent = receiptCalls();
    await user.click(within(form).getByRole('button', { name: 'Скласти нову версію опису' }));
    const reason = within(form).getByLabelText(/Причина виправлення/);
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    // Stopped in the form: nothing reached the backend.
    expect(sent()).toEqual([]);

    await user.type(reason, 'Описка в назві');
    await user.click(within(form).getByRole('button', { name: 'Скласти нову версію опису' }));
    expect(sent()).toEqual(['applications.correctLine']);
    const latest = await screen.findByRole('region', { name: 'Опис № 1, версія 2' });
    expect(latest.textContent).toContain('Виправлено рядок 1. Причина: Описка в назві');
    expect(latest.textContent).toContain('Заява-анкета (2 аркуші)');
    expect(screen.getByRole('region', { name: /^Опис № 1замінено новішою версією$/ })).toBeTruthy();
  });
});
