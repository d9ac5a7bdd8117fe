/**
 * Cases a desk registers, moves, edits and issues receipts for, as the back office keeps them
 * (server/sync/apply/application.ts), on a real EntityStore: the record and its history that every desk
 * pulls, the back office's own log of status steps, and the refusals a desk shows.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applicationPolicies } from '../../../../../server/sync/apply/application';
import type { EntityData } from '../../../../../server/sync/entity-store';
import { useRecords } from './store-fixture';

const records = useRecords();
const policy = (kind: string) => applicationPolicies[kind]!;
const registeredAt = '2026-11-02T09:00:00.000Z';
const createdAt = '2026-11-04T12:00:00.000Z';
const line = { name: 'Заява', original: true, sheets: 1, returned: false };

function registration(id: string, extra: object = {}) {
  return {
    id,
    regNumber: `C1-01-${id.slice(0, 8)}`,
    registeredAt,
    registeredOn: '2026-11-02',
    dueDate: '2026-11-20',
    serviceId: 'svc-1',
    applicantId: 'applicant-1',
    items: [{ name: 'Заява', original: true, sheets: 1 }],
    ...extra,
  };
}

function send(
  kind: string,
  id: string,
  payload: Record<string, unknown>,
  more: { centerCode?: string; baseVersion?: number | null; mutationId?: string } = {},
) {
  return records.apply(
    policy(kind),
    {
      aggregate: `application:${id}`,
      kind,
      baseVersion: more.baseVersion ?? null,
      payload,
      createdAt,
      ...(more.mutationId ? { mutationId: more.mutationId } : {}),
    },
    { centerCode: more.centerCode ?? 'C1' },
  );
}

const register = (id: string, extra: object = {}, more: Parameters<typeof send>[3] = {}) =>
  send('application.register', id, registration(id, extra), more);
const move = (id: string, from: string, to: string, extra: object = {}, more: Parameters<typeof send>[3] = {}) =>
  send('application.status', id, { id, from, to, reason: null, receivedBy: null, at: '2026-11-03T10:00:00.000Z', ...extra }, more);

async function record(id: string): Promise<{ version: number; data: EntityData; versions: number[] }> {
  const row = await records.stored('application', id);
  if (!row) throw new Error(`no application ${id}`);
  return row;
}

describe('application.register', () => {
  it('stores the case as registered by the session’s clerk at the desk, with its first history step', async () => {
    const id = randomUUID();
    const mutationId = randomUUID();
    expect(await register(id, {}, { mutationId })).toEqual({ status: 'applied', version: 1 });
    const first = {
      from: null,
      to: 'registered',
      reason: null,
      receivedBy: null,
      at: registeredAt,
      actorName: 'Олена Коваль',
      actorId: 'clerk-1',
      mutationId,
    };
    expect(await record(id)).toEqual({
      version: 1,
      versions: [1],
      data: {
        ...registration(id),
        items: [line],
        resultDelivery: 'in_person',
        representative: null,
        notes: null,
        ticketId: null,
        snapshot: null,
        // A desk of an earlier build names no clerk: no numbered receipt.
        receipts: [],
        status: 'registered',
        clerkId: 'clerk-1',
        centerCode: 'C1',
        deskCode: '01',
        statusHistory: [first],
      },
    });
    expect(await records.statusSteps(id)).toEqual([{ from: null, to: 'registered', reason: null, mutationId }]);
  });

  it('issues опис №1 in the account’s name of the clerk, whatever name the desk sent, and keeps what the desk gave', async () => {
    const id = randomUUID();
    expect(await register(id, { actorName: 'Оля', notes: 'Телефонувати', ticketId: 't-1', resultDelivery: 'post' })).toEqual({
      status: 'applied',
      version: 1,
    });
    const { data } = await record(id);
    expect(data).toMatchObject({ notes: 'Телефонувати', ticketId: 't-1', resultDelivery: 'post' });
    expect(data).not.toHaveProperty('actorName');
    expect(data.receipts).toEqual([
      {
        number: 1,
        version: 1,
        issuedAt: registeredAt,
        clerkId: 'clerk-1',
        clerkName: 'Олена Коваль',
        lines: [line],
        correction: null,
        layout: 2,
      },
    ]);
    expect(data.statusHistory).toMatchObject([{ actorName: 'Олена Коваль' }]);
  });

  it('refuses a case twice, one of another center, a number the center already used, and a malformed one', async () => {
    const id = randomUUID();
    await register(id);
    expect(await register(id)).toEqual({
      status: 'rejected',
      code: 'already_exists',
      message: `Application ${id} is already registered`,
      fieldErrors: [],
    });
    expect(await register(id, {}, { centerCode: 'C2' })).toMatchObject({ code: 'wrong_center' });
    const other = randomUUID();
    const regNumber = `C1-01-${id.slice(0, 8)}`;
    expect(await register(other, { regNumber })).toEqual({
      status: 'rejected',
      code: 'reg_number_taken',
      message: `Registration number ${regNumber} is already used by application ${id} in this center`,
      fieldErrors: [{ path: ['payload', 'regNumber'], message: 'already used in this center' }],
    });
    expect(await register(other, { registeredOn: '2 листопада' })).toMatchObject({
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'registeredOn'] }],
    });
    expect(await records.stored('application', other)).toBeNull();
    expect(await records.statusSteps(other)).toEqual([]);
    expect(await record(id)).toMatchObject({ version: 1 });
    // Numbers are per center: another center may hold the same one.
    expect(await register(randomUUID(), { regNumber }, { centerCode: 'C2' })).toEqual({ status: 'applied', version: 1 });
  });
});

describe('application.status', () => {
  it('moves the case, appends the step to its history and to the back office’s log', async () => {
    const id = randomUUID();
    const registered = randomUUID();
    await register(id, {}, { mutationId: registered });
    const mutationId = randomUUID();
    expect(await move(id, 'registered', 'sent_to_provider', { day: '2026-11-03' }, { mutationId })).toEqual({
      status: 'applied',
      version: 2,
    });
    const { data, version, versions } = await record(id);
    expect({ version, versions }).toEqual({ version: 2, versions: [1, 2] });
    expect(data).toMatchObject({ status: 'sent_to_provider', handedOffOn: '2026-11-03', regNumber: `C1-01-${id.slice(0, 8)}` });
    expect(data.statusHistory).toEqual([
      expect.objectContaining({ to: 'registered', mutationId: registered }),
      {
        from: 'registered',
        to: 'sent_to_provider',
        reason: null,
        receivedBy: null,
        at: '2026-11-03T10:00:00.000Z',
        actorName: 'Олена Коваль',
        actorId: 'clerk-1',
        mutationId,
      },
    ]);
    expect(await records.statusSteps(id)).toEqual([
      { from: null, to: 'registered', reason: null, mutationId: registered },
      { from: 'registered', to: 'sent_to_provider', reason: null, mutationId },
    ]);
  });

  it('answers a conflict with the server’s record when the status moved since the desk’s base', async () => {
    const id = randomUUID();
    await register(id);
    await move(id, 'registered', 'sent_to_provider');
    const server = await record(id);
    expect(await move(id, 'registered', 'withdrawn', { withdrawal: { requestNumber: '7', requestDate: '2026-11-02' } })).toEqual({
      status: 'conflict',
      fields: ['status'],
      server: server.data,
      version: 2,
    });
    expect(await record(id)).toEqual(server);
  });

  it('refuses a provider’s move, a move with no arrow, and one lacking what it needs, each with its code', async () => {
    const id = randomUUID();
    await register(id);
    expect(await move(id, 'registered', 'issued')).toEqual({
      status: 'rejected',
      code: 'transition_forbidden',
      message: 'An application that is registered cannot become issued this way',
      fieldErrors: [{ path: ['payload', 'to'], message: 'not allowed from registered' }],
    });
    expect(await move(id, 'registered', 'withdrawn')).toEqual({
      status: 'rejected',
      code: 'invalid_payload',
      message: 'An application that is registered cannot become withdrawn this way',
      fieldErrors: [{ path: ['payload', 'withdrawal'], message: 'required' }],
    });
    await move(id, 'registered', 'sent_to_provider');
    expect(await move(id, 'sent_to_provider', 'in_progress')).toEqual({
      status: 'rejected',
      code: 'role_forbidden',
      message: "A desk does not move an application from sent_to_provider to in_progress: that is the provider's",
      fieldErrors: [{ path: ['payload', 'to'], message: 'status.role_forbidden' }],
    });
    expect(await record(id)).toMatchObject({ version: 2, data: { status: 'sent_to_provider' } });
    expect(await records.statusSteps(id)).toHaveLength(2);
  });

  it('lets a supervisor’s move through with its correction reason in the step', async () => {
    const id = randomUUID();
    await register(id);
    expect(await move(id, 'registered', 'registered_in_error', { reason: 'Дубль', correctionReason: 'Зареєстровано двічі' })).toEqual({
      status: 'applied',
      version: 2,
    });
    expect((await record(id)).data.statusHistory).toMatchObject([
      {},
      { to: 'registered_in_error', reason: 'Дубль', correctionReason: 'Зареєстровано двічі' },
    ]);
    expect(await records.statusSteps(id)).toMatchObject([{}, { to: 'registered_in_error', reason: 'Дубль' }]);
  });

  it('leaves the waiting time to the desk, and takes the representative’s authority from the record', async () => {
    const id = randomUUID();
    const authority = { basis: 'poa_simple', documentDate: '2026-01-10', mayReceiveResult: true };
    await register(id);
    await records.history('application', id, {
      2: { ...(await record(id)).data, status: 'result_ready', resultReadyOn: '2026-11-03', representative: { authority } },
    });
    // Unclaimed on the day it was ready: the desk checked its own waiting time.
    expect(await move(id, 'result_ready', 'returned_unclaimed', { day: '2026-11-03' }, { baseVersion: 2 })).toEqual({
      status: 'applied',
      version: 3,
    });
    const sent = randomUUID();
    await register(sent);
    await move(sent, 'registered', 'sent_to_provider');
    await records.history('application', sent, {
      3: { ...(await record(sent)).data, status: 'result_ready', resultReadyOn: '2026-11-03' },
    });
    const representative = { party: 'representative', name: 'Іван Коваль', document: 'довіреність' };
    expect(await move(sent, 'result_ready', 'issued', { receiver: representative })).toMatchObject({
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'receiver', 'party'], message: 'receiver.not_authorised' }],
    });
    await records.history('application', sent, { 4: { ...(await record(sent)).data, representative: { authority } } });
    expect(await move(sent, 'result_ready', 'issued', { receiver: representative })).toEqual({ status: 'applied', version: 5 });
  });

  it('refuses a move of a case the server lacks, of another center’s, and a malformed one', async () => {
    const missing = randomUUID();
    expect(await move(missing, 'registered', 'sent_to_provider')).toEqual({
      status: 'rejected',
      code: 'not_found',
      message: `No application ${missing}`,
      fieldErrors: [],
    });
    const id = randomUUID();
    await register(id);
    expect(await move(id, 'registered', 'sent_to_provider', {}, { centerCode: 'C2' })).toMatchObject({ code: 'wrong_center' });
    expect(await move(id, 'registered', 'sent_away')).toMatchObject({
      code: 'invalid_payload',
      fieldErrors: [{ path: ['payload', 'to'] }],
    });
    expect(await record(id)).toMatchObject({ version: 1, data: { status: 'registered' } });
  });

  it('starts the history of a case stored before it had one with the move', async () => {
    const id = randomUUID();
    await records.history('application', id, { 1: { id, status: 'registered' } });
    expect(await move(id, 'registered', 'sent_to_provider')).toEqual({ status: 'applied', version: 2 });
    expect((await record(id)).data.statusHistory).toEqual([expect.objectContaining({ from: 'registered', to: 'sent_to_provider' })]);
  });

  it('fails rather than extend a malformed history partial', async () => {
    const id = randomUUID();
    await records.history('application', id, { 1: { id, status: 'registered', statusHistory: [{ to: 'registered' }] } });
    await expect(move(id, 'registered', 'sent_to_provider')).rejects.toThrow();
    expect(await record(id)).toMatchObject({ version: 1 });
    expect(await records.statusSteps(id)).toEqual([]);
  });
});

describe('application.update', () => {
  it('merges the desk’s edit into the case without a history step', async () => {
    const id = randomUUID();
    await register(id);
    expect(await send('application.update', id, { id, notes: 'Принесе довідку' }, { baseVersion: 1 })).toEqual({
      status: 'applied',
      version: 2,
    });
    const { data } = await record(id);
    expect(data).toMatchObject({ notes: 'Принесе довідку', status: 'registered' });
    expect(data.statusHistory).toHaveLength(1);
    expect(await records.statusSteps(id)).toHaveLength(1);
  });

  it('records a supervisor’s correction as a step that keeps the status: who, when and why', async () => {
    const id = randomUUID();
    await register(id);
    await move(id, 'registered', 'sent_to_provider');
    const mutationId = randomUUID();
    const correction = { id, dueDate: '2026-11-25', correctionReason: 'Помилка в строку' };
    expect(await send('application.update', id, correction, { baseVersion: 2, mutationId })).toEqual({ status: 'applied', version: 3 });
    const { data } = await record(id);
    expect(data).toMatchObject({ dueDate: '2026-11-25', status: 'sent_to_provider' });
    // The reason is the step's, not a field of the case.
    expect(data).not.toHaveProperty('correctionReason');
    expect((data.statusHistory as unknown[]).at(-1)).toEqual({
      from: 'sent_to_provider',
      to: 'sent_to_provider',
      reason: 'Помилка в строку',
      receivedBy: null,
      at: createdAt,
      actorName: null,
      correctionReason: 'Помилка в строку',
      actorId: 'clerk-1',
      mutationId,
    });
    expect((await records.statusSteps(id)).at(-1)).toEqual({
      from: 'sent_to_provider',
      to: 'sent_to_provider',
      reason: 'Помилка в строку',
      mutationId,
    });
  });

  it('answers a conflicting correction with the server’s record and logs no step', async () => {
    const id = randomUUID();
    await register(id);
    await send('application.update', id, { id, notes: 'Перша' }, { baseVersion: 1 });
    const server = await record(id);
    expect(await send('application.update', id, { id, notes: 'Друга', correctionReason: 'Уточнення' }, { baseVersion: 1 })).toEqual({
      status: 'conflict',
      fields: ['notes'],
      server: server.data,
      version: 2,
    });
    expect(await record(id)).toEqual(server);
    expect(await records.statusSteps(id)).toHaveLength(1);
  });

  it('refuses an edit of a case the server lacks, of another center’s, and a malformed one', async () => {
    const missing = randomUUID();
    expect(await send('application.update', missing, { id: missing, notes: 'x' }, { baseVersion: 1 })).toEqual({
      status: 'rejected',
      code: 'not_found',
      message: `No application ${missing}`,
      fieldErrors: [],
    });
    const id = randomUUID();
    await register(id);
    expect(await send('application.update', id, { id, notes: 'x' }, { baseVersion: 1, centerCode: 'C2' })).toMatchObject({
      code: 'wrong_center',
    });
    expect(await send('application.update', id, { id, status: 'issued' }, { baseVersion: 1 })).toMatchObject({ code: 'invalid_payload' });
    expect(await record(id)).toMatchObject({ version: 1, data: { notes: null } });
  });
});

describe('receipts', () => {
  const receipt = (number: number, version: number, lines = [line], correction: object | null = null) => ({
    number,
    version,
    issuedAt: createdAt,
    clerkId: 'desk-clerk',
    clerkName: 'Оля',
    lines,
    correction,
    layout: 2,
  });
  const more = { name: 'Довідка', original: false, sheets: 2, returned: false };
  const fixed = { ...more, name: 'Довідка з місця роботи' };

  it('appends an additional опис in the session clerk’s name, and the case’s lines become the current ones', async () => {
    const id = randomUUID();
    await register(id, { actorName: 'Оля' });
    expect(await send('application.addDocuments', id, { id, receipt: receipt(2, 1, [more]) })).toEqual({ status: 'applied', version: 2 });
    const { data } = await record(id);
    expect(data.receipts).toEqual([
      expect.objectContaining({ number: 1, version: 1 }),
      { ...receipt(2, 1, [more]), clerkId: 'clerk-1', clerkName: 'Олена Коваль' },
    ]);
    expect(data.items).toEqual([line, more]);
    // A corrected line: a new version of the опис replaces its lines.
    const correction = { position: 1, reason: 'Уточнено' };
    expect(await send('application.correctLine', id, { id, receipt: receipt(2, 2, [fixed], correction) })).toEqual({
      status: 'applied',
      version: 3,
    });
    expect((await record(id)).data.items).toEqual([line, fixed]);
  });

  it('refuses a receipt number and version already issued, and a correction of a version the case lacks', async () => {
    const id = randomUUID();
    await register(id, { actorName: 'Оля' });
    await send('application.addDocuments', id, { id, receipt: receipt(2, 1, [more]) });
    expect(await send('application.addDocuments', id, { id, receipt: receipt(2, 1, [fixed]) })).toEqual({
      status: 'rejected',
      code: 'receipt_taken',
      message: `Receipt №2 v1 of application ${id} is already issued`,
      fieldErrors: [{ path: ['payload', 'receipt', 'number'], message: 'already issued' }],
    });
    const correction = { position: 1, reason: 'Уточнено' };
    expect(await send('application.correctLine', id, { id, receipt: receipt(2, 3, [fixed], correction) })).toEqual({
      status: 'rejected',
      code: 'receipt_unknown',
      message: `Application ${id} has no receipt №2 v2 to correct`,
      fieldErrors: [{ path: ['payload', 'receipt', 'version'], message: 'no such receipt' }],
    });
    expect(await record(id)).toMatchObject({ version: 2, data: { items: [line, more] } });
  });

  it('corrects an опис version after version, each on its own previous one, whatever versions other описи have', async () => {
    const id = randomUUID();
    await register(id, { actorName: 'Оля' });
    await send('application.addDocuments', id, { id, receipt: receipt(2, 1, [more]) });
    const correction = { position: 1, reason: 'Уточнено' };
    expect(await send('application.correctLine', id, { id, receipt: receipt(1, 2, [fixed], correction) })).toMatchObject({
      status: 'applied',
    });
    // №2 has no v2 to correct, though №1 has.
    expect(await send('application.correctLine', id, { id, receipt: receipt(2, 3, [fixed], correction) })).toMatchObject({
      code: 'receipt_unknown',
    });
    expect(await send('application.correctLine', id, { id, receipt: receipt(2, 2, [fixed], correction) })).toMatchObject({
      status: 'applied',
    });
    expect(await send('application.correctLine', id, { id, receipt: receipt(2, 3, [more], correction) })).toEqual({
      status: 'applied',
      version: 5,
    });
    expect((await record(id)).data.items).toEqual([fixed, more]);
  });

  it('builds on a case stored before receipts were numbered: its lines plus the new опис’s', async () => {
    const id = randomUUID();
    const old = { name: 'Паспорт', original: true, sheets: 1, returned: false };
    await records.history('application', id, { 1: { id, status: 'registered', items: [old] } });
    expect(await send('application.addDocuments', id, { id, receipt: receipt(2, 1, [more]) })).toEqual({ status: 'applied', version: 2 });
    expect((await record(id)).data.items).toEqual([old, more]);
    // The desk's backfilled опис №1 is the base of a correction the server has no version of.
    const correction = { position: 1, reason: 'Уточнено' };
    expect(await send('application.correctLine', id, { id, receipt: receipt(1, 2, [fixed], correction) })).toEqual({
      status: 'applied',
      version: 3,
    });
    expect((await record(id)).data).toMatchObject({ items: [fixed, more], receipts: [{ number: 2 }, { number: 1, version: 2 }] });
  });

  it('refuses a receipt for a case the server lacks, of another center’s, and a malformed one', async () => {
    const missing = randomUUID();
    expect(await send('application.addDocuments', missing, { id: missing, receipt: receipt(2, 1) })).toEqual({
      status: 'rejected',
      code: 'not_found',
      message: `No application ${missing}`,
      fieldErrors: [],
    });
    const id = randomUUID();
    await register(id, { actorName: 'Оля' });
    expect(await send('application.addDocuments', id, { id, receipt: receipt(2, 1) }, { centerCode: 'C2' })).toMatchObject({
      code: 'wrong_center',
    });
    expect(await send('application.addDocuments', id, { id, receipt: receipt(1, 1) })).toMatchObject({ code: 'invalid_payload' });
    expect(await send('application.correctLine', id, { id, receipt: receipt(1, 2) })).toMatchObject({ code: 'invalid_payload' });
    expect(await record(id)).toMatchObject({ version: 1 });
  });
});
