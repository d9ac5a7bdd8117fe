/**
 * Desks' offline ticket mutations land in the queue's tables (a walk-in served offline counts like
 * any other ticket); an action the ticket's state no longer allows is a conflict, never applied.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../shared/sync-protocol';
import { registerMutation, STORAGES, useServer } from '../server/harness';
import { sampleConfig } from './queue-storage';

const CENTER = 'C1';

describe.each(STORAGES)('offline ticket mutations on %s', (kind) => {
  const server = useServer(kind);

  const publish = () =>
    server.storage.query(
      'INSERT INTO queue_configs (center_code, config, version) VALUES ($1, $2, 1) ON CONFLICT (center_code) DO NOTHING',
      [CENTER, JSON.stringify(sampleConfig(CENTER))],
    );
  const ticketMutation = (id: string, kind: Mutation['kind'], payload: Record<string, unknown>, prev: Mutation | null): Mutation => ({
    ...registerMutation(),
    mutationId: randomUUID(),
    aggregate: `ticket:${id}`,
    kind,
    prevMutationId: prev?.mutationId ?? null,
    payload: { id, ...payload },
  });
  const step = (id: string, event: string, at: string, prev: Mutation | null, extra: Record<string, unknown> = {}) =>
    ticketMutation(id, `ticket.${event}` as Mutation['kind'], { event, at, details: null, ...extra }, prev);

  it('applies a walk-in served offline into queue_tickets and queue_events, at the desk times', async () => {
    await publish();
    const desk = await server.enrollDesk(CENTER, 'D2');
    const id = randomUUID();
    const issue = ticketMutation(
      id,
      'ticket.issue',
      { number: 'Л001', queueCode: 'B', serviceCode: 'LAND', purpose: 'consultation', at: '2026-12-07T08:00:00.000Z' },
      null,
    );
    const called = step(id, 'called', '2026-12-07T08:01:00.000Z', issue);
    const arrived = step(id, 'arrived', '2026-12-07T08:02:00.000Z', called);
    const ended = step(id, 'service_ended', '2026-12-07T08:10:00.000Z', arrived);
    const results = await server.push(desk, [issue, called, arrived, ended]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const [ticket] = await server.storage.query<{ number: string; local: boolean; status: string; queue_code: string; desk_code: string }>(
      'SELECT number, local, status, queue_code, desk_code FROM queue_tickets WHERE id = $1',
      [id],
    );
    expect(ticket).toEqual({ number: 'Л001', local: true, status: 'done', queue_code: 'B', desk_code: 'D2' });
    const events = await server.storage.query<{ event: string; at: Date; desk_code: string; service_code: string }>(
      'SELECT event, at, desk_code, service_code FROM queue_events WHERE ticket_id = $1 ORDER BY seq',
      [id],
    );
    expect(events.map((e) => [e.event, new Date(e.at).toISOString(), e.desk_code, e.service_code])).toEqual([
      ['issued', '2026-12-07T08:00:00.000Z', 'D2', 'LAND'],
      ['called', '2026-12-07T08:01:00.000Z', 'D2', 'LAND'],
      ['arrived', '2026-12-07T08:02:00.000Z', 'D2', 'LAND'],
      ['service_ended', '2026-12-07T08:10:00.000Z', 'D2', 'LAND'],
    ]);
  });

  it('lets the first desk win a ticket: a later action the first made impossible is a conflict', async () => {
    await publish();
    const [deskA, deskB] = [await server.enrollDesk(CENTER, 'D1'), await server.enrollDesk(CENTER, 'D3')];
    const id = randomUUID();
    const issue = ticketMutation(
      id,
      'ticket.issue',
      { number: 'Л002', queueCode: 'A', serviceCode: 'PASS', purpose: 'submit', at: '2026-12-07T08:00:00.000Z' },
      null,
    );
    const callA = step(id, 'called', '2026-12-07T08:05:00.000Z', issue);
    expect((await server.push(deskA, [issue, callA])).map((r) => r.status)).toEqual(['applied', 'applied']);
    // Desk B, offline, also called it and moved it on: the call and everything after are refused.
    const callB = step(id, 'called', '2026-12-07T08:06:00.000Z', null);
    const [late] = await server.push(deskB, [callB]);
    expect(late).toMatchObject({ status: 'conflict', fields: ['status'], server: { status: 'called', deskCode: 'D1' }, version: 2 });
    const [parkB] = await server.push(deskB, [step(id, 'parked', '2026-12-07T08:07:00.000Z', null, { note: 'чекає' })]);
    expect(parkB).toMatchObject({ status: 'conflict', server: { status: 'called', deskCode: 'D1', note: null } });
    const [ended] = await server.push(deskA, [step(id, 'service_ended', '2026-12-07T08:08:00.000Z', callA)]);
    expect(ended).toMatchObject({ status: 'conflict', server: { status: 'called' } });
    const [count] = await server.storage.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM queue_events WHERE ticket_id = $1 AND event <> 'issued'",
      [id],
    );
    expect(Number(count!.n)).toBe(1);
  });

  it('rejects a walk-in for a service no queue serves, leaving no ticket', async () => {
    await publish();
    const desk = await server.enrollDesk(CENTER, 'D4');
    const id = randomUUID();
    const [result] = await server.push(desk, [
      ticketMutation(
        id,
        'ticket.issue',
        { number: 'Л003', queueCode: 'A', serviceCode: 'NOPE', purpose: 'submit', at: '2026-12-07T08:00:00.000Z' },
        null,
      ),
    ]);
    expect(result).toMatchObject({ status: 'rejected', code: 'unknown_service' });
    expect(await server.storage.query('SELECT id FROM queue_tickets WHERE id = $1', [id])).toEqual([]);
  });
});
