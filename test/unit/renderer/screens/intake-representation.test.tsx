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

let serial = 100;
/** A valid РНОКПП no other test of this file uses: each new person is a different one on file. */
function freshRnokpp(): string {
  serial += 1;
  const first9 = `30682${String(serial).padStart(4, '0')}`;
  return `${first9}${rnokppCheckDigit(first9)}`;
}

const section = (id: string) => within(document.getElementById(id) ?? document.body);

function described(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

/** A new person entered in the section `id`, after its search box. */
async function enterPerson(user: UserEvent, sectionId: string, search: string, button: string, name: string): Promise<void> {
  await user.type(section(sectionId).getByRole('combobox', { name: search }), name);
  await openNewPerson(user, section(sectionId).getByRole('button', { name: button }));
  await user.type(section(sectionId).getByLabelText('РНОКПП'), freshRnokpp());
}

async function startIntake(user: UserEvent, applicant = 'Петренко Марія'): Promise<void> {
  // The intake lives in a module store (it survives switching screens): each test starts a new one.
  startNewIntake();
  render(<IntakeScreen />);
  await screen.findByRole('combobox', { name: 'Пошук заявника' });
  await enterPerson(user, 'intake-applicant-section', 'Пошук заявника', 'Новий заявник', applicant);
}

async function chooseService(user: UserEvent, code: string): Promise<void> {
  await user.type(screen.getByRole('combobox', { name: 'Послуга' }), code);
  const services = screen.getByRole('listbox', { name: 'Послуга', hidden: true });
  const option = await within(services).findByRole('option', { name: new RegExp(code) }, { timeout: 3000 });
  await user.click(option);
  await within(await screen.findByRole('table', { name: 'Подані документи' })).findAllByRole('checkbox');
}

async function tickAllDocuments(user: UserEvent): Promise<void> {
  for (const line of within(screen.getByRole('table', { name: 'Подані документи' })).getAllByRole('checkbox')) await user.click(line);
}

const register = (user: UserEvent) => user.click(screen.getByRole('button', { name: 'Зареєструвати' }));

async function registered(): Promise<string> {
  const done = await screen.findByText('Звернення зареєстровано', {}, { timeout: 15_000 });
  return (within(done.closest('section') ?? document.body).getByText(/-\d{4}$/).textContent ?? '').trim();
}

/** The card of an application, opened from the applications screen the way a clerk opens it. */
async function openCard(user: UserEvent, number: string): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Новий прийом' }));
  render(<ApplicationsScreen />);
  await user.click(await screen.findByRole('button', { name: new RegExp(number) }));
  return screen.findByRole('article', { name: `Звернення № ${number}` });
}

// Each test walks the whole form against the real backend: more than the default 5 s on a loaded machine.
const required = (label: string) => screen.getByLabelText(label).getAttribute('aria-required') === 'true';

