// @vitest-environment jsdom
/**
 * The queue panel online: the real desk backend, enrolled with the real back office (PGlite),
 * reached through the desk work's front (test/integration/queue/queue-stand-in.ts) that passes
 * to the real desk queue routes and can stop and start on the same address, as a back office
 * going away does.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../../main/backend/index';
import type { Backend } from '../../../../main/backend/index';
import { connectInProcess } from '../../../../main/backend/transport/in-process';
import { enrollAndSignIn } from '../../../helpers/enroll-and-sign-in';
import { memoryLogger } from '../../../helpers/memory-logger';
import { useServer } from '../../../integration/server/harness';
import { startQueueStandIn } from '../../../integration/queue/queue-stand-in';
import type { QueueStandIn } from '../../../integration/queue/queue-stand-in';
import { sampleConfig } from '../../../integration/queue/queue-storage';
import '../dom-setup';
import type { QueueScreen as QueueScreenType } from '../../../../renderer/src/features/queue/QueueScreen';

vi.setConfig({ hookTimeout: 120_000, testTimeout: 30_000 });

const CENTER = 'KV01';
const DESK = { deskCode: '07', window: '7' };
const CONFIG = sampleConfig(CENTER, {
  desks: [
    { deskCode: '07', window: '7', profile: { strategy: 'longest_wait', queues: [{ queueCode: 'A', weight: 1 }] } },
    { deskCode: '03', window: '3', profile: { strategy: 'longest_wait', queues: [{ queueCode: 'A', weight: 1 }] } },
  ],
});
const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');

describe('the queue panel online', () => {
  const server = useServer('pglite');
  const dir = mkdtempSync(join(tmpdir(), 'vikno-ui-queue-online-'));
  let standIn: QueueStandIn;
  let backend: Backend;
  let api: ReturnType<typeof connectInProcess>;
  let QueueScreen: typeof QueueScreenType;

  beforeAll(async () => {
    await server.storage.query('INSERT INTO queue_configs (center_code, config, version) VALUES ($1, $2, 1)', [
      CENTER,
      JSON.stringify(CONFIG),
    ]);
    standIn = await startQueueStandIn(server.url, server.storage, CONFIG, server.queueHub);
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({
        center: { code: CENTER, name: 'ЦНАП Київ' },
        desk: { code: DESK.deskCode, window: DESK.window },
        backOffice: { url: standIn.url },
      }),
    );
    backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), fontDir: RECEIPT_FONTS });
    api = connectInProcess(backend);
    window.vikno = api;
    await enrollAndSignIn(api, server.storage, { centerCode: CENTER, deskCode: DESK.deskCode });
    // The renderer binds `api` to window.vikno when first imported.
    ({ QueueScreen } = await import('../../../../renderer/src/features/queue/QueueScreen'));
    const { useShellStore } = await import('../../../../renderer/src/app/shell-store');
    const me = await api.call('clerk.me', {});
    if (!me.ok) throw new Error(me.error.message);
    useShellStore.setState({ clerk: me.value });
  });

  afterAll(async () => {
    api.disconnect();
    await backend.close();
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const waiting = () => screen.getByRole('table', { name: /^Очікують/ });

  it('lists the waiting tickets live, calls next by key, recalls before a no-show, serves, and says a ticket taken elsewhere in words', async () => {
    const user = userEvent.setup();
    const first = await standIn.issue('PASS');
    render(<QueueScreen />);
    await waitFor(() => expect(within(waiting()).getByRole('rowheader', { name: first.number })).toBeTruthy(), { timeout: 10_000 });
    expect(screen.queryByText(/бек-офіс недоступний|не підключене/i)).toBeNull();
    // The supervisor (the local clerk holds the role) sees today's figures while online.
    expect(await screen.findByRole('table', { name: 'Сьогодні' })).toBeTruthy();

    // Pushed by the back office, not polled: a new kiosk ticket appears by itself.
    const second = await standIn.issue('PASS');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Очікують (2)' })).toBeTruthy(), { timeout: 10_000 });

    await user.keyboard('n');
    await waitFor(() => expect(screen.getByTestId('queue-current-number').textContent).toBe(first.number));
    expect(screen.getByText('Викликано')).toBeTruthy();
    const required = CONFIG.recallsBeforeNoShow;
    const noShow = () => screen.getByRole('button', { name: /^Не з’явився/ });
    expect(noShow()).toHaveProperty('disabled', true);
    expect(document.getElementById(noShow().getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      `Спершу викличте ще раз: лишилось ${required}.`,
    );
    for (let n = 1; n <= required; n += 1) {
      await user.keyboard('r');
      await waitFor(() => expect(screen.getByRole('button', { name: new RegExp(`^Викликати ще раз \\(${n}\\)`) })).toBeTruthy());
    }
    expect(noShow()).toHaveProperty('disabled', false);

    await user.keyboard('a');
    await waitFor(() => expect(screen.getByText('Обслуговується')).toBeTruthy());
    expect(screen.getByRole('button', { name: /^Прийняти заяву/ })).toBeTruthy();
    await user.keyboard('f');
    await waitFor(() => expect(screen.queryByTestId('queue-current-number')).toBeNull());

    // Another window calls the next ticket while this panel still lists it (the desk's re-read is slow): the refusal is in words.
    standIn.stateDelayMs = 3_000;
    await standIn.actElsewhere('03', { action: 'call', ticketId: second.id });
    await user.click(screen.getByRole('button', { name: `Викликати ${second.number}` }));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain('Цього відвідувача вже викликало інше вікно.');
    standIn.stateDelayMs = 0;
  });

  it('parks with a note and returns the parked ticket, then transfers it to another queue with a note that travels', async () => {
    const user = userEvent.setup();
    const ticket = await standIn.issue('PASS');
    const number = ticket.number;
    render(<QueueScreen />);
    // The slow re-read the first test left in flight finishes first.
    await waitFor(() => expect(within(waiting()).getByRole('rowheader', { name: number })).toBeTruthy(), { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: `Викликати ${number}` }));
    await waitFor(() => expect(screen.getByTestId('queue-current-number').textContent).toBe(number));

    await user.keyboard('p');
    const park = await screen.findByRole('dialog', { name: `Відкласти талон ${number}` });
    await user.type(within(park).getByLabelText('Примітка (необов’язково)'), 'пішов по довідку');
    await user.click(within(park).getByRole('button', { name: 'Відкласти' }));
    const parked = await screen.findByRole('table', { name: /^Відкладені/ });
    expect(within(parked).getByRole('rowheader', { name: number })).toBeTruthy();
    expect(screen.queryByTestId('queue-current-number')).toBeNull();
    expect(standIn.requests.filter((r) => r.path === '/queue/commands').at(-1)?.body).toMatchObject({
      command: { action: 'park', ticketId: ticket.id, note: 'пішов по довідку' },
    });

    await user.click(screen.getByRole('button', { name: `Повернути ${number}` }));
    await waitFor(() => expect(screen.getByTestId('queue-current-number').textContent).toBe(number));
    await user.keyboard('a');
    await waitFor(() => expect(screen.getByText('Обслуговується')).toBeTruthy());

    await user.keyboard('t');
    const transfer = await screen.findByRole('dialog', { name: `Перенаправити талон ${number}` });
    const toQueue = (within(transfer).getByLabelText(/^Черга/) as HTMLSelectElement).value;
    expect(toQueue).not.toBe('');
    await user.type(within(transfer).getByLabelText('Примітка для наступного вікна (необов’язково)'), 'потрібна консультація юриста');
    await user.click(within(transfer).getByRole('button', { name: 'Перенаправити' }));
    await waitFor(() => expect(screen.queryByTestId('queue-current-number')).toBeNull());
    expect(standIn.requests.filter((r) => r.path === '/queue/commands').at(-1)?.body).toMatchObject({
      command: { action: 'transfer', ticketId: ticket.id, toQueueCode: toQueue, note: 'потрібна консультація юриста' },
    });
  });

  it('a break: the panel says the window is paused, calling is greyed with the reason, and the same key resumes', async () => {
    const user = userEvent.setup();
    const ticket = await standIn.issue('PASS');
    render(<QueueScreen />);
    await waitFor(() => expect(screen.getByRole('button', { name: /^Перерва/ })).toHaveProperty('disabled', false), { timeout: 10_000 });
    await user.keyboard('b');
    expect(await screen.findByText('Вікно на перерві')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Викликати наступного/ })).toHaveProperty('disabled', true);
    // Under each button that would bring someone to the window: calling next and a walk-in.
    expect(screen.getAllByText('Вікно на перерві.')).toHaveLength(2);
    expect(screen.getByRole('button', { name: `Викликати ${ticket.number}` })).toHaveProperty('disabled', true);
    await user.keyboard('b');
    await waitFor(() => expect(screen.queryByText('Вікно на перерві')).toBeNull());
    expect(screen.getByRole('button', { name: /^Викликати наступного/ })).toHaveProperty('disabled', false);
  });

  it('the back office gone: one sentence says so, a walk-in is served on a local ticket, today’s figures are hidden', async () => {
    const user = userEvent.setup();
    render(<QueueScreen />);
    await screen.findByRole('table', { name: 'Сьогодні' });
    await standIn.stop();
    try {
      await user.keyboard('w');
      const dialog = await screen.findByRole('dialog', { name: 'Відвідувач без талона' });
      await user.selectOptions(within(dialog).getByLabelText('Мета звернення'), 'other');
      await user.click(within(dialog).getByRole('button', { name: 'Почати обслуговування' }));
      await waitFor(() => expect(screen.getByTestId('queue-current-number').textContent).toBe('Л001'), { timeout: 15_000 });
      expect(screen.getByText(/^Бек-офіс недоступний: черга центру не оновлюється/)).toBeTruthy();
      expect(screen.getByText(/^Очікують надсилання: \d+\.$/)).toBeTruthy();
      expect(screen.queryByRole('table', { name: 'Сьогодні' })).toBeNull();
      // Pausing is the back office's to record: greyed with the reason.
      expect(screen.getByText('Потрібен зв’язок з бек-офісом.')).toBeTruthy();
    } finally {
      await standIn.start();
    }
  });
});
