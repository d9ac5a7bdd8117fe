// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../dom-setup';
import { ConnectionNotice } from '../../../../renderer/src/features/queue/ConnectionNotice';
import { panel } from './ticket-fixture';

/** What the panel says when it is not the back office's live view (the panel as the desk backend sends it). */
describe('the queue panel’s connection notice', () => {
  it('online with nothing refused: says nothing', () => {
    const { container } = render(<ConnectionNotice panel={panel()} />);
    expect(container.textContent).toBe('');
  });

  it('offline: one sentence on what still works, the last contact and what waits to be sent', () => {
    render(<ConnectionNotice panel={panel({ connection: 'offline', lastContactAt: '2026-12-03T08:15:00.000Z', localPending: 3 })} />);
    expect(screen.getByText(/^Бек-офіс недоступний: .* з місцевим талоном, його буде надіслано пізніше\.$/)).toBeTruthy();
    expect(screen.getByText(/^Останній зв’язок з бек-офісом: 03\.12\.2026 \d\d:15\.$/)).toBeTruthy();
    expect(screen.getByText('Очікують надсилання: 3.')).toBeTruthy();
  });

  it('standalone and not configured each have their own sentence', () => {
    const { unmount } = render(<ConnectionNotice panel={panel({ connection: 'standalone', desk: null })} />);
    expect(screen.getByText(/^Це робоче місце не підключене до бек-офісу/)).toBeTruthy();
    unmount();
    render(<ConnectionNotice panel={panel({ connection: 'not_configured' })} />);
    expect(screen.getByText(/^Для цього вікна в бек-офісі ще не налаштовано чергу/)).toBeTruthy();
  });

  it('lists actions refused on return with the action and the reason in words', () => {
    render(
      <ConnectionNotice
        panel={panel({
          refused: [
            {
              mutationId: 'm1',
              ticketNumber: 'А007',
              event: 'service_ended',
              reason: { kind: 'refused', code: 'ticket_already_called', message: 'taken' },
              at: '2026-12-03T09:00:00.000Z',
            },
            {
              mutationId: 'm2',
              ticketNumber: 'Л002',
              event: 'parked',
              reason: { kind: 'moved', ticketStatus: null },
              at: '2026-12-03T09:05:00.000Z',
            },
            {
              mutationId: 'm3',
              ticketNumber: 'А009',
              event: 'parked',
              reason: { kind: 'moved', ticketStatus: 'done' },
              at: '2026-12-03T09:06:00.000Z',
            },
            {
              mutationId: 'm4',
              ticketNumber: 'Л003',
              event: 'called',
              reason: { kind: 'refused', code: 'not_found', message: 'No ticket Л003' },
              at: '2026-12-03T09:07:00.000Z',
            },
          ],
        })}
      />,
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toMatch(/^Талон А007: завершення — Цього відвідувача вже викликало інше вікно\. \(03\.12\.2026 \d\d:00\)$/);
    expect(items[1]).toMatch(/^Талон Л002: відкладення — талон тим часом змінився в черзі \(03\.12\.2026 \d\d:05\)$/);
    expect(items[2]).toMatch(/^Талон А009: відкладення — талон тим часом змінився в черзі: тепер «Обслуговано» \(03\.12\.2026 \d\d:06\)$/);
    expect(items[3]).toMatch(/^Талон Л003: виклик — бек-офіс відхилив дію: No ticket Л003 \(03\.12\.2026 \d\d:07\)$/);
    expect(screen.getByText('Дії, які бек-офіс відхилив після відновлення зв’язку')).toBeTruthy();
  });
});