describe('the representative’s authority', { timeout: 30_000 }, () => {
  it('asks for what each basis needs, and requires what the contract requires', async () => {
    const user = userEvent.setup();
    await startIntake(user);
    await user.click(screen.getByRole('checkbox', { name: 'Звертається представник' }));
    const basis = screen.getByLabelText('Підстава повноважень');
    expect(screen.queryByLabelText('Номер довіреності')).toBeNull();

    await user.selectOptions(basis, 'довіреність, посвідчена нотаріально');
    expect(required('Реєстровий номер довіреності')).toBe(true);
    expect(required('Дата довіреності')).toBe(true);
    expect(required('Нотаріус, що посвідчив довіреність')).toBe(true);
    expect(required('Повноваження дійсні до')).toBe(false);
    expect(screen.getByRole('checkbox', { name: 'Може отримати результат послуги' })).toHaveProperty('checked', false);

    await user.selectOptions(basis, 'довіреність у простій письмовій формі');
    expect(required('Номер довіреності')).toBe(false);
    expect(required('Дата довіреності')).toBe(true);
    expect(screen.queryByLabelText('Нотаріус, що посвідчив довіреність')).toBeNull();

    // A parent acts in full for the child: receiving the result is ticked for them.
    await user.selectOptions(basis, 'законний представник (батьки, опікун, піклувальник)');
    expect(required('Документ, що підтверджує повноваження')).toBe(true);
    expect(required('Серія та номер свідоцтва про народження')).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Може отримати результат послуги' })).toHaveProperty('checked', true);
    await user.selectOptions(screen.getByLabelText('Документ, що підтверджує повноваження'), 'рішення про встановлення опіки (піклування)');
    expect(required('Номер рішення про опіку')).toBe(true);

    // Another basis does not inherit that scope: it is read off the paper.
    await user.selectOptions(basis, 'інша підстава');
    expect(required('На чому ґрунтуються повноваження')).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Може отримати результат послуги' })).toHaveProperty('checked', false);

    // A company head acts by the statute: no document number, but the register must have been checked.
    await user.selectOptions(basis, 'керівник юридичної особи (за ЄДР)');
    expect(screen.queryByLabelText(/Номер/)).toBeNull();
    const registry = screen.getByRole('checkbox', { name: 'Перевірено в ЄДР: особа є керівником юридичної особи' });
    expect(registry.getAttribute('aria-required')).toBe('true');
    await register(user);
    await waitFor(() => expect(registry.getAttribute('aria-invalid')).toBe('true'));
    expect(described(registry)).toBe('Перевірте в ЄДР, що особа є керівником, і позначте це');
  });

  it('refuses an authority that has lapsed, at its date', async () => {
    const user = userEvent.setup();
    await startIntake(user);
    await user.click(screen.getByRole('checkbox', { name: 'Звертається представник' }));
    await enterPerson(user, 'intake-rep-section', 'Пошук представника', 'Нова особа', 'Коваль Петро');
    await user.selectOptions(screen.getByLabelText('Підстава повноважень'), 'довіреність у простій письмовій формі');
    await user.type(screen.getByLabelText('Дата довіреності'), '01.02.2020');
    const until = screen.getByLabelText('Повноваження дійсні до');
    await user.type(until, '01.02.2021');
    // Told on leaving the field, before anything is sent.
    await user.tab();
    await waitFor(() => expect(until.getAttribute('aria-invalid')).toBe('true'));
    expect(described(until)).toBe('Строк повноважень минув: за цим документом представник діяти не може');
    await chooseService(user, 'RM-01');
    await tickAllDocuments(user);
    await register(user);
    expect(described(until)).toBe('Строк повноважень минув: за цим документом представник діяти не може');
    expect(screen.queryByText('Звернення зареєстровано')).toBeNull();
  });
});

describe('registering without required documents', { timeout: 30_000 }, () => {
  it('lists what is missing, needs "the applicant insists" and a reason, and the card shows them', async () => {
    const user = userEvent.setup();
    await startIntake(user, 'Бойко Ганна');
    await chooseService(user, 'RM-01');
    await user.click(screen.getByRole('checkbox', { name: /^Заява/ }));
    const warning = screen.getByRole('region', { name: 'Не подано обов’язкові документи' });
    const missing = within(warning)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(missing).toEqual([
      'Паспорт громадянина України або інший документ, що посвідчує особу',
      'Документ, що підтверджує право на проживання',
    ]);

    await register(user);
    const insist = screen.getByRole('checkbox', { name: 'Заявник наполягає на реєстрації без цих документів' });
    await waitFor(() => expect(insist.getAttribute('aria-invalid')).toBe('true'));
    expect(described(insist)).toBe('Не подано обов’язкові документи: позначте їх або зафіксуйте, що заявник наполягає');

    await user.click(insist);
    await register(user);
    const reason = screen.getByLabelText('Причина, з якої заявник наполягає');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.queryByText('Звернення зареєстровано')).toBeNull();

    await user.type(reason, 'Документи в іншому місті, принесе пізніше');
    await register(user);
    const card = await openCard(user, await registered());
    expect(card.textContent).toContain('Зареєстровано на вимогу заявника без обов’язкових документів');
    expect(
      within(card)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(expect.arrayContaining(missing));
    expect(card.textContent).toContain('Причина: Документи в іншому місті, принесе пізніше');
  });

  it('asks nothing once every required document is ticked', async () => {
    const user = userEvent.setup();
    await startIntake(user, 'Олійник Ірина');
    await chooseService(user, 'RM-01');
    await tickAllDocuments(user);
    expect(screen.queryByRole('region', { name: 'Не подано обов’язкові документи' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: 'Заявник наполягає на реєстрації без цих документів' })).toBeNull();
    await register(user);
    const card = await openCard(user, await registered());
    expect(card.textContent).not.toContain('Зареєстровано на вимогу заявника');
  });
});

