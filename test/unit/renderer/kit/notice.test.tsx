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
    expect(screen.getByText('Буде згодом').parentElement?.getAttribute('role')).toBeNull();
  });

  it('a failed call reads in Ukrainian, with what the clerk was doing and the support reference', () => {
    render(<ErrorNotice error={{ code: 'INTERNAL', message: 'boom', details: { correlationId: 'c-42' } }} context="clerk.saveFailed" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('c-42');
    expect(alert.textContent).not.toContain('boom');
  });
});
