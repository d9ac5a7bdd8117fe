// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReasonText } from '../../../renderer/src/features/sync/AttentionItem';
import { useLanguageStore } from '../../../renderer/src/i18n/language-store';

afterEach(() => {
  cleanup();
  useLanguageStore.getState().setLanguage('uk');
});

const taken = JSON.stringify({
  code: 'reg_number_taken',
  message: 'Registration number KV01-07-20261127-0004 is already used by application a0 in this center',
  fieldErrors: [{ path: ['payload', 'regNumber'], message: 'already used in this center' }],
});

describe('ReasonText for a registration number used twice', () => {
  it('says in Ukrainian what happened and what the supervisor does, and keeps the code for IT', () => {
    render(<ReasonText reason={taken} />);
    expect(screen.getByText(/Цей реєстраційний номер уже має інше звернення центру/)).toHaveProperty(
      'textContent',
      expect.stringContaining('Зареєструйте звернення заново'),
    );
    expect(screen.getByText(/Причина: reg_number_taken/)).toBeTruthy();
  });

  it('says it in English when the desk speaks English', () => {
    useLanguageStore.getState().setLanguage('en');
    render(<ReasonText reason={taken} />);
    expect(screen.getByText(/Another application of the center already has this registration number/)).toBeTruthy();
  });

  it('adds no explanation to other refusals', () => {
    render(<ReasonText reason={JSON.stringify({ code: 'invalid_payload', message: 'bad', fieldErrors: [] })} />);
    expect(screen.queryByText(/реєстраційний номер/)).toBeNull();
    expect(screen.getByText(/Причина: invalid_payload/)).toBeTruthy();
  });
});
