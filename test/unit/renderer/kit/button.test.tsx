// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Button } from '../../../../renderer/src/kit/Button';
import '../dom-setup';

const CONFIRM = { question: 'Усі введені дані буде втрачено.', yes: 'Так, відкинути', no: 'Ні, продовжити' };

describe('Button', () => {
  it('acts at once when it is not a danger button', async () => {
    const user = userEvent.setup();
    const pressed: string[] = [];
    render(
      <Button variant="primary" onClick={() => pressed.push('register')}>
        Зареєструвати
      </Button>,
    );
    await user.click(screen.getByRole('button', { name: 'Зареєструвати' }));
    expect(pressed).toEqual(['register']);
  });

  it('danger: the first press only asks; "no" puts the button back with focus, nothing done', async () => {
    const user = userEvent.setup();
    const pressed: string[] = [];
    render(
      <Button variant="danger" confirm={CONFIRM} onClick={() => pressed.push('discard')}>
        Скасувати прийом
      </Button>,
    );
    await user.click(screen.getByRole('button', { name: 'Скасувати прийом' }));
    expect(pressed).toEqual([]);
    expect(screen.getByRole('group', { name: CONFIRM.question })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Так, відкинути' }));
    await user.click(screen.getByRole('button', { name: 'Ні, продовжити' }));
    expect(pressed).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Скасувати прийом' }));
  });

  it('danger: acts once, only after "yes", by keyboard too', async () => {
    const user = userEvent.setup();
    const pressed: string[] = [];
    render(
      <Button variant="danger" confirm={CONFIRM} onClick={() => pressed.push('discard')}>
        Скасувати прийом
      </Button>,
    );
    screen.getByRole('button', { name: 'Скасувати прийом' }).focus();
    await user.keyboard('{Enter}');
    expect(pressed).toEqual([]);
    await user.keyboard('{Enter}');
    expect(pressed).toEqual(['discard']);
    expect(screen.getByRole('button', { name: 'Скасувати прийом' })).toBeTruthy();
  });
});
