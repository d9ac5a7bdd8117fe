// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import type { ApplicantInput } from '../../../../shared/domain/applicant';
import { rnokppCheckDigit } from '../../../../shared/validate/rnokpp';
import { IntakeScreen } from '../../../../renderer/src/features/intake/IntakeScreen';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import { EMPTY_PARTY, emptyForm, toDraftData } from '../../../../renderer/src/features/intake/intake-form';
import {
  lookForDuplicates,
  newParty,
  setPartyField,
  startNewIntake,
  useIntakeStore,
} from '../../../../renderer/src/features/intake/intake-store';
import { openNewPerson } from './new-person';

/** What the clerk hears for a control besides its name: its hint, error or warning. */
function described(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');
}

async function newApplicant(user: UserEvent, typed = ''): Promise<void> {
  render(<IntakeScreen />);
  const search = await screen.findByRole('combobox', { name: 'Пошук заявника' });
  if (typed !== '') await user.type(search, typed);
  await openNewPerson(user, screen.getByRole('button', { name: 'Новий заявник' }));
}

const applicantSection = () => screen.getByRole('region', { name: /Заявник/ });

beforeEach(async () => {
  startNewIntake();
  await must(deskApi.call('drafts.discard', {}));
});

// Typing through user-event is slow on a shared machine: these run longer than the unit default.
describe('the applicant on the intake screen', { timeout: 30_000 }, () => {
  it('switches between a person, a sole trader (the person plus business fields) and a legal entity', async () => {
    const user = userEvent.setup();
    await newApplicant(user, 'Коваль Ірина');
    const section = within(applicantSection());
    expect(section.getByRole('radio', { name: 'Фізична особа' })).toHaveProperty('checked', true);
    expect(section.queryByLabelText('Найменування ФОП')).toBeNull();

    await user.click(section.getByRole('radio', { name: 'ФОП' }));
    expect(section.getByLabelText('Прізвище')).toHaveProperty('value', 'Коваль');
    expect(section.getByLabelText('РНОКПП')).toBeTruthy();
    expect(section.getByLabelText('Найменування ФОП')).toBeTruthy();
    expect(section.getByLabelText('Номер запису в ЄДР')).toBeTruthy();

    await user.click(section.getByRole('radio', { name: 'Юридична особа' }));
    expect(section.queryByLabelText('Прізвище')).toBeNull();
    expect(section.getByLabelText('Код ЄДРПОУ').getAttribute('aria-required')).toBe('true');

    await user.click(section.getByRole('radio', { name: 'Фізична особа' }));
    expect(section.queryByLabelText('Найменування ФОП')).toBeNull();
    expect(section.getByLabelText('Прізвище')).toHaveProperty('value', 'Коваль');
  });

  it('takes a reason instead of an РНОКПП; the document then identifies the person', async () => {
    const user = userEvent.setup();
    await newApplicant(user, 'Smith John');
    await user.click(screen.getByRole('button', { name: 'Зареєструвати' }));
    const rnokpp = screen.getByLabelText('РНОКПП');
    expect(described(rnokpp)).toBe('Вкажіть РНОКПП або причину, з якої його немає');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Немає РНОКПП — причина' }), 'іноземець або особа без громадянства');
    expect(screen.queryByLabelText('РНОКПП')).toBeNull();
    const number = screen.getByLabelText('Серія та номер');
    expect(number.getAttribute('aria-required')).toBe('true');
    expect(described(number)).toBe('Без РНОКПП вкажіть номер документа, що посвідчує особу');
    expect(described(screen.getByRole('combobox', { name: 'Немає РНОКПП — причина' }))).toContain('Особу встановлюють за документом');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Документ особи' }), 'посвідка на тимчасове проживання');
    await user.type(number, 'АБ123456');
    await user.tab();
    expect(number.getAttribute('aria-invalid')).toBeNull();
    expect(useIntakeStore.getState().form.applicant.fields).toMatchObject({ rnokpp: '', rnokppAbsent: 'foreigner' });
  });

  it('checks the document number by its type as the clerk leaves it: errors, warnings, expiry', async () => {
    const user = userEvent.setup();
    await newApplicant(user, 'Коваль Ірина');
    const type = screen.getByRole('combobox', { name: 'Документ особи' });
    const options = within(type)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options.slice(0, 3)).toEqual(['ID-картка', 'паспорт-книжечка', 'паспорт для виїзду за кордон']);
    expect(options).not.toContain('посвідка на проживання');

    // An ID card: 9 digits, its issuer a 4-digit code, "valid until" required.
    const number = screen.getByLabelText('Серія та номер');
    await user.type(number, '12345');
    await user.tab();
    expect(described(number)).toMatch(/9 цифр/);
    expect(screen.getByLabelText('Дійсний до').getAttribute('aria-required')).toBe('true');
    const issuer = screen.getByLabelText('Орган, що видав (код)');
    await user.type(issuer, 'МВС');
    await user.tab();
    expect(described(issuer)).toBe('Орган, що видав ID-картку, вказується чотирицифровим кодом, наприклад 8032');

    await user.clear(number);
    await user.type(number, '123456789');
    const validUntil = screen.getByLabelText('Дійсний до');
    await user.type(validUntil, '01.01.2020');
    await user.tab();
    expect(described(validUntil)).toBe('Строк дії документа минув: прийняти його не можна. Попросіть інший чинний документ');

    // A refugee certificate's pattern is certain: a wrong number is an error.
    await user.selectOptions(type, 'посвідчення біженця');
    expect(described(number)).toBe('Номер не відповідає формату документа цього типу. Звірте номер або оберіть інший тип документа');
    // A travel passport's is likely: a wrong number is a warning, not a block.
    await user.selectOptions(type, 'паспорт для виїзду за кордон');
    await user.clear(number);
    await user.type(number, 'FX12345');
    await user.tab();
    expect(number.getAttribute('aria-invalid')).toBeNull();
    expect(described(number)).toBe('Незвичний формат номера для документа цього типу. Звірте номер із документом');

    // A booklet prints no "valid until"; its issuer is a name.
    await user.selectOptions(type, 'паспорт-книжечка');
    expect(screen.queryByLabelText('Дійсний до')).toBeNull();
    expect(screen.getByLabelText('Ким видано')).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Як пред’явлено' }), 'е-документ у Дії');
    expect(useIntakeStore.getState().form.applicant.fields.idDocPresentedAs).toBe('diia');
  });

  it('cleans a name as the clerk leaves it and says what it changed', async () => {
    const user = userEvent.setup();
    await newApplicant(user);
    const surname = screen.getByLabelText('Прізвище');
    await user.type(surname, 'Олiйник'); // a Latin i
    await user.tab();
    expect(surname).toHaveProperty('value', 'Олійник');
    expect(described(surname)).toBe('Латинські літери замінено на кириличні');

    const given = screen.getByLabelText('Ім’я');
    await user.type(given, 'Мар’яна');
    await user.tab();
    expect(given).toHaveProperty('value', 'Марʼяна');
    expect(described(given)).toBe('Апостроф приведено до ʼ');

    // A name that needed nothing gets no note; editing a cleaned one takes its note away.
    const patronymic = screen.getByLabelText('По батькові');
    await user.type(patronymic, 'Іванівна');
    await user.tab();
    expect(described(patronymic)).toBe('');
    await user.type(surname, 'а');
    expect(described(surname)).toBe('');
  });

  it('cleans to the apostrophe the desk is set to, as the backend will store it', async () => {
    const info = await must(deskApi.call('app.info', {}));
    useShellStore.setState({ info: { status: 'loaded', info: { ...info, names: { apostrophe: '’' } } } });
    try {
      const user = userEvent.setup();
      await newApplicant(user);
      const given = screen.getByLabelText('Ім’я');
      await user.type(given, 'Марʼяна');
      await user.tab();
      expect(given).toHaveProperty('value', 'Мар’яна');
      expect(described(given)).toBe('Апостроф приведено до ’');
    } finally {
      useShellStore.setState({ info: { status: 'loading' } });
    }
  });

  it('asks the clerk to confirm a birth date or sex that contradicts the РНОКПП', async () => {
    const user = userEvent.setup();
    await newApplicant(user, 'Шевченко Тарас');
    await user.type(screen.getByLabelText('РНОКПП'), '1759013776');
    await user.tab();
    const birth = screen.getByLabelText('Дата народження');
    expect(birth).toHaveProperty('value', '28.02.1948');
    expect(screen.queryByRole('checkbox', { name: 'Підтверджую: дані звірено з документом' })).toBeNull();

    await user.clear(birth);
    await user.type(birth, '01.03.1948');
    await user.tab();
    expect(described(birth)).toBe('Дата народження, закладена в РНОКПП, не збігається з введеною');
    const confirm = screen.getByRole('checkbox', { name: 'Підтверджую: дані звірено з документом' });
    await user.click(screen.getByRole('button', { name: 'Зареєструвати' }));
    const summary = await screen.findByRole('alert', { name: /Щоб зареєструвати, виправте помилки/ });
    expect(summary.textContent).toContain('Звірте дату народження і стать із документом і підтвердьте це');
    expect(described(confirm)).toContain('Звірте дату народження');

    await user.click(confirm);
    expect(confirm.getAttribute('aria-invalid')).toBeNull();
    // Another change to what the РНОКПП encodes asks again.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Стать' }), 'жіноча');
    expect(screen.getByRole('checkbox', { name: 'Підтверджую: дані звірено з документом' })).toHaveProperty('checked', false);
  });

  it('shows a field’s problem only once it was changed and left, or after Register', async () => {
    const user = userEvent.setup();
    await newApplicant(user);
    const surname = screen.getByLabelText('Прізвище');
    await user.click(surname);
    await user.tab();
    await user.tab();
    expect(surname.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText('Ім’я').getAttribute('aria-invalid')).toBeNull();

    await user.type(surname, 'К');
    await user.clear(surname);
    await user.tab();
    expect(surname.getAttribute('aria-invalid')).toBe('true');
    expect(described(surname)).toBe('Вкажіть прізвище');
    expect(screen.getByLabelText('Ім’я').getAttribute('aria-invalid')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Зареєструвати' }));
    expect(screen.getByLabelText('Ім’я').getAttribute('aria-invalid')).toBe('true');
  });
});

