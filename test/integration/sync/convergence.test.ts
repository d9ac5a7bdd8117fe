/**
 * Scenario 11 of the sync scenarios: three desks and hundreds of seeded random changes through a
 * faulty network must converge to the back office's records, whole, and lose nothing.
 *
 * A seed replays: the test's choices, each engine's backoff jitter and the desks' clock come
 * from it, and a desk reaches the network only while the test brings it online, so a timer of
 * a desk that is "offline" cannot sync behind the test's back.
 * `VIKNO_SOAK_SEEDS=50` runs 50 seeds instead of the default three; `VIKNO_SYNC_SEED=n` runs one.
 */
import { describe, expect, it } from 'vitest';
import type { Application } from '../../../shared/domain/application';
import { REMOTE_CLERK_ID } from '../../../main/backend/clerks/remote-clerk';
import { allowedTransitions } from '../../../shared/domain/application-status';
import { moveDataFor } from '../../helpers/status-moves';
import { lost } from '../../helpers/fault-proxy';
import type { FaultMode } from '../../helpers/fault-proxy';
import { STORAGES, useServer } from '../server/harness';
import { ids, outboxRows, readDb, useSyncWorld, value } from './desk-harness';
import type { TestDesk } from './desk-harness';
import { seeded } from './seeded';

const DEFAULT_SEEDS = [3, 17, 2026];
const soak = Number(process.env.VIKNO_SOAK_SEEDS ?? 0);
const SEEDS = process.env.VIKNO_SYNC_SEED
  ? [Number(process.env.VIKNO_SYNC_SEED)]
  : soak > 0
    ? Array.from({ length: soak }, (_, i) => 1000 + i)
    : DEFAULT_SEEDS;
const STEPS = 360;

/** Faults on each route, each direction; a sync step meets one of them (or none). */
const FAULTS: readonly FaultMode[] = [
  lost('/sync/push', 'request'),
  lost('/sync/push', 'response'),
  lost('/sync/pull', 'request'),
  lost('/sync/pull', 'response'),
  lost('/sync/push', 'response', 2),
  { kind: 'error500', path: '/sync/push', times: 1 },
  { kind: 'error500AfterUpstream', path: '/sync/push', times: 1 },
  { kind: 'duplicate', path: '/sync/push', times: 1 },
];

/** A desk's HTTP client the test switches on and off: offline, requests fail at once without reaching the proxy. */
function switchedFetch() {
  const state = { online: false, calls: 0, inFlight: 0 };
  const fetchFn: typeof fetch = async (input, init) => {
    state.calls += 1;
    if (!state.online) throw new TypeError('fetch failed: desk offline (test)');
    state.inFlight += 1;
    try {
      return await fetch(input, init);
    } finally {
      state.inFlight -= 1;
    }
  };
  return { state, fetch: fetchFn };
}
type Switch = ReturnType<typeof switchedFetch>['state'];

/** The clerk who works at the desk: its own records carry that clerk's id. */
const localClerk = (desk: TestDesk) => desk.clerk()!.id;

/**
 * The mutations the back office acknowledged (applied or duplicate) to this desk. A change a
 * supervisor retried or discarded is closed as acked too, keeping its conflict note; the server
 * logs no conflicts (server/sync/push.ts), so those are left out.
 */
const acknowledged = (desk: TestDesk) =>
  readDb(desk, (db) => db.prepare("SELECT mutation_id FROM outbox WHERE status = 'acked' AND last_error IS NULL").all()) as Array<{
    mutation_id: string;
  }>;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lets the cycle a saved change kicked (offline) finish before the test goes on, so it cannot
 * overlap the next time this desk is online: waits for its request, then for it to end.
 */
async function settle(net: Switch, callsBefore: number): Promise<void> {
  for (let i = 0; i < 2000 && (net.calls === callsBefore || net.inFlight > 0); i++) await turn();
  for (let i = 0; i < 5; i++) await turn();
}

