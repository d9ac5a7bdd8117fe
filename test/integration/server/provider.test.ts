import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntityStore } from '../../../server/sync/entity-store';
import { publishServerOwned } from '../../../server/catalog/publish';
import { registerMutation, statusMutation, STORAGES, useServer } from './harness';

/** ЄДРПОУ with valid check digits (public test vectors). */
const PROVIDER = '32855961';
const OTHER_PROVIDER = '14360570';

describe.each(STORAGES)('the provider’s endpoints on %s', (kind) => {
  const server = useServer(kind);
  const admin = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify(body),
    });
  const asProvider = (token: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  async function tokenFor(edrpou: string): Promise<string> {
    const res = await admin('/admin/provider-tokens', { edrpou });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }

  beforeEach(async () => {
    // The sample case's service, as the catalog publishes its information card.
    await publishServerOwned(server.storage, 'service', 'svc-1', {
      code: 'ID-01',
      nameUk: 'Паспорт',
      provider: { nameUk: 'ДМС', nameEn: 'SMS', edrpou: PROVIDER },
      refusalGrounds: [{ code: 'incomplete', textUk: 'Неповний пакет', textEn: 'Incomplete' }],
      deadlineUnit: 'working_days',
      active: true,
    });
    // The day a move is made is the back office's today: pinned so the moved due date is known.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-09T08:00:00Z') });
  });
  afterEach(() => vi.useRealTimers());

  async function handedOff(): Promise<string> {
    const desk = await server.enrollDesk('C1');
    const register = registerMutation();
    const id = String(register.payload.id);
    await server.push(desk, [register, statusMutation(id, 'registered', 'sent_to_provider', register)]);
    return id;
  }

  it('issues a token only to the admin, for a valid ЄДРПОУ', async () => {
    expect(
      (await fetch(`${server.url}/admin/provider-tokens`, { method: 'POST', body: JSON.stringify({ edrpou: PROVIDER }) })).status,
    ).toBe(401);
    expect((await admin('/admin/provider-tokens', { edrpou: '32855968' })).status).toBe(400);
    expect((await asProvider('not-a-token', '/provider/applications')).status).toBe(401);
  });

  it('lists the cases handed off to that provider only, and moves them as new versions desks pull', async () => {
    const id = await handedOff();
    const token = await tokenFor(PROVIDER);
    const listed = (await (await asProvider(token, '/provider/applications')).json()) as {
      applications: Array<{ id: string; status: string }>;
    };
    expect(listed.applications).toEqual([expect.objectContaining({ id, status: 'sent_to_provider', version: 2 })]);
    expect(
      ((await (await asProvider(await tokenFor(OTHER_PROVIDER), '/provider/applications')).json()) as { applications: unknown[] })
        .applications,
    ).toEqual([]);

    const move = (body: unknown) => asProvider(token, `/provider/applications/${id}/status`, body);
    expect((await move({ from: 'sent_to_provider', to: 'in_progress', actorName: 'Ткач Ірина' })).status).toBe(200);
    expect((await move({ from: 'in_progress', to: 'needs_info', actorName: 'Ткач Ірина', reason: 'Потрібна довідка' })).status).toBe(200);
    vi.setSystemTime(new Date('2026-11-16T08:00:00Z'));
    const resumed = await move({ from: 'needs_info', to: 'in_progress', actorName: 'Ткач Ірина' });
    // A week stopped (Mon 9 – Mon 16 Nov): five working days on the 20 Nov due date.
    expect(await resumed.json()).toEqual({ id, status: 'in_progress', version: 5, dueDate: '2026-11-27' });
    const refusal = { kind: 'negative', decisionNumber: '17/2', decisionDate: '2026-11-16', grounds: ['incomplete'] };
    expect((await move({ from: 'in_progress', to: 'result_ready', actorName: 'Ткач Ірина', outcome: refusal })).status).toBe(200);

    const desk = await server.enrollDesk('C1', 'D2');
    const pulled = (await server.pull(desk, 0)).changes.filter((c) => c.id === id).at(-1);
    expect(pulled?.data).toMatchObject({
      status: 'result_ready',
      outcome: refusal,
      dueDate: '2026-11-27',
      originalDueDate: '2026-11-20',
      suspensions: [{ from: '2026-11-09', to: '2026-11-16', reason: 'Потрібна довідка' }],
      statusHistory: expect.arrayContaining([
        expect.objectContaining({ to: 'result_ready', actorId: `provider:${PROVIDER}`, actorName: 'Ткач Ірина' }),
      ]),
    });
  });

  it('a resumed case’s due date moves by the working days stopped in the center’s calendar', async () => {
    const id = await handedOff();
    // The center's supervisor made Wed 11 Nov a day off: the week stopped holds four working days, not five.
    await server.storage.transaction(async (tx) => {
      const store = new EntityStore(tx);
      const data = { martialLaw: true, days: { '2026-11-11': { kind: 'day_off', name: 'Рішення ради' } } };
      store.save('calendar', { id: 'C1', centerCode: 'C1', version: 1, data });
      store.keepStaged();
      await store.flush();
    });
    const token = await tokenFor(PROVIDER);
    const move = (body: unknown) => asProvider(token, `/provider/applications/${id}/status`, body);
    await move({ from: 'sent_to_provider', to: 'in_progress', actorName: 'Ткач Ірина' });
    await move({ from: 'in_progress', to: 'needs_info', actorName: 'Ткач Ірина', reason: 'Потрібна довідка' });
    vi.setSystemTime(new Date('2026-11-16T08:00:00Z'));
    const resumed = await move({ from: 'needs_info', to: 'in_progress', actorName: 'Ткач Ірина' });
    expect(await resumed.json()).toEqual({ id, status: 'in_progress', version: 5, dueDate: '2026-11-26' });
  });

  it('refuses what is not the provider’s: another provider’s case, a clerk’s move, a stale status, grounds off the card', async () => {
    const id = await handedOff();
    const token = await tokenFor(PROVIDER);
    const move = (t: string, body: unknown) => asProvider(t, `/provider/applications/${id}/status`, body);
    expect((await move(await tokenFor(OTHER_PROVIDER), { from: 'sent_to_provider', to: 'in_progress', actorName: 'Х' })).status).toBe(404);
    expect(
      (
        await move(token, {
          from: 'sent_to_provider',
          to: 'withdrawn',
          actorName: 'Х',
          withdrawal: { requestNumber: '1', requestDate: '2026-11-03' },
        })
      ).status,
    ).toBe(403);
    expect((await move(token, { from: 'in_progress', to: 'needs_info', actorName: 'Х', reason: 'р' })).status).toBe(409);
    const offCard = { kind: 'negative', decisionNumber: '1', decisionDate: '2026-11-05', grounds: ['whim'] };
    const bad = await move(token, { from: 'sent_to_provider', to: 'result_ready', actorName: 'Х', outcome: offCard });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('decision.unknown_ground');
    expect((await move(token, { from: 'sent_to_provider', to: 'in_progress' })).status).toBe(400);
    const row = await server.storage.query<{ version: number }>('SELECT version FROM applications WHERE id = $1', [id]);
    expect(Number(row[0]?.version)).toBe(2);
  });
});
