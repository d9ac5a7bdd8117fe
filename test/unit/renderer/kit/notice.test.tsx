// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorNotice } from '../../../../renderer/src/kit/ErrorNotice';
import { Notice } from '../../../../renderer/src/kit/Notice';
import '../dom-setup';

describe('Notice', () => {
  it('an error interrupts (alert); the other tones are polite (status)', () => {
    render(
      <>
        <Notice tone="error" title="Не збережено" />
        <Notice tone="success" title="Збережено" />
        <Notice tone="warning" title="Перевірте годинник" />
        <Notice tone="info" title="Буде згодом" announce={false} />
      </>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Не збережено');
    expect(screen.getAllByRole('status').map((n) => n.textContent)).toEqual(['Збережено', 'Перевірте годинник']);
    expect(screen.queryAllByRole('status').map((n) => n.textContent)).not.toContain('Буде згодом');
  });

  it('one that is part of the screen from the start is a region named by its title; without a title, no role', () => {
    render(
      <>
        <Notice tone="info" title="Є незавершений прийом" announce={false}>
          <p>Шевченко Тарас</p>
        </Notice>
        <Notice tone="info" announce={false}>
          <p>Без заголовка</p>
        </Notice>
      </>,
    );
    expect(screen.getByRole('region', { name: 'Є незавершений прийом' }).textContent).toContain('Шевченко Тарас');
    expect(screen.getByText('Без заголовка').parentElement?.getAttribute('role')).toBeNull();
  });

  it('a failed call reads in Ukrainian, with what the clerk was doing and the support reference', () => {
    render(<ErrorNotice error={{ code: 'INTERNAL', message: 'boom', details: { correlationId: 'c-42' } }} context="clerk.saveFailed" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('c-42');
    expect(alert.textContent).not.toContain('boom');
  });
});