/** The synced fields of an application as a desk shows it, in the back office's terms. */
function deskView(app: Application) {
  return {
    id: app.id,
    version: app.serverVersion,
    regNumber: app.regNumber,
    status: app.status,
    serviceId: app.service.id,
    applicantId: app.applicant.id,
    representative: app.representative,
    items: app.items,
    registeredAt: app.registeredAt,
    registeredOn: app.registeredOn,
    dueDate: app.dueDate,
    resultDelivery: app.resultDelivery,
    notes: app.notes,
    clerkId: app.clerkId,
    centerCode: app.centerCode,
    deskCode: app.deskCode,
    ticketId: app.ticketId,
    payments: app.payments,
    history: app.history
      .map(({ from, to, reason, receivedBy, at, clerkId, actorName }) => ({ from, to, reason, receivedBy, at, clerkId, actorName }))
      .sort((x, y) => x.at.localeCompare(y.at)),
  };
}

interface ServerStep {
  from: string | null;
  to: string;
  reason: string | null;
  receivedBy: string | null;
  at: string;
  actorId: string;
  actorName: string | null;
  mutationId: string;
}
interface ServerApplication {
  id: string;
  version: number;
  data: Record<string, unknown> & { statusHistory: ServerStep[] };
}

/**
 * The server's record as desk `localClerk` must show it: the registering clerk of another desk
 * is shown as the one remote clerk (main/backend/clerks/remote-clerk.ts); history keeps real ids.
 */
function serverView({ id, version, data }: ServerApplication, localClerk: string): ReturnType<typeof deskView> {
  const field = <T>(name: string) => data[name] as T;
  const clerk = (clerkId: string) => (clerkId === localClerk ? clerkId : REMOTE_CLERK_ID);
  return {
    id,
    version,
    regNumber: field('regNumber'),
    status: field('status'),
    serviceId: field('serviceId'),
    applicantId: field('applicantId'),
    representative: field('representative'),
    items: field('items'),
    registeredAt: field('registeredAt'),
    registeredOn: field('registeredOn'),
    dueDate: field('dueDate'),
    resultDelivery: field('resultDelivery'),
    notes: field('notes'),
    clerkId: clerk(field('clerkId')),
    centerCode: field('centerCode'),
    deskCode: field('deskCode'),
    ticketId: field('ticketId'),
    // Desks list payments in the order they were entered; the record, in the order they were applied.
    payments: (field<Application['payments'] | undefined>('payments') ?? []).toSorted(
      (x, y) => x.at.localeCompare(y.at) || x.id.localeCompare(y.id),
    ),
    history: data.statusHistory
      .map(({ from, to, reason, receivedBy, at, actorId, actorName }) => ({
        from,
        to,
        reason,
        receivedBy,
        at,
        clerkId: actorId,
        actorName,
      }))
      .sort((x, y) => x.at.localeCompare(y.at)),
  } as ReturnType<typeof deskView>;
}

