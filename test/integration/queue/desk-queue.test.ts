/**
 * The desk's queue panel against a loopback back office: the queue routes are a STAND-IN
 * (queue-stand-in.ts) until the real ones land on i11-qs; enrollment and sync are the real back
 * office (PGlite) behind it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import { createEnrollmentCode } from '../../../server/auth/enrollment';
import type { EventPayload, ViknoApi } from '../../../shared/contract';
import type { QueuePanel } from '../../../shared/queue-panel';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { useServer } from '../server/harness';
import { PERSON, readDb, value } from '../sync/desk-harness';
import { startQueueStandIn } from './queue-stand-in';
import type { QueueStandIn } from './queue-stand-in';

const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');
const CENTER = 'KV01';
const DESK = { deskCode: '07', window: '7' };
const tempDir = useTempDirs();

interface QueueDesk {
  api: ViknoApi;
  dbFile: string;
  panels: QueuePanel[];
  act(input: Parameters<ViknoApi['call']>[1] & object): Promise<QueuePanel>;
  close(): Promise<void>;
}

describe('the desk’s queue panel against a loopback back office (queue routes: stand-in; sync: the real back office on PGlite)', () => {
  const server = useServer('pglite');
  let standIn: QueueStandIn;
  const open: QueueDesk[] = [];

  beforeAll(async () => {
    standIn = await startQueueStandIn(server.url, DESK);
  });
  afterEach(async () => {
    for (const desk of open.splice(0)) await desk.close();
    standIn.tickets.splice(0);
    standIn.requests.splice(0);
    standIn.stateDelayMs = 0;
  });
  afterAll(async () => {
    await standIn.close();
  });

  async function openDesk(): Promise<QueueDesk> {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(
      join(dataDir, 'config.json'),
      JSON.stringify({
        center: { code: CENTER, name: 'ЦНАП Київ' },
        desk: { code: DESK.deskCode, window: DESK.window },
        backOffice: { url: standIn.url },
      }),
    );
    const backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), fontDir: RECEIPT_FONTS });
    const api = connectInProcess(backend);
    const panels: QueuePanel[] = [];
    api.on('queue.changed', (panel: EventPayload<'queue.changed'>) => panels.push(panel));
    const code = await createEnrollmentCode(server.storage, { centerCode: CENTER, deskCode: DESK.deskCode });
    await value(api.call('sync.enroll', { code }));
    const desk: QueueDesk = {
      api,
      dbFile: join(dataDir, 'vikno.db'),
      panels,
      act: (input) => value(api.call('queue.act', input as never)),
      close: async () => {
        api.disconnect();
        await backend.close();
      },
    };
    open.push(desk);
    return desk;
  }

  const lastPanel = (desk: QueueDesk) => desk.panels.at(-1);
  const waitForPanel = (desk: QueueDesk, check: (panel: QueuePanel) => boolean) =>
    vi.waitFor(
      () => {
        const panel = lastPanel(desk);
        if (!panel || !check(panel)) throw new Error(`panel not there yet: ${JSON.stringify(panel)}`);
        return panel;
      },
      { timeout: 20_000, interval: 50 },
    );

  it('reads the desk’s state with the device token, follows live changes, calls next, and links an application to the ticket', async () => {
    const desk = await openDesk();
    const first = await value(desk.api.call('queue.state', {}));
    expect(first).toMatchObject({ connection: 'online', desk: { deskCode: '07', waiting: [] }, refused: [], localPending: 0 });
    const token = readDb(desk, (db) => db.prepare("SELECT value FROM sync_state WHERE key = 'device_token'").pluck().get());
    expect(standIn.requests.find((r) => r.path === '/queue/state')).toMatchObject({ authorization: `Bearer ${token}`, protocol: '1' });

    // A citizen takes a ticket at the kiosk: the back office says `changed`, the desk re-reads and tells the renderer.
    const ticket = standIn.issue('А001');
    await waitForPanel(desk, (p) => p.desk?.waiting.some((t) => t.id === ticket.id) === true);

    const called = await desk.act({ action: 'call_next' });
    expect(called.desk?.current).toMatchObject({ id: ticket.id, status: 'called', deskCode: '07' });
    await desk.act({ action: 'arrived', ticketId: ticket.id });

    // The ticket served online is kept on the desk, so the application registered for it can name it; sync carries the link.
    const [service] = await value(desk.api.call('catalog.search', { q: 'MS-01' }));
    const items = service!.documents.map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
    const app = await value(desk.api.call('intake.register', { serviceId: service!.id, applicant: PERSON, items, ticketId: ticket.id }));
    await value(desk.api.call('sync.now', {}));
    const [stored] = await server.storage.query<{ ticket: string }>("SELECT data->>'ticketId' AS ticket FROM applications WHERE id = $1", [
      app.id,
    ]);
    expect(stored?.ticket).toBe(ticket.id);

    const done = await desk.act({ action: 'finish', ticketId: ticket.id });
    expect(done).toMatchObject({ connection: 'online', desk: { current: null }, localPending: 0 });
    const statistics = await value(desk.api.call('queue.statistics', { from: '2026-12-01T00:00:00Z', to: '2026-12-31T00:00:00Z' }));
    expect(statistics.total).toMatchObject({ tickets: 1, served: 1 });
  });

  it('sends a command again with the same commandId when its answer is lost, so the ticket is called once', async () => {
    const desk = await openDesk();
    await value(desk.api.call('queue.state', {}));
    const ticket = standIn.issue('А002');
    standIn.loseNextCommandAnswer();
    const panel = await desk.act({ action: 'call_next' });
    expect(panel.desk?.current?.id).toBe(ticket.id);
    const sent = standIn.requests.filter((r) => r.path === '/queue/commands').map((r) => (r.body as { commandId: string }).commandId);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    expect(standIn.calls.get(ticket.id)).toBe(1);
  });

  it('answers a refusal of the back office as CONFLICT carrying its queue error code', async () => {
    const desk = await openDesk();
    await value(desk.api.call('queue.state', {}));
    const ticket = standIn.issue('А003');
    standIn.takeElsewhere(ticket.id, 'called');
    const result = await desk.api.call('queue.act', { action: 'call', ticketId: ticket.id });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { issues: [{ path: ['action'], message: 'ticket_already_called' }] } },
    });
  });

  it('coalesces a burst of changes into one read in flight and one queued', async () => {
    const desk = await openDesk();
    await value(desk.api.call('queue.state', {}));
    standIn.stateDelayMs = 200;
    standIn.issue('А004');
    await waitForPanel(desk, (p) => p.desk?.waiting.length === 1);
    const before = standIn.requests.filter((r) => r.path === '/queue/state').length;
    standIn.burst(30);
    standIn.issue('А005');
    await waitForPanel(desk, (p) => p.desk?.waiting.some((t) => t.number === 'А005') === true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(standIn.requests.filter((r) => r.path === '/queue/state').length - before).toBeLessThanOrEqual(2);
  });

  /** The desk serves the ticket it called online; then the back office goes away. */
  async function servingWhenTheNetworkDrops(desk: QueueDesk, number: string) {
    await value(desk.api.call('queue.state', {}));
    const ticket = standIn.issue(number);
    await desk.act({ action: 'call', ticketId: ticket.id });
    await desk.act({ action: 'arrived', ticketId: ticket.id });
    standIn.issue('Б001');
    await waitForPanel(desk, (p) => p.desk?.waiting.length === 1);
    await standIn.stop();
    // The live stream drops: the desk re-reads, finds nobody, and says so.
    const offline = await waitForPanel(desk, (p) => p.connection === 'offline');
    expect(offline).toMatchObject({ desk: { current: { id: ticket.id } }, localCurrent: { id: ticket.id, status: 'serving' } });
    expect(offline.lastContactAt).not.toBeNull();
    return ticket;
  }

  it('offline: finishes the held ticket and serves a walk-in locally; back online, both sync to the back office', async () => {
    const desk = await openDesk();
    try {
      const held = await servingWhenTheNetworkDrops(desk, 'А010');
      // The back office knows the held ticket (its queue, fed by sync), still being served.
      await server.storage.query('INSERT INTO tickets (id, center_code, version, data) VALUES ($1, $2, 1, $3::jsonb)', [
        held.id,
        CENTER,
        JSON.stringify({ status: 'serving', number: held.number, deskCode: DESK.deskCode }),
      ]);
      await desk.act({ action: 'finish', ticketId: held.id });
      const walkIn = await desk.act({ action: 'walk_in', serviceCode: 'MS-01', purpose: 'submit' });
      expect(walkIn).toMatchObject({ connection: 'offline', localCurrent: { number: 'Л001', status: 'serving', local: true } });
      const finished = await desk.act({ action: 'finish', ticketId: walkIn.localCurrent!.id });
      expect(finished).toMatchObject({ localCurrent: null, localPending: 1 + 3 + 1 });
      // Call-next offline has only local tickets to call: the kiosk's ticket in the stale list is the back office's to give.
      expect(finished.desk?.waiting.map((t) => t.number)).toEqual(['Б001']);
      const nothing = await desk.api.call('queue.act', { action: 'call_next' });
      expect(nothing).toMatchObject({ ok: false, error: { details: { issues: [{ message: 'nothing_waiting' }] } } });
    } finally {
      await standIn.start();
    }
    // The stream reconnects by itself: the panel is online again without a call.
    await waitForPanel(desk, (p) => p.connection === 'online');
    await value(desk.api.call('sync.now', {}));
    const synced = await value(desk.api.call('queue.state', {}));
    expect(synced).toMatchObject({ localPending: 0, refused: [] });
    const rows = await server.storage.query<{ number: string; status: string }>(
      "SELECT data->>'number' AS number, data->>'status' AS status FROM tickets WHERE center_code = $1 ORDER BY data->>'number'",
      [CENTER],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { number: 'Л001', status: 'done' },
        { number: 'А010', status: 'done' },
      ]),
    );
  });

  it('offline: an action on a ticket served elsewhere meanwhile comes back refused, shown in the panel, never retried', async () => {
    const desk = await openDesk();
    try {
      const held = await servingWhenTheNetworkDrops(desk, 'А011');
      // Meanwhile the back office's queue had the ticket finished elsewhere.
      await server.storage.query('INSERT INTO tickets (id, center_code, version, data) VALUES ($1, $2, 4, $3::jsonb)', [
        held.id,
        CENTER,
        JSON.stringify({ status: 'done', number: held.number, deskCode: '99' }),
      ]);
      await desk.act({ action: 'park', ticketId: held.id, note: 'Пішла по довідку' });
    } finally {
      await standIn.start();
    }
    await waitForPanel(desk, (p) => p.connection === 'online');
    await value(desk.api.call('sync.now', {}));
    const panel = await waitForPanel(desk, (p) => p.refused.length === 1);
    expect(panel.refused[0]).toMatchObject({ ticketNumber: 'А011', event: 'parked', reason: expect.stringContaining('уже обслужений') });
    const pushesOf = (mutationId: string) =>
      standIn.requests.filter(
        (r) =>
          r.path === '/sync/push' && (r.body as { mutations: { mutationId: string }[] }).mutations.some((m) => m.mutationId === mutationId),
      ).length;
    const refusedId = panel.refused[0]!.mutationId;
    expect(pushesOf(refusedId)).toBe(1);
    await value(desk.api.call('sync.now', {}));
    await value(desk.api.call('sync.now', {}));
    expect(pushesOf(refusedId)).toBe(1);
    expect(readDb(desk, (db) => db.prepare('SELECT status FROM outbox WHERE mutation_id = ?').pluck().get(refusedId))).toBe('conflict');
  });
});
