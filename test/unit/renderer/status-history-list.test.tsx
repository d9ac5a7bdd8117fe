// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useShellStore } from '../../../renderer/src/app/shell-store';
import { StatusHistoryList } from '../../../renderer/src/features/applications/StatusHistoryList';
import { useLanguageStore } from '../../../renderer/src/i18n/language-store';
import { STANDALONE } from '../../helpers/sync-status';
import type { Application } from '../../../shared/domain/application';

afterEach(() => {
  cleanup();
  useShellStore.setState({ sync: null });
  useLanguageStore.getState().setLanguage('uk');
});

const history: Application['history'] = [
  {
    from: null,
    to: 'registered',
    reason: null,
    receivedBy: null,
    at: '2026-11-27T09:00:00.000Z',
    clerkId: 'c-a',
    actorName: 'Олена Коваль',
    pending: false,
  },
  {
    from: 'registered',
    to: 'sent_to_provider',
    reason: null,
    receivedBy: null,
    at: '2026-11-27T10:00:00.000Z',
    clerkId: 'c-old',
    actorName: null,
    pending: false,
  },
  {
    from: 'sent_to_provider',
    to: 'refused',
    reason: 'Неповний пакет',
    receivedBy: null,
    at: '2026-11-27T11:00:00.000Z',
    clerkId: 'c-b',
    actorName: 'Петро Мельник',
    pending: true,
  },
];

describe('the card’s status history', () => {
  it('names who made each step, and marks only the step not yet sent', () => {
    render(<StatusHistoryList history={history} />);
    const steps = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(steps.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/зареєстровано.*виконав\(ла\): Олена Коваль$/i),
      expect.stringMatching(/виконав\(ла\): працівник іншого робочого місця$/),
      expect.stringMatching(/Неповний пакет — виконав\(ла\): Петро Мельник \(ще не надіслано до бек-офісу\)$/),
    ]);
    expect(steps.map((li) => li.classList.contains('history-pending'))).toEqual([false, false, true]);
  });

  it('speaks English when the clerk switched to it', () => {
    useLanguageStore.getState().setLanguage('en');
    render(<StatusHistoryList history={history} />);
    expect(screen.getByRole('list').textContent).toContain('by Петро Мельник (not yet sent to the back office)');
    expect(screen.getByRole('list').textContent).toContain('by a clerk at another desk');
  });

  it('marks nothing as waiting on a standalone desk, which has no back office to send to', () => {
    useShellStore.setState({ sync: { ...STANDALONE, pending: 3 } });
    render(<StatusHistoryList history={history} />);
    const steps = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(steps[2]?.textContent).toMatch(/Петро Мельник$/);
    expect(steps.map((li) => li.classList.contains('history-pending'))).toEqual([false, false, false]);
  });
});