/** A valid РНОКПП nobody else in this file uses: its check digit computed from the first nine. */
function rnokppFrom(first9: string): string {
  return `${first9}${rnokppCheckDigit(first9)}`;
}

/** Puts someone on file through the backend, as another desk's registration would. */
async function onFile(applicant: ApplicantInput): Promise<void> {
  // RM-03 has no РНОКПП on its card and allows any applicant, a legal entity included.
  const [service] = await must(deskApi.call('catalog.search', { q: 'RM-03' }));
  if (!service) throw new Error('the sample catalog has no RM-03');
  await must(
    deskApi.call('intake.register', {
      serviceId: service.id,
      applicant,
      items: service.documents.map((doc) => ({ name: doc.nameUk, original: true, sheets: 1 })),
    }),
  );
}

const personOnFile = (surname: string, rnokpp: string) => onFile({ kind: 'person', surname, givenName: 'Петро', rnokpp });

describe('a new applicant already on file', { timeout: 30_000 }, () => {
  it('is offered as soon as the РНОКПП is complete and valid, and choosing them takes the record on file', async () => {
    const user = userEvent.setup();
    const rnokpp = rnokppFrom('301234567');
    await personOnFile('Дорошенко', rnokpp);
    await newApplicant(user, 'Дорошенко Петро');
    const field = screen.getByLabelText('РНОКПП');
    // Half a number is not looked up.
    await user.type(field, rnokpp.slice(0, 6));
    await user.tab();
    expect(screen.queryByText('Цей заявник уже є:')).toBeNull();

    await user.type(field, rnokpp.slice(6));
    await user.tab();
    const offer = (await screen.findByText('Цей заявник уже є:')).closest('.duplicate-offer') as HTMLElement;
    expect(offer.textContent).toContain('Дорошенко Петро');
    expect(offer.textContent).toContain(rnokpp);
    await user.click(within(offer).getByRole('button', { name: 'Обрати: Дорошенко Петро' }));
    expect(useIntakeStore.getState().form.applicant).toMatchObject({ mode: 'existing', summary: { displayName: 'Дорошенко Петро' } });
    expect(screen.queryByLabelText('РНОКПП')).toBeNull();
  });

  it('is offered by the identity document’s number, and a legal entity by its ЄДРПОУ', async () => {
    const user = userEvent.setup();
    await onFile({
      kind: 'person',
      surname: 'Олексієнко',
      givenName: 'Марта',
      rnokppAbsent: 'foreigner',
      idDoc: { type: 'permanent_residence_permit', number: 'ЖК123456' },
    });
    await newApplicant(user, 'Олексієнко Марта');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Немає РНОКПП — причина' }), 'foreigner');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Документ особи' }), 'посвідка на постійне проживання');
    await user.type(screen.getByLabelText('Серія та номер'), 'жк 123456');
    await user.tab();
    const offer = (await screen.findByText('Цей заявник уже є:')).closest('.duplicate-offer') as HTMLElement;
    expect(offer.textContent).toContain('Олексієнко Марта');
    // Another type with the same number is another document: the offer goes at once, and leaving the number finds nobody.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Документ особи' }), 'посвідка на тимчасове проживання');
    expect(screen.queryByText('Цей заявник уже є:')).toBeNull();
    await user.click(screen.getByLabelText('Серія та номер'));
    await user.tab();
    expect(
      await must(deskApi.call('applicants.findDuplicates', { idDoc: { type: 'temporary_residence_permit', number: 'ЖК123456' } })),
    ).toEqual([]);
    expect(screen.queryByText('Цей заявник уже є:')).toBeNull();

    await onFile({ kind: 'legal_entity', legalName: 'ТОВ «Вікно»', edrpou: '32855961' });
    await user.click(screen.getByRole('radio', { name: 'Юридична особа' }));
    await user.type(screen.getByLabelText('Код ЄДРПОУ'), '3285 5961');
    await user.tab();
    const company = (await screen.findByText('Цей заявник уже є:')).closest('.duplicate-offer') as HTMLElement;
    expect(company.textContent).toContain('ТОВ «Вікно»');
  });

  it('is not offered from an answer that arrives after the identifier changed', async () => {
    const rnokpp = rnokppFrom('303456789');
    await personOnFile('Стефанюк', rnokpp);
    newParty('applicant', '');
    setPartyField('applicant', 'rnokpp', rnokpp);
    const pending = lookForDuplicates('applicant');
    setPartyField('applicant', 'rnokpp', rnokpp.slice(0, 9));
    await pending;
    expect(useIntakeStore.getState().duplicates.applicant).toBeUndefined();
    // The same lookup left to finish offers the person.
    setPartyField('applicant', 'rnokpp', rnokpp);
    await lookForDuplicates('applicant');
    expect(useIntakeStore.getState().duplicates.applicant?.map((p) => p.displayName)).toEqual(['Стефанюк Петро']);
  });

  it('is offered when registering is refused as a duplicate (someone put them on file meanwhile)', async () => {
    const user = userEvent.setup();
    const rnokpp = rnokppFrom('302345678');
    await newApplicant(user, 'Гнатюк Петро');
    await user.type(screen.getByLabelText('РНОКПП'), rnokpp);
    await user.tab();
    await user.type(screen.getByRole('combobox', { name: 'Послуга' }), 'ID-01');
    const services = screen.getByRole('listbox', { name: 'Послуга', hidden: true });
    await waitFor(() => expect(within(services).getAllByRole('option').length).toBeGreaterThan(0), { timeout: 3000 });
    await user.click(within(services).getAllByRole('option')[0]!);
    await screen.findByRole('checkbox', { name: /^Свідоцтво про народження/ });
    for (const line of within(screen.getByRole('table', { name: 'Подані документи' })).getAllByRole('checkbox')) await user.click(line);
    expect(screen.queryByText('Цей заявник уже є:')).toBeNull();

    await personOnFile('Гнатюк', rnokpp);
    await user.click(screen.getByRole('button', { name: 'Зареєструвати' }));
    const offer = (await screen.findByText('Цей заявник уже є:')).closest('.duplicate-offer') as HTMLElement;
    expect(offer.textContent).toContain('Гнатюк Петро');
    expect(described(screen.getByLabelText('РНОКПП'))).toBe('Особа з таким ідентифікатором уже є: оберіть її');
  });
});

