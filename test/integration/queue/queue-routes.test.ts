/** The queue's routes over real HTTP: the kiosk issues, a desk calls, the board hears it; each refusal's 409 code. */
import { randomUUID } from 'node:crypto';
import { EventSource } from 'eventsource';
import { beforeAll, describe, expect, it } from 'vitest';
import { BoardCall, BoardState, DeskQueueState, KioskTicket, QueueChanged, QueueCommandResult } from '../../../shared/queue-protocol';
import type { QueueAction } from '../../../shared/queue-protocol';
import type { Desk } from '../server/harness';
import { STORAGES, useServer } from '../server/harness';
import { sampleConfig } from './queue-storage';

const CENTER = 'H1';
const START = Date.parse('2026-12-07T09:00:00.000Z');
/** The server's clock: a minute later at each reading, so tickets are issued one after another. */
let minutes = 0;
const clock = () => new Date(START + minutes++ * 60_000);

/** The first message of `event` on an SSE stream, the stream closed after it. */
function firstEvent(
  url: string,
  event: string,
  headers: Record<string, string> = {},
): { received: Promise<unknown>; opened: Promise<void> } {
  const source = new EventSource(url, {
    fetch: (input, init) => {
      const merged = new Headers(init.headers);
      for (const [name, value] of Object.entries(headers)) merged.set(name, value);
      return fetch(input, { ...init, headers: merged });
    },
  });
  const opened = new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = (e) => reject(new Error(`stream failed: ${e.message ?? ''}`));
  });
  const received = new Promise<unknown>((resolve) =>
    source.addEventListener(event, (message) => {
      source.close();
      resolve(JSON.parse(message.data));
    }),
  );
  return { received, opened };
}

describe.each(STORAGES)('queue routes on %s', (kind) => {
  const server = useServer(kind, { now: clock });
  let d1: Desk;
  let d2: Desk;
  let d3: Desk;

  beforeAll(async () => {
    await server.storage.query('INSERT INTO queue_configs (center_code, config, version) VALUES ($1, $2, 1)', [
      CENTER,
      JSON.stringify(sampleConfig(CENTER, { recallsBeforeNoShow: 1, centerName: 'ЦНАП Печерського району' })),
    ]);
    [d1, d2, d3] = [await server.enrollDesk(CENTER, 'D1'), await server.enrollDesk(CENTER, 'D2'), await server.enrollDesk(CENTER, 'D3')];
  });

  const kiosk = (body: unknown, center = CENTER) =>
    fetch(`${server.url}/api/kiosk/${center}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const command = (desk: Desk, action: QueueAction, commandId: string = randomUUID()) =>
    fetch(`${server.url}/queue/commands`, { method: 'POST', headers: desk.headers, body: JSON.stringify({ commandId, command: action }) });
  const refusal = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code });

  it('issues kiosk tickets with the windows that serve the queue and how many wait before', async () => {
    const first = KioskTicket.parse(await (await kiosk({ serviceCode: 'PASS', purpose: 'submit' })).json());
    const second = KioskTicket.parse(await (await kiosk({ serviceCode: 'PASS', purpose: 'collect', regNumber: 'H1-1' })).json());
    expect(first).toMatchObject({
      number: 'А001',
      queueNameUk: 'Паспорти',
      windows: ['1', '2', '4', '5', '6', '7', '8'],
      waitingAhead: 0,
      priority: false,
    });
    expect(second).toMatchObject({ number: 'А002', waitingAhead: 1 });
    expect(await refusal(await kiosk({ serviceCode: null, purpose: 'submit' }))).toEqual({ status: 400, code: 'invalid_body' });
    expect(await refusal(await kiosk({ serviceCode: 'NOPE', purpose: 'submit' }))).toEqual({ status: 400, code: 'unknown_service' });
    expect(await refusal(await kiosk({ serviceCode: 'PASS', purpose: 'submit' }, 'ZZ9'))).toEqual({
      status: 404,
      code: 'queue_not_configured',
    });
  });

  it('calls over HTTP, tells the board and the desks, and answers a repeated command once', async () => {
    const state = DeskQueueState.parse(await (await fetch(`${server.url}/queue/state`, { headers: d1.headers })).json());
    expect(state.waiting.map((t) => t.number)).toEqual(['А001', 'А002']);
    const board = firstEvent(`${server.url}/api/board/${CENTER}/events`, 'call');
    const desks = firstEvent(`${server.url}/queue/events`, 'changed', d2.headers);
    await Promise.all([board.opened, desks.opened]);
    const res = await command(d1, { action: 'call_next' }, `http-1-${kind}`);
    expect(res.status).toBe(200);
    const answer = QueueCommandResult.parse(await res.json());
    expect(answer.ticket).toMatchObject({ number: 'А001', status: 'called', window: '1' });
    expect(answer.state.current?.number).toBe('А001');
    expect(BoardCall.parse(await board.received)).toMatchObject({ number: 'А001', window: '1' });
    QueueChanged.parse(await desks.received);
    const again = QueueCommandResult.parse(await (await command(d1, { action: 'call_next' }, `http-1-${kind}`)).json());
    expect(again.ticket).toEqual(answer.ticket);
    const shown = BoardState.parse(await (await fetch(`${server.url}/api/board/${CENTER}/state`)).json());
    expect(shown.calls.map((c) => [c.number, c.window])).toEqual([['А001', '1']]);
    // The hall reads the center's name, not its code.
    expect(shown.centerName).toBe('ЦНАП Печерського району');
  });

  it('answers each refused command with its 409 code', async () => {
    const current = DeskQueueState.parse(await (await fetch(`${server.url}/queue/state`, { headers: d1.headers })).json()).current!;
    expect(await refusal(await command(d2, { action: 'call', ticketId: current.id }))).toEqual({
      status: 409,
      code: 'ticket_already_called',
    });
    expect(await refusal(await command(d1, { action: 'call_next' }))).toEqual({ status: 409, code: 'desk_busy' });
    expect(await refusal(await command(d1, { action: 'no_show', ticketId: current.id }))).toEqual({ status: 409, code: 'recall_first' });
    expect(await refusal(await command(d2, { action: 'arrived', ticketId: current.id }))).toEqual({
      status: 409,
      code: 'action_not_allowed',
    });
    expect(await refusal(await command(d1, { action: 'finish', ticketId: current.id }))).toEqual({
      status: 409,
      code: 'action_not_allowed',
    });
    expect(await refusal(await command(d3, { action: 'call_next' }))).toEqual({ status: 409, code: 'nothing_waiting' });
    expect((await command(d2, { action: 'pause' })).status).toBe(200);
    expect(await refusal(await command(d2, { action: 'call_next' }))).toEqual({ status: 409, code: 'desk_paused' });
    expect(await refusal(await command(d1, { action: 'recall', ticketId: 'no-such' }))).toEqual({ status: 404, code: 'ticket_not_found' });
    expect(await refusal(await command(d1, { action: 'transfer', ticketId: current.id } as QueueAction))).toEqual({
      status: 400,
      code: 'invalid_body',
    });
    // Without credentials: 401 before any other check (no protocol header either).
    expect((await fetch(`${server.url}/queue/state`)).status).toBe(401);
  });
});
