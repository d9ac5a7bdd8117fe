// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { deskApi, must } from '../desk-backend';
import '../dom-setup';
import { QueueScreen } from '../../../../renderer/src/features/queue/QueueScreen';
import { useShellStore } from '../../../../renderer/src/app/shell-store';
import * as intake from '../../../../renderer/src/features/intake/intake-store';

/**
 * The panel on a standalone desk (no back office configured): the real desk backend numbers
 * walk-ins locally, and its `queue.changed` events keep the panel current.
 */
const currentNumber = () => screen.queryByTestId('queue-current-number')?.textContent ?? null;
const button = (name: string | RegExp) => screen.getByRole('button', { name });

describe('the queue panel on a standalone desk', () => {
  it(
    'says there is no back office, serves a walk-in on a local ticket, opens intake linked to it, and finishes',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      render(<QueueScreen />);
      await screen.findByText(/не підключене до бек-офісу/);
      expect(screen.getByText('Біля вікна нікого немає. Викличте наступного відвідувача.')).toBeTruthy();
      // A break is the back office's to know about: greyed, with the reason.
      expect(button(/^Перерва/)).toHaveProperty('disabled', true);
      expect(button(/^Перерва/).getAttribute('aria-describedby')).toBeTruthy();
      expect(button(/^Завершити/)).toHaveProperty('disabled', true);

      await user.keyboard('w');
      const dialog = await screen.findByRole('dialog', { name: 'Відвідувач без талона' });
      await user.click(within(dialog).getByRole('button', { name: 'Почати обслуговування' }));
      expect(within(dialog).getByText('Оберіть послугу (без послуги — лише «Інше питання»).')).toBeTruthy();
      await user.selectOptions(within(dialog).getByLabelText(/^Послуга/), 'ID-01');
      await user.click(within(dialog).getByRole('button', { name: 'Почати обслуговування' }));

      await waitFor(() => expect(currentNumber()).toBe('Л001'));
      expect(screen.getByText('Обслуговується · Місцевий талон')).toBeTruthy();
      expect(screen.getByText('Подати документи')).toBeTruthy();
      // Someone is at the window: no second walk-in, no call.
      expect(button(/^Без талона/)).toHaveProperty('disabled', true);
      expect(button(/^Викликати наступного/)).toHaveProperty('disabled', true);
      // A walk-in starts served: it cannot be "arrived" again or marked a no-show.
      expect(button(/^Відвідувач підійшов/)).toHaveProperty('disabled', true);
      expect(button(/^Не з’явився/)).toHaveProperty('disabled', true);

      await user.keyboard('i');
      await waitFor(() => expect(useShellStore.getState().screen).toBe('intake'));
      const started = intake.useIntakeStore.getState();
      expect(started.ticket?.number).toBe('Л001');
      expect(started.form.service?.code).toBe('ID-01');

      // The intake registered from here carries the ticket.
      intake.newParty('applicant', 'Шевченко Марʼяна');
      intake.setPartyField('applicant', 'rnokpp', '1759013776');
      for (const line of intake.useIntakeStore.getState().form.items) intake.setLine(line.key, { submitted: true });
      await intake.register();
      const registered = intake.useIntakeStore.getState().registered;
      expect(registered?.ticketId).toBe(started.ticket?.id);

      await user.click(button(/^Завершити/));
      await waitFor(() => expect(currentNumber()).toBeNull());
      expect(button(/^Без талона/)).toHaveProperty('disabled', false);

      // Offline, call-next asks the desk's own queue; its refusal is said in words.
      await user.keyboard('n');
      const refusal = await screen.findByRole('alert');
      expect(refusal.textContent).toContain('Дію не виконано.');
      expect(refusal.textContent).toContain('Ніхто не очікує.');
    },
  );

  it(
    'follows the desk backend’s changes live: a walk-in started elsewhere shows, and goes when finished',
    { timeout: 15_000 },
    async () => {
      render(<QueueScreen />);
      await screen.findByText(/не підключене до бек-офісу/);
      const panel = await must(deskApi.call('queue.act', { action: 'walk_in', serviceCode: null, purpose: 'other' }));
      const id = panel.localCurrent?.id;
      await waitFor(() => expect(currentNumber()).toBe('Л002'));
      expect(screen.getByText('Інше питання')).toBeTruthy();
      expect(screen.queryByRole('button', { name: /Прийняти заяву|Видати результат/ })).toBeNull();
      await must(deskApi.call('queue.act', { action: 'finish', ticketId: id ?? '' }));
      await waitFor(() => expect(currentNumber()).toBeNull());
    },
  );
});
