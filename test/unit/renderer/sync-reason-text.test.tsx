// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RefusalText } from '../../../renderer/src/features/sync/ChangeParts';
import { useLanguageStore } from '../../../renderer/src/i18n/language-store';

afterEach(() => {
  cleanup();
  useLanguageStore.getState().setLanguage('uk');
});

const taken = { type: 'rejected' as const, code: 'reg_number_taken', fields: ['regNumber'] };

describe('RefusalText for a registration number used twice', () => {
  it('says in Ukrainian what happened and what the supervisor does', () => {
    render(<RefusalText refusal={taken} />);
    expect(screen.getByText(/Цей реєстраційний номер уже має інше звернення центру/)).toHaveProperty(
      'textContent',
      expect.stringContaining('Зареєструйте звернення заново'),
    );
    expect(screen.queryByText(/reg_number_taken/)).toBeNull();
  });

  it('says it in English when the desk speaks English', () => {
    useLanguageStore.getState().setLanguage('en');
    render(<RefusalText refusal={taken} />);
    expect(screen.getByText(/Another application of the center already has this registration number/)).toBeTruthy();
  });

  it('words the other known refusals, and a conflict by its fields’ labels', () => {
    render(<RefusalText refusal={{ type: 'rejected', code: 'transition_forbidden', fields: [] }} />);
    expect(screen.getByText(/Такої зміни стану з поточного стану не буває/)).toBeTruthy();
    cleanup();
    render(<RefusalText refusal={{ type: 'conflict', fields: ['notes', 'resultDelivery'] }} />);
    expect(screen.getByText('Змінені в обох місцях поля: Примітки, Спосіб отримання результату')).toBeTruthy();
  });
});