describe.each(STORAGES)('desks ↔ back office, the convergence run on %s', (kind) => {
  const harness = useServer(kind);
  const world = useSyncWorld(harness);

  it.each(SEEDS)(
    '11. three desks, seed %i: hundreds of changes through a faulty network converge whole, nothing is lost',
    async (seed) => {
      const random = seeded(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      // The desks' clock: a second per change, past any backoff (5 min cap) per sync step.
      let clock = Date.parse('2026-03-02T07:00:00Z');
      const now = () => new Date(clock);
      const nets: Switch[] = [];
      const desks = [0, 1, 2].map((i) => {
        const net = switchedFetch();
        nets.push(net.state);
        return world.openDesk(undefined, { now, random: seeded(seed * 31 + i), fetch: net.fetch });
      });
      for (const [i, desk] of desks.entries()) {
        nets[i]!.online = true;
        await desk.enroll();
        nets[i]!.online = false;
      }

      const known: string[] = [];
      /** Which desks changed each application: a conflict needs two. */
      const touched = new Map<string, Set<number>>();
      let mutations = 0;
      /** Makes one change at desk `i`, offline, and lets the sync it kicked fail before going on. */
      const change = async <T>(i: number, id: string | null, make: (desk: TestDesk) => Promise<T>): Promise<T> => {
        clock += 1000;
        const before = nets[i]!.calls;
        const result = await make(desks[i]!);
        await settle(nets[i]!, before);
        mutations += 1;
        if (id !== null) touched.get(id)!.add(i);
        return result;
      };
      const holders = (id: string) =>
        [0, 1, 2].filter((i) => readDb(desks[i]!, (db) => db.prepare('SELECT 1 FROM applications WHERE id = ?').get(id)) !== undefined);
      const syncOnline = async (i: number) => {
        await settle(nets[i]!, nets[i]!.calls - 1);
        nets[i]!.online = true;
        try {
          return await desks[i]!.syncNow();
        } finally {
          nets[i]!.online = false;
        }
      };

      for (let step = 0; step < STEPS; step++) {
        const roll = random();
        if (roll < 0.12 || known.length === 0) {
          const i = Math.floor(random() * 3);
          const app = await change(i, null, (desk) => desk.register());
          known.push(app.id);
          touched.set(app.id, new Set([i]));
        } else if (roll < 0.8) {
          const id = pick(known);
          const i = pick(holders(id));
          const current = await value(desks[i]!.api.call('applications.get', { id }));
          const what = random();
          if (what < 0.45) {
            // A synced desk's account is clerk and supervisor: the provider decides on the back office.
            const next = allowedTransitions(current.status, ['clerk', 'supervisor']);
            if (next.length === 0) continue;
            const to = pick(next);
            await change(i, id, (desk) => desk.changeStatus(id, to, moveDataFor(current.status, to, String(step))));
          } else if (what < 0.7) {
            await change(i, id, (desk) => value(desk.api.call('applications.update', { id, notes: `нотатка ${step}` })));
          } else if (what < 0.85) {
            // A payment, or the cancellation of one still counted: entries from desks on one case never conflict.
            const live = current.payments.filter((p) => p.cancelled === null);
            const paymentId = live.length > 0 && random() < 0.3 ? pick(live).id : null;
            await change(i, id, (desk) =>
              value(
                paymentId === null
                  ? desk.api.call('applications.addPayment', {
                      applicationId: id,
                      entry: {
                        type: 'payment',
                        component: 'admin_fee',
                        amountKopecks: 1 + Math.floor(random() * 100_000),
                        reference: `КВ-${step}`,
                        paidOn: '2026-03-01',
                      },
                    })
                  : desk.api.call('applications.cancelPayment', { applicationId: id, paymentId, reason: `помилка ${step}` }),
              ),
            );
          } else {
            const resultDelivery = pick(['in_person', 'post', 'email', 'electronic'] as const);
            await change(i, id, (desk) => value(desk.api.call('applications.update', { id, resultDelivery })));
          }
        } else {
          clock += 10 * 60_000;
          world.proxy.setMode(random() < 0.5 ? pick(FAULTS) : 'pass');
          await syncOnline(Math.floor(random() * 3));
          world.proxy.setMode('pass');
        }
      }

      // The network is back for good.
      clock += 10 * 60_000;
      for (let round = 0; round < 3; round++) for (const i of [0, 1, 2]) await syncOnline(i);
      for (const net of nets) net.online = true;
      expect(mutations).toBeGreaterThanOrEqual(200);
      expect(world.proxy.log.filter((r) => r.fault !== 'pass').length).toBeGreaterThan(5);

      const serverRows = async () =>
        new Map(
          (
            await harness.storage.query<ServerApplication>(
              'SELECT id, version, data FROM applications WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
              [ids(known)],
            )
          ).map((row) => [row.id, row]),
        );
      const expectLogged = async (rows: ReadonlyArray<{ mutation_id: string }>) => {
        const inLog = new Set(
          (
            await harness.storage.query<{ mutation_id: string }>(
              'SELECT mutation_id FROM mutation_log WHERE mutation_id IN (SELECT jsonb_array_elements_text($1::jsonb)) AND result IS NOT NULL',
              [ids(rows.map((r) => r.mutation_id))],
            )
          ).map((row) => row.mutation_id),
        );
        expect(rows.filter((r) => !inLog.has(r.mutation_id))).toEqual([]);
      };
      const deskRecords = async (desk: TestDesk) => Promise.all(known.map((id) => value(desk.api.call('applications.get', { id }))));

      // Before anyone resolves anything.
      let onServer = await serverRows();
      expect([...onServer.keys()].sort()).toEqual([...known].sort());
      // Payments and their cancellations took part.
      const entries = [...onServer.values()].flatMap((row) => (row.data.payments as Application['payments'] | undefined) ?? []);
      expect(entries.some((p) => p.cancelled !== null)).toBe(true);
      let conflicts = 0;
      for (const desk of desks) {
        const outbox = outboxRows(desk);
        // A change whose predecessor was refused waits behind it for the supervisor (faults.test.ts 5): held, not lost.
        const refused = new Set(outbox.filter((r) => r.status === 'conflict' || r.status === 'dead').map((r) => r.aggregate));
        const held = outbox.filter((r) => r.status === 'pending' && refused.has(r.aggregate));
        const heldIds = new Set(held.map((r) => r.aggregate.replace('application:', '')));
        // Every other record is the server's, whole (a conflicted one shows the server's state).
        for (const app of await deskRecords(desk))
          if (!heldIds.has(app.id)) expect(deskView(app)).toEqual(serverView(onServer.get(app.id)!, localClerk(desk)));

        // Every change made here is acked, listed for the supervisor, or held behind one: none lost.
        const made = readDb(desk, (db) =>
          db
            .prepare(
              "SELECT json_extract(details, '$.mutationId') FROM audit_events WHERE json_extract(details, '$.mutationId') IS NOT NULL",
            )
            .pluck()
            .all(),
        ) as string[];
        expect(made.filter((id) => !outbox.some((r) => r.mutation_id === id))).toEqual([]);
        expect(outbox.filter((r) => r.status !== 'acked' && r.status !== 'conflict' && !held.includes(r))).toEqual([]);
        // Every acknowledgement the desk saw is in the server's mutation log.
        await expectLogged(acknowledged(desk));

        // The bound on dead letters: every fault here is transient and the desk checks each change
        // before queueing it, so the only refusals are conflicts, and only on an application that
        // another desk changed too. A `dead` letter or a conflict on a record one desk alone
        // touched is a bug.
        const conflicted = outbox.filter((r) => r.status === 'conflict');
        for (const row of conflicted) expect(touched.get(row.aggregate.replace('application:', ''))!.size).toBeGreaterThan(1);
        const letters = await value(desk.api.call('sync.deadLetters', {}));
        expect(letters.map((l) => l.mutationId).sort()).toEqual(conflicted.map((r) => r.mutation_id).sort());
        expect(await desk.syncNow()).toMatchObject({ pending: held.length, conflicts: conflicted.length, deadLetters: 0 });
        conflicts += conflicted.length;
      }
      expect(conflicts).toBeGreaterThan(0);

      // The supervisors settle every conflict: retry some, discard the rest. A held change then goes
      // and may meet its own conflict; each round settles one link of the longest held chain.
      for (let round = 0; ; round++) {
        const open = (await Promise.all(desks.map((desk) => value(desk.api.call('sync.deadLetters', {}))))).map((letters, i) => ({
          desk: desks[i]!,
          letters,
        }));
        if (open.every(({ letters }) => letters.length === 0)) break;
        expect(round).toBeLessThan(40);
        for (const { desk, letters } of open) {
          for (const letter of letters) {
            const retried = round < 3 && random() < 0.5 && (await desk.api.call('sync.retry', { mutationId: letter.mutationId })).ok;
            if (!retried)
              await value(desk.api.call('sync.discard', { mutationId: letter.mutationId, reason: 'Залишається версія центру' }));
          }
        }
        for (let pass = 0; pass < 2; pass++) {
          clock += 10 * 60_000;
          for (const desk of desks) await desk.syncNow();
        }
      }

      // Settled: every desk holds every record exactly as the server does, nothing waits, nothing is refused.
      onServer = await serverRows();
      const history = await harness.storage.query<{ application_id: string; mutation_id: string; to_status: string }>(
        'SELECT application_id, mutation_id, to_status FROM application_status_history WHERE application_id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY id',
        [ids(known)],
      );
      for (const [id, record] of onServer) {
        const steps = history.filter((h) => h.application_id === id);
        expect(steps.map((h) => h.mutation_id)).toEqual(record.data.statusHistory.map((h) => h.mutationId));
        expect(record.data.status).toBe(steps.at(-1)?.to_status);
      }
      for (const desk of desks) {
        expect(outboxRows(desk).filter((r) => r.status !== 'acked')).toEqual([]);
        expect(await desk.syncNow()).toMatchObject({ pending: 0, conflicts: 0, deadLetters: 0 });
        const records = await deskRecords(desk);
        for (const app of records) {
          expect(deskView(app)).toEqual(serverView(onServer.get(app.id)!, localClerk(desk)));
          expect(app).toMatchObject({ sync: 'synced' });
          expect(app.history.every((h) => !h.pending)).toBe(true);
        }
        await expectLogged(acknowledged(desk));
      }
    },
    120_000,
  );
});
