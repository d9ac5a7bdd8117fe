/** Desk commands: each allowed only from the statuses the ticket machine allows, one event each, idempotent by commandId. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runQueueCommand } from '../../../server/queue/commands';
import type { CommandActor } from '../../../server/queue/commands';
import { deskState } from '../../../server/queue/desk-state';
import { QueueHub } from '../../../server/queue/hub';
import { issueTicket } from '../../../server/queue/tickets';
import type { BoardCall, QueueAction, QueueChanged } from '../../../shared/queue-protocol';
import { STORAGES } from '../server/harness';
import { sampleConfig, useQueueStorage } from './queue-storage';

const NOW = new Date('2026-12-07T09:00:00.000Z');

describe.each(STORAGES)('queue commands on %s', (kind) => {
  const db = useQueueStorage(kind);
  let n = 0;

  /** A fresh center with `count` passport tickets, a hub listening, and a desk runner. */
  async function center(count = 1) {
    n += 1;
    const centerCode = `K${n}`;
    const config = sampleConfig(centerCode, { recallsBeforeNoShow: 1 });
    const tickets = [];
    for (let i = 0; i < count; i += 1)
      tickets.push(
        await db.storage.transaction((tx) =>
          issueTicket(tx, {
            centerCode,
            config,
            serviceCode: 'PASS',
            purpose: 'submit',
            now: new Date(NOW.getTime() - (count - i) * 60_000),
          }),
        ),
      );
    const hub = new QueueHub(() => NOW);
    const board: BoardCall[] = [];
    const changes: QueueChanged[] = [];
    hub.subscribeCalls(centerCode, (call) => board.push(call));
    hub.subscribeChanges(centerCode, (change) => changes.push(change));
    const actor = (deskCode: string): CommandActor => ({
      centerCode,
      config,
      deskCode,
      clerkId: `c-${deskCode}`,
      deviceId: `d-${deskCode}`,
      now: NOW,
    });
    const run = (deskCode: string, command: QueueAction, commandId: string = randomUUID()) =>
      runQueueCommand(db.storage, hub, actor(deskCode), { commandId, command });
    const events = async (ticketId: string) =>
      (
        await db.storage.query<{ event: string; desk_code: string | null }>(
          'SELECT event, desk_code FROM queue_events WHERE ticket_id = $1 ORDER BY seq',
          [ticketId],
        )
      ).map((e) => e.event);
    return { centerCode, config, tickets, run, board, changes, events };
  }

  it('answers a repeated commandId with the first answer and calls once', async () => {
    const c = await center(2);
    const first = await c.run('D1', { action: 'call_next' }, 'cmd-1');
    const again = await c.run('D1', { action: 'call_next' }, 'cmd-1');
    expect(again).toEqual(first);
    expect(first!.number).toBe('А001');
    const [called] = await db.storage.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM queue_events WHERE center_code = $1 AND event = 'called'",
      [c.centerCode],
    );
    expect(Number(called!.n)).toBe(1);
    expect(c.board.map((b) => b.number)).toEqual(['А001']);
    expect(c.changes).toHaveLength(1);
    await expect(
      runQueueCommand(
        db.storage,
        new QueueHub(),
        { centerCode: c.centerCode, config: c.config, deskCode: 'D2', clerkId: 'x', deviceId: 'other', now: NOW },
        { commandId: 'cmd-1', command: { action: 'call_next' } },
      ),
    ).rejects.toMatchObject({ status: 409, code: 'command_id_reused' });
  });

  it('goes through call, recall, arrival, finish with one event each; no-show only after a recall', async () => {
    const c = await center(2);
    const [a, b] = c.tickets;
    await c.run('D1', { action: 'call', ticketId: a!.id });
    await expect(c.run('D2', { action: 'call', ticketId: a!.id })).rejects.toMatchObject({ status: 409, code: 'ticket_already_called' });
    await expect(c.run('D1', { action: 'call_next' })).rejects.toMatchObject({ status: 409, code: 'desk_busy' });
    await expect(c.run('D2', { action: 'arrived', ticketId: a!.id })).rejects.toMatchObject({ status: 409, code: 'action_not_allowed' });
    await expect(c.run('D1', { action: 'finish', ticketId: a!.id })).rejects.toMatchObject({ status: 409, code: 'action_not_allowed' });
    await expect(c.run('D1', { action: 'no_show', ticketId: a!.id })).rejects.toMatchObject({ status: 409, code: 'recall_first' });
    const recalled = await c.run('D1', { action: 'recall', ticketId: a!.id });
    expect(recalled!.recalls).toBe(1);
    expect(c.board.map((x) => x.number)).toEqual(['А001', 'А001']);
    expect((await c.run('D1', { action: 'arrived', ticketId: a!.id }))!.status).toBe('serving');
    await expect(c.run('D1', { action: 'recall', ticketId: a!.id })).rejects.toMatchObject({ code: 'action_not_allowed' });
    expect((await c.run('D1', { action: 'finish', ticketId: a!.id }))!.status).toBe('done');
    await expect(c.run('D1', { action: 'call', ticketId: a!.id })).rejects.toMatchObject({ code: 'ticket_already_called' });
    expect(await c.events(a!.id)).toEqual(['issued', 'called', 'recalled', 'arrived', 'service_ended']);

    await c.run('D1', { action: 'call', ticketId: b!.id });
    await c.run('D1', { action: 'recall', ticketId: b!.id });
    expect((await c.run('D1', { action: 'no_show', ticketId: b!.id }))!.status).toBe('no_show');
    const [version] = await db.storage.query<{ version: unknown }>('SELECT version FROM queue_tickets WHERE id = $1', [b!.id]);
    expect(Number(version!.version)).toBe(4);
  });

  it('parks and returns a ticket to the same desk only; a paused desk calls nothing', async () => {
    const c = await center(1);
    const [a] = c.tickets;
    await c.run('D1', { action: 'call_next' });
    const parked = await c.run('D1', { action: 'park', ticketId: a!.id, note: 'по довідку' });
    expect(parked).toMatchObject({ status: 'parked', note: 'по довідку', deskCode: 'D1' });
    expect((await deskState(db.storage, c.config, c.centerCode, 'D1', NOW)).parked.map((t) => t.id)).toEqual([a!.id]);
    await expect(c.run('D2', { action: 'call', ticketId: a!.id })).rejects.toMatchObject({ code: 'action_not_allowed' });
    expect(await c.run('D1', { action: 'pause' })).toBeNull();
    expect((await deskState(db.storage, c.config, c.centerCode, 'D1', NOW)).paused).toBe(true);
    await expect(c.run('D1', { action: 'call', ticketId: a!.id })).rejects.toMatchObject({ code: 'desk_paused' });
    await expect(c.run('D1', { action: 'call_next' })).rejects.toMatchObject({ code: 'desk_paused' });
    await c.run('D1', { action: 'resume' });
    expect((await c.run('D1', { action: 'call', ticketId: a!.id }))!.status).toBe('called');
    expect(c.board).toHaveLength(2);
    await expect(c.run('D2', { action: 'call_next' })).rejects.toMatchObject({ status: 409, code: 'nothing_waiting' });
  });

  it('transfers to a desk with the note travelling and the issue time kept; only that desk may call it', async () => {
    const c = await center(3);
    const [a] = c.tickets;
    await c.run('D1', { action: 'call_next' });
    await c.run('D1', { action: 'arrived', ticketId: a!.id });
    const moved = await c.run('D1', { action: 'transfer', ticketId: a!.id, toDeskCode: 'D3', note: 'потрібен юрист' });
    expect(moved).toMatchObject({ status: 'waiting', targetDeskCode: 'D3', deskCode: null, note: 'потрібен юрист', issuedAt: a!.issuedAt });
    // D4 serves queue A but the ticket now waits for D3 alone (D3's profile has no queue A).
    expect((await c.run('D4', { action: 'call_next' }))!.id).not.toBe(a!.id);
    const atD3 = await deskState(db.storage, c.config, c.centerCode, 'D3', NOW);
    expect(atD3.waiting.map((t) => t.id)).toEqual([a!.id]);
    const called = await c.run('D3', { action: 'call_next' });
    expect(called).toMatchObject({ id: a!.id, note: 'потрібен юрист', deskCode: 'D3', targetDeskCode: null });
    const toQueue = await c.run('D3', { action: 'transfer', ticketId: a!.id, toQueueCode: 'B' });
    expect(toQueue).toMatchObject({ queueCode: 'B', note: 'потрібен юрист', targetDeskCode: null });
    await expect(c.run('D3', { action: 'transfer', ticketId: c.tickets[2]!.id, toQueueCode: 'B' })).rejects.toMatchObject({
      code: 'action_not_allowed',
    });
    await expect(c.run('D1', { action: 'transfer', ticketId: a!.id, toQueueCode: 'NOPE' })).rejects.toMatchObject({ status: 400 });
  });

  it('serves a walk-in at once: issued, called and serving at this desk', async () => {
    const c = await center(0);
    const walkIn = await c.run('D2', { action: 'walk_in', serviceCode: 'LAND', purpose: 'consultation' });
    expect(walkIn).toMatchObject({ number: 'Б001', status: 'serving', deskCode: 'D2', window: '2', purpose: 'consultation' });
    expect(await c.events(walkIn!.id)).toEqual(['issued', 'called', 'arrived']);
    const state = await deskState(db.storage, c.config, c.centerCode, 'D2', NOW);
    expect(state.current?.id).toBe(walkIn!.id);
    await expect(c.run('D2', { action: 'walk_in', serviceCode: null, purpose: 'other' })).rejects.toMatchObject({ code: 'desk_busy' });
  });

  it("lists what the desk may call in call-next's order, the total beside it", async () => {
    const c = await center(3);
    const priority = await db.storage.transaction((tx) =>
      issueTicket(tx, {
        centerCode: c.centerCode,
        config: c.config,
        serviceCode: 'PASS',
        purpose: 'submit',
        priorityCategory: 'disability',
        now: NOW,
      }),
    );
    const state = await deskState(db.storage, c.config, c.centerCode, 'D4', NOW);
    expect(state.waiting.map((t) => t.number)).toEqual(['П001', 'А001', 'А002', 'А003']);
    expect(state.waitingTotal).toBe(4);
    expect((await c.run('D4', { action: 'call_next' }))!.id).toBe(priority.id);
  });
});
