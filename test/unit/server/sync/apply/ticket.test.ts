/**
 * Queue tickets a desk issued and moved while the back office was unreachable, applied into the queue's
 * tables (server/sync/apply/ticket.ts) on PGlite in memory: first wins, so a move the ticket's status or
 * holder no longer allows is a conflict carrying the ticket as the server has it.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ticketPolicies } from '../../../../../server/sync/apply/ticket';
import { toInt } from '../../../../../server/storage/storage';
import { sampleConfig } from '../../../../helpers/queue-sample';
import { useRecords } from './store-fixture';

const records = useRecords();
const at = '2026-11-02T09:15:00.000Z';

async function configure(centerCode: string): Promise<void> {
  await records.sql('INSERT INTO queue_configs (center_code, config, version) VALUES ($1, $2, 1)', [
    centerCode,
    JSON.stringify(sampleConfig(centerCode)),
  ]);
}

const send = (kind: string, id: string, payload: object, device: { centerCode?: string; deskCode?: string } = {}) =>
  records.apply(
    ticketPolicies[kind]!,
    { aggregate: `ticket:${id}`, kind, baseVersion: null, payload: { id, at, ...payload } },
    { centerCode: device.centerCode ?? 'C1', deskCode: device.deskCode ?? 'D1' },
  );
const issue = (id: string, payload: object = {}, device: Parameters<typeof send>[3] = {}) =>
  send('ticket.issue', id, { number: 'Л001', queueCode: 'A', serviceCode: 'PASS', purpose: 'submit', ...payload }, device);
const act = (id: string, event: string, extra: object = {}, device: Parameters<typeof send>[3] = {}) =>
  send(`ticket.${event}`, id, { event, details: null, ...extra }, device);

interface Ticket {
  status: string;
  number: string;
  queue_code: string;
  service_code: string | null;
  purpose: string;
  priority_reason: string | null;
  desk_code: string | null;
  clerk_id: string | null;
  local: boolean;
  note: string | null;
  version: unknown;
}
async function ticket(id: string): Promise<Ticket | undefined> {
  const [row] = await records.sql<Ticket>(
    'SELECT status, number, queue_code, service_code, purpose, priority_reason, desk_code, clerk_id, local, note, version FROM queue_tickets WHERE id = $1',
    [id],
  );
  return row;
}

describe('ticket policies', () => {
  it('issues the desk’s walk-in ticket into the center’s queue with its local number, desk and clerk', async () => {
    await configure('C1');
    const id = randomUUID();
    expect(await issue(id, { priorityReason: 'ветеран' })).toEqual({ status: 'applied', version: 1 });
    expect(await ticket(id)).toMatchObject({
      status: 'waiting',
      number: 'Л001',
      queue_code: 'A',
      service_code: 'PASS',
      purpose: 'submit',
      priority_reason: 'ветеран',
      desk_code: 'D1',
      clerk_id: 'clerk-1',
      local: true,
    });
    const [event] = await records.sql<{ event: string }>('SELECT event FROM queue_events WHERE ticket_id = $1', [id]);
    expect(event?.event).toBe('issued');
    // A desk of an earlier version sends no service nor purpose nor priority.
    const plain = randomUUID();
    expect(await send('ticket.issue', plain, { number: 'Л002', queueCode: 'V' })).toEqual({ status: 'applied', version: 1 });
    expect(await ticket(plain)).toMatchObject({ queue_code: 'V', service_code: null, purpose: 'other', priority_reason: null });
  });

  it('refuses a ticket twice, one of another center, one for no queue, and a malformed one', async () => {
    const id = randomUUID();
    await issue(id);
    expect(await issue(id, { number: 'Л009' })).toEqual({
      status: 'rejected',
      code: 'already_exists',
      message: `Ticket ${id} already exists`,
      fieldErrors: [],
    });
    await configure('C2');
    expect(await issue(id, {}, { centerCode: 'C2' })).toMatchObject({ code: 'wrong_center' });
    const other = randomUUID();
    expect(await issue(other, { serviceCode: 'NOPE' })).toEqual({
      status: 'rejected',
      code: 'unknown_service',
      message: 'No queue of center C1 serves NOPE',
      fieldErrors: [],
    });
    expect(await issue(other, { purpose: 'chat' })).toMatchObject({
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'purpose'] }],
    });
    expect(await ticket(other)).toBeUndefined();
    expect(await ticket(id)).toMatchObject({ number: 'Л001' });
  });

  it('refuses tickets of a center without a queue configuration', async () => {
    const id = randomUUID();
    const unconfigured = {
      status: 'rejected',
      code: 'queue_not_configured',
      message: 'Center C9 has no queue configuration for its tickets',
      fieldErrors: [],
    };
    expect(await issue(id, {}, { centerCode: 'C9' })).toEqual(unconfigured);
    expect(await ticket(id)).toBeUndefined();
    // A ticket a center had before its configuration was removed.
    await configure('C9');
    await issue(id, {}, { centerCode: 'C9' });
    await records.sql("DELETE FROM queue_configs WHERE center_code = 'C9'");
    expect(await act(id, 'called', {}, { centerCode: 'C9' })).toEqual(unconfigured);
    expect(await ticket(id)).toMatchObject({ status: 'waiting' });
  });

  it('applies the counter actions a desk took, each a new version of the ticket', async () => {
    const id = randomUUID();
    await issue(id);
    expect(await act(id, 'called')).toEqual({ status: 'applied', version: 2 });
    expect(await act(id, 'arrived')).toEqual({ status: 'applied', version: 3 });
    expect(await act(id, 'parked', { note: 'Пішов по копію' })).toEqual({ status: 'applied', version: 4 });
    expect(await ticket(id)).toMatchObject({ status: 'parked', note: 'Пішов по копію', desk_code: 'D1' });
    expect(await act(id, 'transferred', { toQueueCode: 'B' })).toEqual({ status: 'applied', version: 5 });
    expect(await ticket(id)).toMatchObject({ status: 'waiting', queue_code: 'B' });
    // Another desk calls the transferred ticket.
    expect(await act(id, 'called', {}, { deskCode: 'D2' })).toEqual({ status: 'applied', version: 6 });
    expect(await ticket(id)).toMatchObject({ status: 'called', desk_code: 'D2' });
  });

  it('answers a conflict with the ticket as the server has it when the action came too late', async () => {
    const id = randomUUID();
    await issue(id);
    await act(id, 'called', {}, { deskCode: 'D2' });
    const conflict = (version: number) => ({
      status: 'conflict',
      fields: ['status'],
      server: expect.objectContaining({ id, number: 'Л001', status: 'called', deskCode: 'D2', window: '2' }),
      version,
    });
    // Served elsewhere meanwhile: this desk's action on it is refused.
    expect(await act(id, 'arrived')).toEqual(conflict(2));
    await act(id, 'arrived', {}, { deskCode: 'D2' });
    await act(id, 'service_ended', {}, { deskCode: 'D2' });
    // Finished: nothing moves it, not a call, not the holder's own action.
    const done = { ...conflict(4), server: expect.objectContaining({ status: 'done' }) };
    expect(await act(id, 'called')).toEqual(done);
    expect(await act(id, 'parked', {}, { deskCode: 'D2' })).toEqual(done);
    expect(toInt((await ticket(id))?.version)).toBe(4);
  });

  it('refuses an action on a ticket the server lacks, on another center’s, to a queue there is not, and a malformed one', async () => {
    const missing = randomUUID();
    expect(await act(missing, 'called')).toEqual({
      status: 'rejected',
      code: 'not_found',
      message: `No ticket ${missing}`,
      fieldErrors: [],
    });
    const id = randomUUID();
    await issue(id);
    expect(await act(id, 'called', {}, { centerCode: 'C2' })).toMatchObject({ code: 'wrong_center' });
    await act(id, 'called');
    expect(await act(id, 'transferred', { toQueueCode: 'Z' })).toEqual({
      status: 'rejected',
      code: 'unknown_queue',
      message: 'No queue Z',
      fieldErrors: [],
    });
    expect(await act(id, 'arrived', { event: 'called' })).toMatchObject({
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'event'] }],
    });
    expect(await ticket(id)).toMatchObject({ status: 'called', queue_code: 'A', version: 2 });
  });
});
