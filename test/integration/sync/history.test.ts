/**
 * History that never lies (docs/SYNC.md): after sync every desk shows the back office's status
 * history of a record — steps, order, actors, reasons — with its own undelivered steps on top,
 * marked pending, and never a step the back office refused.
 */
import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application';
import { StatusHistory } from '../../../shared/domain/application-history';
import type { StatusStep } from '../../../shared/domain/application-history';
import { actAsProvider, STORAGES, useServer } from '../server/harness';
import { useSyncWorld, value } from './desk-harness';
import type { TestDesk } from './desk-harness';

describe.each(STORAGES)('status history after sync on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  const get = (desk: TestDesk, id: string) => value(desk.api.call('applications.get', { id }));

  /** The back office's history: the record's `statusHistory`, checked against its own log of steps. */
  async function serverHistory(id: string): Promise<StatusStep[]> {
    const [row] = await harness.storage.query<{ data: { statusHistory: unknown } }>('SELECT data FROM applications WHERE id = $1', [id]);
    const history = StatusHistory.parse(row?.data.statusHistory);
    const log = await harness.storage.query<{ from_status: string | null; to_status: string; clerk_id: string; mutation_id: string }>(
      'SELECT from_status, to_status, clerk_id, mutation_id FROM application_status_history WHERE application_id = $1 ORDER BY id',
      [id],
    );
    expect(history.map((s) => ({ from_status: s.from, to_status: s.to, clerk_id: s.actorId, mutation_id: s.mutationId }))).toEqual(log);
    return history;
  }

  /** A desk's history in the back office's terms; every step settled (none pending). */
  function settled(history: Application['history']) {
    expect(history.filter((s) => s.pending)).toEqual([]);
    return history.map(({ from, to, reason, receivedBy, at, clerkId, actorName }) => ({
      from,
      to,
      reason,
      receivedBy,
      at,
      actorId: clerkId,
      actorName,
    }));
  }

  const withoutMutation = (history: StatusStep[]) => history.map(({ mutationId: _mutationId, ...step }) => step);

  async function expectServerHistory(desks: TestDesk[], id: string): Promise<StatusStep[]> {
    const server = await serverHistory(id);
    for (const desk of desks) expect(settled((await get(desk, id)).history)).toEqual(withoutMutation(server));
    return server;
  }

  /** Enrolls the desk with a clerk of its own: an account at the back office under that name (issue 15). */
  async function named(desk: TestDesk, fullName: string): Promise<string> {
    await desk.enroll({ fullName });
    return (await value(desk.api.call('clerk.me', {}))).id;
  }

  /**
   * Two enrolled desks with an application registered at A; the back office goes away, A
   * records the applicant's withdrawal and B hands it to the provider; it comes back, B syncs, then A.
   * Each desk is closed after its change so no backoff timer decides the order.
   */
  async function refusedAtAHandedOffAtB() {
    const [a0, b0] = [world.openDesk(), world.openDesk()];
    const clerkA = await named(a0, 'Олена Коваль');
    const clerkB = await named(b0, 'Петро Мельник');
    const app = await a0.register();
    await a0.syncNow();
    await b0.syncNow();
    world.proxy.setMode('drop');
    await a0.changeStatus(app.id, 'withdrawn', {
      reason: 'Неповний пакет документів',
      withdrawal: { requestNumber: '14', requestDate: '2026-11-27' },
    });
    await a0.close();
    await b0.changeStatus(app.id, 'sent_to_provider');
    await b0.close();
    world.proxy.setMode('pass');
    const b = world.openDesk(b0.deskCode, { dataDir: b0.dataDir });
    expect(await b.syncNow()).toMatchObject({ pending: 0, conflicts: 0 });
    const a = world.openDesk(a0.deskCode, { dataDir: a0.dataDir });
    expect(await a.syncNow()).toMatchObject({ pending: 0, conflicts: 1 });
    return { a, b, app, clerkA, clerkB };
  }

  it('a refused status step disappears from the history; the hand-off that won shows, by whom, at both desks', async () => {
    const { a, b, app, clerkA, clerkB } = await refusedAtAHandedOffAtB();
    const card = await get(a, app.id);
    expect(card).toMatchObject({ status: 'sent_to_provider', sync: 'attention' });
    const server = await expectServerHistory([a, b], app.id);
    expect(server).toMatchObject([
      { from: null, to: 'registered', actorId: clerkA, actorName: 'Олена Коваль' },
      { from: 'registered', to: 'sent_to_provider', actorId: clerkB, actorName: 'Петро Мельник', reason: null },
    ]);
    // The refused step stays in the sync panel until the supervisor decides.
    const [letter] = await value(a.api.call('sync.deadLetters', {}));
    expect(letter).toMatchObject({
      kind: 'application.status',
      status: 'conflict',
      payload: { to: 'withdrawn', reason: 'Неповний пакет документів' },
    });

    await value(a.api.call('sync.discard', { mutationId: letter!.mutationId, reason: 'Передано раніше на вікні B' }));
    expect(await a.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    expect(await expectServerHistory([a, b], app.id)).toEqual(server);
  });

  it('a refused step the supervisor sends again shows as pending on top, then as the back office has it at both desks', async () => {
    const { a, b, app, clerkA } = await refusedAtAHandedOffAtB();
    const before = await serverHistory(app.id);
    const [letter] = await value(a.api.call('sync.deadLetters', {}));
    world.proxy.setMode('drop');
    await value(a.api.call('sync.retry', { mutationId: letter!.mutationId }));
    const { history } = await get(a, app.id);
    expect(settled(history.slice(0, -1))).toEqual(withoutMutation(before));
    expect(history.at(-1)).toMatchObject({
      from: 'sent_to_provider',
      to: 'withdrawn',
      reason: 'Неповний пакет документів',
      actorName: 'Олена Коваль',
      pending: true,
    });

    world.proxy.setMode('pass');
    expect(await a.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
    await a.syncNow();
    await b.syncNow();
    const after = await expectServerHistory([a, b], app.id);
    expect(after.slice(0, -1)).toEqual(before);
    expect(after.at(-1)).toMatchObject({
      from: 'sent_to_provider',
      to: 'withdrawn',
      reason: 'Неповний пакет документів',
      actorId: clerkA,
      actorName: 'Олена Коваль',
    });
    expect(await get(b, app.id)).toMatchObject({ status: 'withdrawn', sync: 'synced' });
  });

  it('a record registered at one desk and opened at another shows its whole history, and the other desk’s own step pending on top', async () => {
    const [a, b] = [world.openDesk(), world.openDesk()];
    const clerkA = await named(a, 'Олена Коваль');
    await named(b, 'Петро Мельник');
    const app = await a.register();
    await a.changeStatus(app.id, 'sent_to_provider');
    expect(await a.syncNow()).toMatchObject({ pending: 0 });
    const card = await value(a.api.call('catalog.get', { id: app.service.id }));
    const provider = await actAsProvider(harness, { ...card, provider: { ...card.provider, edrpou: '32855961' } });
    await provider(app.id, 'sent_to_provider', 'in_progress');
    await a.syncNow();
    await b.syncNow();

    // B first: it never had this record's history but through the pull.
    const server = await expectServerHistory([b, a], app.id);
    expect(server.map((s) => [s.to, s.actorId, s.actorName])).toEqual([
      ['registered', clerkA, 'Олена Коваль'],
      ['sent_to_provider', clerkA, 'Олена Коваль'],
      ['in_progress', 'provider:32855961', 'Ткач Ірина'],
    ]);

    world.proxy.setMode('drop');
    await b.changeStatus(app.id, 'withdrawn', {
      reason: 'Заявник відкликав заяву',
      withdrawal: { requestNumber: '15', requestDate: '2026-11-27' },
    });
    const { history } = await get(b, app.id);
    expect(settled(history.slice(0, -1))).toEqual(withoutMutation(server));
    expect(history.at(-1)).toMatchObject({ from: 'in_progress', to: 'withdrawn', actorName: 'Петро Мельник', pending: true });

    world.proxy.setMode('pass');
    expect(await b.syncNow()).toMatchObject({ pending: 0 });
    await a.syncNow();
    expect((await expectServerHistory([a, b], app.id)).map((s) => [s.to, s.actorName, s.reason])).toEqual([
      ['registered', 'Олена Коваль', null],
      ['sent_to_provider', 'Олена Коваль', null],
      ['in_progress', 'Ткач Ірина', null],
      ['withdrawn', 'Петро Мельник', 'Заявник відкликав заяву'],
    ]);
  });
});