describe('drafts of the intake', { timeout: 30_000 }, () => {
  it('opening «Новий заявник» without typing saves no draft; the first letter does', async () => {
    const user = userEvent.setup();
    await newApplicant(user);
    expect(screen.getByLabelText('Прізвище')).toBeTruthy();
    // Longer than the autosave's debounce: a draft would have been written by now.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await must(deskApi.call('drafts.get', {}))).toBeNull();
    expect(useIntakeStore.getState().draft).toEqual({ status: 'none' });

    await user.type(screen.getByLabelText('Прізвище'), 'К');
    await waitFor(async () => expect(await must(deskApi.call('drafts.get', {}))).not.toBeNull(), { timeout: 3000 });
  });

  it('«Продовжити незавершений прийом» puts focus into the form, so Ctrl+Enter registers at once', async () => {
    const user = userEvent.setup();
    const form = emptyForm();
    form.applicant = { mode: 'form', id: null, summary: null, fields: { ...EMPTY_PARTY, surname: 'Ткаченко', givenName: 'Ліна' } };
    await must(deskApi.call('drafts.save', { data: toDraftData(form) }));
    useIntakeStore.setState({ phase: 'idle' });
    render(<IntakeScreen />);
    await user.click(await screen.findByRole('button', { name: 'Продовжити незавершений прийом' }));
    const formElement = await screen.findByRole('form', { name: 'Реєстрація звернення' });
    await waitFor(() => expect(formElement.contains(document.activeElement)).toBe(true));

    await user.keyboard('{Control>}{Enter}{/Control}');
    const summary = await screen.findByRole('alert', { name: /Щоб зареєструвати, виправте помилки/ });
    expect(summary.textContent).toContain('Оберіть послугу');
  });
});