describe('the application card', { timeout: 30_000 }, () => {
  it('shows the representative with their authority and the person the service concerns', async () => {
    const user = userEvent.setup();
    await startIntake(user, 'Гнатюк Степан');
    await user.click(screen.getByRole('checkbox', { name: 'Послуга стосується іншої особи, не заявника' }));
    await enterPerson(user, 'intake-subject-section', 'Пошук особи, щодо якої надається послуга', 'Нова особа', 'Гнатюк Ольга');
    await user.click(screen.getByRole('checkbox', { name: 'Звертається представник' }));
    await enterPerson(user, 'intake-rep-section', 'Пошук представника', 'Нова особа', 'Мороз Віктор');
    await user.selectOptions(screen.getByLabelText('Підстава повноважень'), 'довіреність, посвідчена нотаріально');
    await user.type(screen.getByLabelText('Реєстровий номер довіреності'), '1234');
    await user.type(screen.getByLabelText('Дата довіреності'), '01.10.2025');
    await user.type(screen.getByLabelText('Нотаріус, що посвідчив довіреність'), 'Приватний нотаріус Кравець Л. М.');
    await user.click(screen.getByRole('checkbox', { name: 'Може отримати результат послуги' }));
    await chooseService(user, 'RM-01');
    await tickAllDocuments(user);
    await register(user);
    const card = await openCard(user, await registered());

    // The card's facts as they stand; the record as registered repeats them in its own section.
    const facts = within(card.querySelector<HTMLElement>('.card-facts')!);
    const rep = facts.getByText('Представник').nextElementSibling?.textContent ?? '';
    expect(rep).toContain('Мороз Віктор');
    expect(rep).toContain(
      'довіреність, посвідчена нотаріально · № 1234 · від 01.10.2025 · нотаріус Приватний нотаріус Кравець Л. М. · може отримати результат',
    );
    expect(facts.getByText('Особа, щодо якої надається послуга').nextElementSibling?.textContent).toBe('Гнатюк Ольга');
    const record = within(within(card).getByRole('region', { name: 'Дані, зафіксовані під час реєстрації' }));
    expect(record.getByText('Представник').nextElementSibling?.textContent).toContain('Мороз Віктор');
    expect(record.getByText('Особа, щодо якої надається послуга').nextElementSibling?.textContent).toContain('Гнатюк Ольга');
  });
});

describe('a service that needs the applicant in person', { timeout: 30_000 }, () => {
  it('refuses a representative already entered, and offers none once it is taken off', async () => {
    const user = userEvent.setup();
    await startIntake(user, 'Ткач Роман');
    const representative = screen.getByRole('checkbox', { name: 'Звертається представник' });
    await user.click(representative);
    await chooseService(user, 'ID-01');
    await tickAllDocuments(user);
    await register(user);
    await waitFor(() => expect(representative.getAttribute('aria-invalid')).toBe('true'));
    expect(described(representative)).toBe('Послуга потребує особистої присутності: представник не допускається');

    await user.click(representative);
    expect(screen.queryByRole('checkbox', { name: 'Звертається представник' })).toBeNull();
    // The box that had focus is gone: the note takes it, so the keyboard (Ctrl+Enter) stays in the form.
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe('Ця послуга потребує особистої присутності заявника: представник не допускається.'),
    );
    expect(screen.getByText('Ця послуга потребує особистої присутності заявника: представник не допускається.')).toBeTruthy();
    await register(user);
    expect(await registered()).toMatch(/-\d{4}$/);
  });
});
