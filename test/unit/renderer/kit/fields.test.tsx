// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Checkbox } from '../../../../renderer/src/kit/Checkbox';
import { DateInput } from '../../../../renderer/src/kit/DateInput';
import { SelectInput } from '../../../../renderer/src/kit/SelectInput';
import { TextInput } from '../../../../renderer/src/kit/TextInput';
import type { TextInputProps } from '../../../../renderer/src/kit/TextInput';
import '../dom-setup';

/** The texts a control's aria-describedby points at, in order. */
function descriptions(control: HTMLElement): string[] {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`);
}

function Controlled(props: Omit<TextInputProps, 'value' | 'onChange'>) {
  const [value, setValue] = useState('');
  return <TextInput {...props} value={value} onChange={setValue} />;
}

describe('TextInput', () => {
  it('is found by its label alone: the required mark is not part of its name', () => {
    render(<TextInput id="surname" label="Прізвище" required value="" onChange={() => undefined} />);
    const input = screen.getByLabelText('Прізвище');
    expect(input).toHaveProperty('tagName', 'INPUT');
    expect(input.getAttribute('aria-required')).toBe('true');
    // The mark is shown, hidden from screen readers (aria-required says it), right after the label.
    const mark = screen.getByText('*', { exact: false, selector: '[aria-hidden="true"]' });
    expect(mark.previousElementSibling?.tagName).toBe('LABEL');
  });

  it('ties its hint, then its error, to the control; the error is invalid and in a live region', () => {
    const { rerender } = render(<TextInput id="rnokpp" label="РНОКПП" hint="10 цифр" value="12" onChange={() => undefined} />);
    const input = screen.getByLabelText('РНОКПП');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(descriptions(input)).toEqual(['10 цифр']);

    rerender(
      <TextInput id="rnokpp" label="РНОКПП" hint="10 цифр" error="РНОКПП має складатися з 10 цифр" value="12" onChange={() => undefined} />,
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptions(input)).toEqual(['10 цифр', 'РНОКПП має складатися з 10 цифр']);
    const error = screen.getByText('РНОКПП має складатися з 10 цифр');
    // Announced: it appeared inside a region that was already live before it.
    expect(error.closest('[aria-live="polite"]')).not.toBeNull();
  });

  it('shows a warning only while there is no error', () => {
    const { rerender } = render(<TextInput id="d" label="Дата" warning="Перевірте дату" value="" onChange={() => undefined} />);
    expect(descriptions(screen.getByLabelText('Дата'))).toEqual(['Перевірте дату']);
    rerender(<TextInput id="d" label="Дата" warning="Перевірте дату" error="Неправильна дата" value="" onChange={() => undefined} />);
    expect(descriptions(screen.getByLabelText('Дата'))).toEqual(['Неправильна дата']);
    expect(screen.queryByText('Перевірте дату')).toBeNull();
  });

  it('passes typed text up, as a one-line input or a textarea', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Controlled id="name" label="Назва" />
        <Controlled id="notes" label="Примітки" rows={3} />
      </>,
    );
    await user.type(screen.getByLabelText('Назва'), 'Різдво');
    await user.type(screen.getByLabelText('Примітки'), 'два{Enter}рядки');
    expect(screen.getByLabelText('Назва')).toHaveProperty('value', 'Різдво');
    expect(screen.getByLabelText('Примітки')).toHaveProperty('value', 'два\nрядки');
    expect(screen.getByLabelText('Примітки').tagName).toBe('TEXTAREA');
  });
});

describe('SelectInput', () => {
  it('is found by its label and reports only its own option values', async () => {
    const user = userEvent.setup();
    const chosen: string[] = [];
    render(
      <SelectInput<'day_off' | 'working_day'>
        id="kind"
        label="Вид дня"
        value="day_off"
        error="Оберіть вид"
        options={[
          { value: 'day_off', label: 'вихідний' },
          { value: 'working_day', label: 'робочий' },
        ]}
        onChange={(value) => chosen.push(value)}
      />,
    );
    const select = screen.getByLabelText('Вид дня');
    await user.selectOptions(select, 'робочий');
    expect(chosen).toEqual(['working_day']);
    expect(descriptions(select)).toEqual(['Оберіть вид']);
    expect(select.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('DateInput', () => {
  it('asks for ДД.ММ.РРРР by its placeholder, with digits on the keyboard', () => {
    render(<DateInput id="poa" label="Дата довіреності" required value="" onChange={() => undefined} />);
    const input = screen.getByLabelText('Дата довіреності');
    expect(input.getAttribute('placeholder')).toBe('ДД.ММ.РРРР');
    expect(input.getAttribute('inputmode')).toBe('numeric');
    expect(input.getAttribute('aria-required')).toBe('true');
  });
});

describe('Checkbox', () => {
  it('is named by its text and carries its hint and error', async () => {
    const user = userEvent.setup();
    const changes: boolean[] = [];
    render(
      <Checkbox
        id="refused"
        label="Немає РНОКПП"
        hint="Особу встановлюють за паспортом"
        error="Суперечить РНОКПП"
        checked={false}
        onChange={(c) => changes.push(c)}
      />,
    );
    const box = screen.getByRole('checkbox', { name: 'Немає РНОКПП' });
    expect(screen.getByLabelText('Немає РНОКПП')).toBe(box);
    await user.click(box);
    expect(changes).toEqual([true]);
    expect(descriptions(box)).toEqual(['Особу встановлюють за паспортом', 'Суперечить РНОКПП']);
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });
});
