/**
 * The desk's queue panel against the back office over loopback HTTP: the real back office (PGlite)
 * behind a front that can stop, start and lose an answer (queue-stand-in.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../main/backend/index';
import { connectInProcess } from '../../../main/backend/transport/in-process';
import type { EventPayload, MethodInput, ViknoApi } from '../../../shared/contract';
import type { QueuePanel } from '../../../shared/queue-panel';
import { enrollAndSignIn } from '../../helpers/enroll-and-sign-in';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { useServer } from '../server/harness';
import { PERSON, readDb, value } from '../sync/desk-harness';
import { sampleConfig } from './queue-storage';
import { startQueueStandIn } from './queue-stand-in';
import type { QueueStandIn } from './queue-stand-in';
import { storedDeviceToken } from '../../helpers/stored-token';

const RECEIPT_FONTS = join(import.meta.dirname, '..', '..', '..', 'main', 'backend', 'receipts', 'fonts');
const CENTER = 'KV01';
const CONFIG = sampleConfig(CENTER, {
  desks: [
    {
      deskCode: '07',
      window: '7',
      profile: {
        strategy: 'longest_wait',
        queues: [
          { queueCode: 'A', weight: 1 },
          { queueCode: 'V', weight: 1 },
        ],
      },
    },
    { deskCode: '03', window: '3', profile: { strategy: 'longest_wait', queues: [{ queueCode: 'A', weight: 1 }] } },
  ],
});
const tempDir = useTempDirs();

interface QueueDesk {
  api: ViknoApi;
  dbFile: string;
  panels: QueuePanel[];
  act(input: MethodInput<'queue.act'>): Promise<QueuePanel>;
  close(): Promise<void>;
}

describe('the desk’s queue panel against the back office (the real desk queue routes; PGlite)', () => {
  const server = useServer('pglite');
  let standIn: QueueStandIn;
  const open: QueueDesk[] = [];

  beforeAll(async () => {
    await server.storage.query('INSERT INTO queue_configs (center_code, config, version) VALUES ($1, $2, 1)', [
      CENTER,
      JSON.stringify(CONFIG),
    ]);
    standIn = await startQueueStandIn(server.url, server.storage, CONFIG, server.queueHub);
  });
  afterEach(async () => {
    for (const desk of open.splice(0)) await desk.close();
    // Each test starts with an empty hall.
    await server.storage.query("UPDATE queue_tickets SET status = 'done' WHERE status <> 'done'");
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
      JSON.stringify({ center: { code: CENTER, name: 'ЦНАП Київ' }, desk: { code: '07', window: '7' }, backOffice: { url: standIn.url } }),
    );
    const backend = createBackend({ dataDir, appVersion: 'test', logger: memoryLogger(), fontDir: RECEIPT_FONTS });
    const api = connectInProcess(backend);
    const panels: QueuePanel[] = [];
    api.on('queue.changed', (panel: EventPayload<'queue.changed'>) => panels.push(panel));
    await enrollAndSignIn(api, server.storage, { centerCode: CENTER, deskCode: '07' });
    const desk: QueueDesk = {
      api,
      dbFile: join(dataDir, 'vikno.db'),
      panels,
      act: (input) => value(api.call('queue.act', input)),
      close: async () => {
        api.disconnect();
        await backend.close();
      },
    };
    open.push(desk);
    return desk;
  }

  const waitForPanel = (desk: QueueDesk, check: (panel: QueuePanel) => boolean) =>
    vi.waitFor(
      () => {
        const panel = desk.panels.at(-1);
        if (!panel || !check(panel)) throw new Error(`panel not there yet: ${JSON.stringify(panel)}`);
        return panel;
      },
      { timeout: 20_000, interval: 50 },
    );
  const statePath = () => standIn.requests.filter((r) => r.path === '/queue/state').length;

  it('follows the back office as soon as the desk is enrolled, with no call from the panel (a panel opened before enrollment goes online by itself)', async () => {
    const desk = await openDesk();
    const online = await waitForPanel(desk, (p) => p.connection === 'online');
    expect(online.desk).toMatchObject({ deskCode: '07' });
  });

  it('reads the desk’s state with the device token, follows live changes, calls next, and links an application to the ticket', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const desk = await openDesk();
    const first = await value(desk.api.call('queue.state', {}));
    expect(first).toMatchObject({ connection: 'online', desk: { deskCode: '07', waiting: [] }, refused: [], localPending: 0 });
    const token = storedDeviceToken(dirname(desk.dbFile));
    // The previous test's desk may have a read in flight when it closed that the stand-in records late, so look for this desk's.
    const stateReads = standIn.requests.filter((r) => r.path === '/queue/state').map((r) => r.authorization);
    expect(stateReads).toContain(`Bearer ${token}`);

    // A citizen takes a ticket at the kiosk: the back office says `changed`, the desk re-reads and tells the renderer.
    const ticket = await standIn.issue('PASS');
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
    const statistics = await value(desk.api.call('queue.statistics', { from, to: new Date(Date.now() + 60_000).toISOString() }));
    expect(statistics.total).toMatchObject({ tickets: 1, served: 1 });
  });

  it('sends a command again with the same commandId when its answer is lost, so the ticket is called once', async () => {
    const desk = await openDesk();
    await value(desk.api.call('queue.state', {}));
    const ticket = await standIn.issue('PASS');
    standIn.loseNextCommandAnswer();
    const panel = await desk.act({ action: 'call_next' });
    expect(panel.desk?.current?.id).toBe(ticket.id);
    const sent = standIn.requests.filter((r) => r.path === '/queue/commands').map((r) => (r.body as { commandId: string }).commandId);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    const calls = await server.storage.query("SELECT 1 FROM queue_events WHERE ticket_id = $1 AND event = 'called'", [ticket.id]);
    expect(calls).toHaveLength(1);
  });

  it('answers a refusal of the back office as CONFLICT carrying its queue error code', async () => {
    const desk = await openDesk();
    await value(desk.api.call('queue.state', {}));
    const ticket = await standIn.issue('PASS');
    await standIn.actElsewhere('03', { action: 'call', ticketId: ticket.id });
    const result = await desk.api.call('queue.act', { action: 'call', ticketId: ticket.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { issues: [{ path: ['action'] }] } } });
    expect(result.ok ? null : result.error.details?.issues?.[0]?.message).toMatch(/^(ticket_already_called|action_not_allowed)$/);
  });

  it('coalesces a burst of changes into one read in flight and one queued', async () => {
    const desk = await openDesk();
    await value(desk.api.call('queue.state', {}));
    standIn.stateDelayMs = 200;
    const before = statePath();
    standIn.burst(30);
    const last = await standIn.issue('PASS');
    await waitForPanel(desk, (p) => p.desk?.waiting.some((t) => t.id === last.id) === true);
    // Let any read the burst could still have queued arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(statePath() - before).toBeLessThanOrEqual(2);
  });

  /** The desk serves a ticket it called online, a kiosk ticket waits; then the back office goes away. */
  async function servingWhenTheNetworkDrops(desk: QueueDesk) {
    await value(desk.api.call('queue.state', {}));
    const ticket = await standIn.issue('PASS');
    await desk.act({ action: 'call', ticketId: ticket.id });
    await desk.act({ action: 'arrived', ticketId: ticket.id });
    const kiosk = await standIn.issue('PASS');
    await waitForPanel(desk, (p) => p.desk?.waiting.some((t) => t.id === kiosk.id) === true);
    // Reads the last changes asked for have answered: what follows is the drop alone.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await standIn.stop();
    // The live stream drops: the desk re-reads, finds nobody, and says so.
    const offline = await waitForPanel(desk, (p) => p.connection === 'offline');
    expect(offline).toMatchObject({ desk: { current: { id: ticket.id } }, localCurrent: { id: ticket.id, status: 'serving' } });
    expect(offline.lastContactAt).not.toBeNull();
    return { held: ticket, kiosk };
  }

  it('offline: finishes the held ticket and serves a walk-in locally; back online, both sync into the queue tables', async () => {
    const desk = await openDesk();
    // Filled in while offline, read back online.
    const served: { walkInId?: string } = {};
    try {
      const { held, kiosk } = await servingWhenTheNetworkDrops(desk);
      await desk.act({ action: 'finish', ticketId: held.id });
      const walkIn = await desk.act({ action: 'walk_in', serviceCode: 'PASS', purpose: 'submit' });
      expect(walkIn).toMatchObject({ connection: 'offline', localCurrent: { number: 'Л001', status: 'serving', local: true } });
      served.walkInId = walkIn.localCurrent!.id;
      const finished = await desk.act({ action: 'finish', ticketId: served.walkInId });
      expect(finished).toMatchObject({ localCurrent: null, localPending: 1 + 3 + 1 });
      // Call-next offline has only local tickets to call: the kiosk's ticket in the stale list is the back office's to give.
      expect(finished.desk?.waiting.map((t) => t.id)).toContain(kiosk.id);
      const nothing = await desk.api.call('queue.act', { action: 'call_next' });
      expect(nothing).toMatchObject({ ok: false, error: { details: { issues: [{ message: 'nothing_waiting' }] } } });
    } finally {
      await standIn.start();
    }
    // The stream reconnects by itself: the panel is online again without a call.
    await waitForPanel(desk, (p) => p.connection === 'online');
    await value(desk.api.call('sync.now', {}));
    expect(await value(desk.api.call('queue.state', {}))).toMatchObject({ localPending: 0, refused: [] });
    const events = await server.storage.query<{ event: string; desk_code: string }>(
      'SELECT event, desk_code FROM queue_events WHERE ticket_id = $1 ORDER BY seq',
      [served.walkInId],
    );
    expect(events.map((e) => e.event)).toEqual(['issued', 'called', 'arrived', 'service_ended']);
    const [ticket] = await server.storage.query<{ number: string; local: boolean; status: string }>(
      'SELECT number, local, status FROM queue_tickets WHERE id = $1',
      [served.walkInId],
    );
    expect(ticket).toEqual({ number: 'Л001', local: true, status: 'done' });
  });

  it('offline: an action on a ticket served elsewhere meanwhile comes back refused, shown in the panel, never retried', async () => {
    const desk = await openDesk();
    try {
      const { held } = await servingWhenTheNetworkDrops(desk);
      // Meanwhile the back office's queue moved the ticket on: another desk took it back from a transfer and finished it.
      await standIn.actElsewhere('07', { action: 'transfer', ticketId: held.id, toDeskCode: '03' });
      await standIn.actElsewhere('03', { action: 'call', ticketId: held.id });
      await standIn.actElsewhere('03', { action: 'arrived', ticketId: held.id });
      await standIn.actElsewhere('03', { action: 'finish', ticketId: held.id });
      await desk.act({ action: 'park', ticketId: held.id, note: 'Пішла по довідку' });
    } finally {
      await standIn.start();
    }
    await waitForPanel(desk, (p) => p.connection === 'online');
    await value(desk.api.call('sync.now', {}));
    const panel = await waitForPanel(desk, (p) => p.refused.length === 1);
    expect(panel.refused[0]).toMatchObject({ event: 'parked', reason: { kind: 'moved', ticketStatus: 'done' } });
    const refusedId = panel.refused[0]!.mutationId;
    const pushesOf = () =>
      standIn.requests.filter(
        (r) =>
          r.path === '/sync/push' && (r.body as { mutations: { mutationId: string }[] }).mutations.some((m) => m.mutationId === refusedId),
      ).length;
    expect(pushesOf()).toBe(1);
    await value(desk.api.call('sync.now', {}));
    await value(desk.api.call('sync.now', {}));
    expect(pushesOf()).toBe(1);
    expect(readDb(desk, (db) => db.prepare('SELECT status FROM outbox WHERE mutation_id = ?').pluck().get(refusedId))).toBe('conflict');
  });
});
