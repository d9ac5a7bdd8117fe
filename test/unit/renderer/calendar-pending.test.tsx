// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import './dom-setup';
import { CalendarTable } from '../../../renderer/src/features/calendar/CalendarTable';
import { MartialLawSwitch } from '../../../renderer/src/features/calendar/MartialLawSwitch';

describe('the calendar of a desk that syncs with its center', () => {
  it('says the calendar is the center’s and marks the switch while its change waits to be sent', async () => {
    const changes: boolean[] = [];
    const { rerender } = render(
      <MartialLawSwitch
        settings={{ martialLaw: false, pending: true, centerOwned: true }}
        canEdit
        busy={false}
        onChange={(on) => changes.push(on)}
      />,
    );
    expect(screen.getByText(/Календар один для всього ЦНАП/)).toBeTruthy();
    expect(screen.getByText(/очікує надсилання до бек-офісу/)).toBeTruthy();
    const toggle = screen.getByRole('checkbox', { name: 'Воєнний стан: святкові дні є робочими' });
    expect(toggle).toHaveProperty('checked', false);
    await userEvent.setup().click(toggle);
    expect(changes).toEqual([true]);

    rerender(
      <MartialLawSwitch
        settings={{ martialLaw: true, pending: false, centerOwned: true }}
        canEdit
        busy={false}
        onChange={() => undefined}
      />,
    );
    expect(screen.queryByText(/очікує надсилання/)).toBeNull();
  });

  it('marks a day whose edit has not reached the back office yet', () => {
    render(
      <CalendarTable
        days={[
          { day: '2027-01-06', kind: 'day_off', name: 'Рішення ради', pending: true },
          { day: '2027-01-08', kind: 'day_off', name: '', pending: false },
        ]}
        year={2027}
        labelledBy="t"
        busy={false}
      />,
    );
    const [pending, settled] = screen.getAllByRole('row').slice(1);
    expect(within(pending!).getAllByRole('cell').at(-1)?.textContent).toBe('Рішення ради (очікує надсилання)');
    expect(within(settled!).getAllByRole('cell').at(-1)?.textContent).toBe('без назви');
  });
});
