import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { getApplicationById } from '../../../main/backend/applications/queries';
import { recordResults } from '../../../main/backend/sync/outbox-queue';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import type { PulledApplier } from '../../../main/backend/sync/pulled-change';
import type { StatusStep } from '../../../shared/domain/application-history';
import type { PaymentRecord } from '../../../shared/domain/payment';
import { addPayment } from '../../../main/backend/payments/payment-commands';
import { APPLICATION_STATUSES } from '../../../shared/domain/application-status';
import type { Change } from '../../../shared/sync-protocol';
import { addApplication, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A desk with one application it registered itself, and the register mutation's id. */
function deskWithOwnApplication() {
  const desk = openTestDesk(tempDir());
  const { applicant, app } = addApplication(desk.env);
  const registerId = desk.db.prepare("SELECT mutation_id FROM outbox WHERE kind = 'application.register'").pluck().get() as string;
  return { ...desk, app, applicant, registerId };
}

const ack = (db: Parameters<typeof recordResults>[0], mutationId: string, version: number) =>
  recordResults(db, [{ mutationId, status: 'applied', version }], new Date(), () => 0);

/** The back office took every change this desk made, each as version 1 of its record. */
function ackAll(db: Parameters<typeof recordResults>[0]): void {
  for (const id of db.prepare("SELECT mutation_id FROM outbox WHERE status <> 'acked'").pluck().all() as string[]) ack(db, id, 1);
}

function step(to: StatusStep['to'], fields: Partial<StatusStep> = {}): StatusStep {
  return {
    from: null,
    to,
    reason: null,
    receivedBy: null,
    at: '2026-11-27T09:30:00.000Z',
    actorId: 'clerk-elsewhere',
    actorName: 'Коваль Ірина',
    mutationId: `m-${to}`,
    ...fields,
  };
}

/** The application as the back office would send it, with `statusHistory` unless given `undefined`. */
function pulledApplication(
  id: string,
  applicantId: string,
  version: number,
  status: string,
  statusHistory: StatusStep[] | undefined,
): Change {
  return {
    seq: version,
    entity: 'application',
    id,
    version,
    data: {
      regNumber: `KV01-02-${id}`,
      serviceId: SAMPLE_SERVICE.id,
      applicantId,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
      status,
      registeredAt: '2026-11-27T09:30:00.000Z',
      registeredOn: '2026-11-27',
      dueDate: '2026-12-25',
      resultDelivery: 'in_person',
      centerCode: 'KV01',
      deskCode: '02',
      ...(statusHistory ? { statusHistory } : {}),
    },
  };
}

const settled = (steps: StatusStep[]) =>
  steps.map(({ from, to, reason, receivedBy, at, actorId, actorName }) => ({
    from,
    to,
    reason,
    receivedBy,
    at,
    clerkId: actorId,
    actorName,
    pending: false,
  }));

describe('applying a pulled application', () => {
  it('keeps the terms another desk registered the case under, and a due date still to come as none', () => {
    const desk = deskWithOwnApplication();
    const terms = {
      tier: { id: 'two_hours', nameUk: '2 години', nameEn: '2 hours' },
      deadline: { value: 2, unit: 'hours', kind: 'not_after', anchor: 'register_entry' },
      termStated: true,
      fee: {
        totalKopecks: 1_664_000,
        lines: [{ kind: 'admin_fee', amountKopecks: 1_664_000, share: 5, subsistenceYear: 2026 }],
        conditions: [],
        exemption: null,
      },
    };
    const change = pulledApplication('a-remote', desk.applicant.id, 1, 'registered', [step('registered')]);
    createChangeApplier(memoryLogger())(desk.db, [{ ...change, data: { ...change.data, dueDate: null, terms } }]);
    expect(getApplicationById(desk.db, 'a-remote')).toMatchObject({ dueDate: null, terms });
  });

  it('a version without terms (stored before the back office kept them) leaves the terms on file', () => {
    const desk = deskWithOwnApplication();
    ack(desk.db, desk.registerId, 1);
    const terms = getApplicationById(desk.db, desk.app.id)!.terms;
    expect(terms?.tier.id).toBe('standard');
    createChangeApplier(memoryLogger())(desk.db, [pulledApplication(desk.app.id, desk.applicant.id, 2, 'sent_to_provider', undefined)]);
    expect(getApplicationById(desk.db, desk.app.id)).toMatchObject({ status: 'sent_to_provider', terms });
  });

  it('replaces the desk’s history with the back office’s, steps by clerks this desk has never seen included', () => {
    const desk = deskWithOwnApplication();
    ack(desk.db, desk.registerId, 1);
    const history = [
      step('registered', { actorId: desk.env.clerkId, actorName: 'Олена Коваль', mutationId: desk.registerId }),
      step('sent_to_provider', { from: 'registered', at: '2026-11-27T10:00:00.000Z', mutationId: 'm-b' }),
      step('refused', {
        from: 'sent_to_provider',
        reason: 'Неповний пакет',
        at: '2026-11-27T11:00:00.000Z',
        actorName: null,
        actorId: 'clerk-gone',
        mutationId: 'm-c',
      }),
    ];
    createChangeApplier(memoryLogger())(desk.db, [pulledApplication(desk.app.id, desk.applicant.id, 3, 'refused', history)]);
    expect(getApplicationById(desk.db, desk.app.id)).toMatchObject({ status: 'refused', history: settled(history) });
  });

  it('keeps what the provider’s moves left on the record: the decision, the suspensions, both due dates', () => {
    const desk = deskWithOwnApplication();
    ack(desk.db, desk.registerId, 1);
    const outcome = { kind: 'negative', decisionNumber: '17/2', decisionDate: '2026-12-10', grounds: ['incomplete'] };
    const suspensions = [{ from: '2026-12-01', to: '2026-12-08', reason: 'Потрібна довідка' }];
    const change = pulledApplication(desk.app.id, desk.applicant.id, 6, 'result_ready', [
      step('registered', { mutationId: desk.registerId }),
    ]);
    change.data = {
      ...change.data,
      outcome,
      suspensions,
      resultReadyOn: '2026-12-10',
      dueDate: '2027-01-01',
      originalDueDate: '2026-12-25',
    };
    createChangeApplier(memoryLogger())(desk.db, [change]);
    expect(getApplicationById(desk.db, desk.app.id)).toMatchObject({
      status: 'result_ready',
      outcome,
      suspensions,
      dueDate: '2027-01-01',
      originalDueDate: '2026-12-25',
      receiver: null,
    });
  });

  it('leaves the history alone for a version stored before the back office kept it in the record', () => {
    const desk = deskWithOwnApplication();
    ack(desk.db, desk.registerId, 1);
    createChangeApplier(memoryLogger())(desk.db, [
      pulledApplication(desk.app.id, desk.applicant.id, 1, 'registered', [step('registered', { mutationId: desk.registerId })]),
    ]);
    const before = getApplicationById(desk.db, desk.app.id)!.history;
    createChangeApplier(memoryLogger())(desk.db, [pulledApplication(desk.app.id, desk.applicant.id, 2, 'sent_to_provider', undefined)]);
    expect(getApplicationById(desk.db, desk.app.id)).toMatchObject({ status: 'sent_to_provider', history: before });
  });

  it('shows the desk’s own undelivered steps on top, pending; delivered ones plain until pulled; refused ones not at all', () => {
    const desk = deskWithOwnApplication();
    const registered = getApplicationById(desk.db, desk.app.id)!.history;
    expect(registered).toEqual([
      expect.objectContaining({ from: null, to: 'registered', clerkId: desk.env.clerkId, actorName: 'Адміністратор ЦНАП', pending: true }),
    ]);

    ack(desk.db, desk.registerId, 1);
    expect(getApplicationById(desk.db, desk.app.id)!.history).toEqual([{ ...registered[0], pending: false }]);

    desk.setNow('2026-11-27T10:00:00.000Z');
    changeApplicationStatus(desk.env, {
      id: desk.app.id,
      to: 'withdrawn',
      reason: 'Неповний пакет',
      withdrawal: { requestNumber: '12', requestDate: '2026-11-27' },
    });
    const refusedId = desk.db.prepare("SELECT mutation_id FROM outbox WHERE kind = 'application.status'").pluck().get() as string;
    expect(getApplicationById(desk.db, desk.app.id)!.history.map((s) => [s.to, s.reason, s.pending])).toEqual([
      ['registered', null, false],
      ['withdrawn', 'Неповний пакет', true],
    ]);

    const server = [
      step('registered', { actorId: desk.env.clerkId, mutationId: desk.registerId }),
      step('sent_to_provider', { from: 'registered', mutationId: 'm-b' }),
    ];
    recordResults(
      desk.db,
      [
        {
          mutationId: refusedId,
          status: 'conflict',
          fields: ['status'],
          server: pulledApplication(desk.app.id, desk.applicant.id, 2, 'sent_to_provider', server).data!,
          version: 2,
        },
      ],
      new Date(),
      () => 0,
    );
    createChangeApplier(memoryLogger())(desk.db, [pulledApplication(desk.app.id, desk.applicant.id, 2, 'sent_to_provider', server)]);
    expect(getApplicationById(desk.db, desk.app.id)).toMatchObject({ status: 'sent_to_provider', history: settled(server) });
  });

  it('does not touch a record (nor its history) with local changes still to deliver', () => {
    const desk = deskWithOwnApplication();
    const mine = getApplicationById(desk.db, desk.app.id)!;
    createChangeApplier(memoryLogger())(desk.db, [
      pulledApplication(desk.app.id, desk.applicant.id, 1, 'sent_to_provider', [
        step('registered'),
        step('sent_to_provider', { from: 'registered' }),
      ]),
    ]);
    expect(getApplicationById(desk.db, desk.app.id)).toEqual(mine);
  });

  it('any history the back office sends is the history the desk shows, in its order', () => {
    const desk = deskWithOwnApplication();
    ack(desk.db, desk.registerId, 1);
    const anyStep = fc.record({
      from: fc.option(fc.constantFrom(...APPLICATION_STATUSES), { nil: null }),
      to: fc.constantFrom(...APPLICATION_STATUSES),
      reason: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      receivedBy: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
      at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      actorId: fc.constantFrom(desk.env.clerkId, 'clerk-b', 'clerk-c'),
      actorName: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null }),
      mutationId: fc.uuid(),
    });
    let version = 1;
    fc.assert(
      fc.property(fc.array(anyStep, { maxLength: 12 }), (history) => {
        version += 1;
        createChangeApplier(memoryLogger())(desk.db, [pulledApplication(desk.app.id, desk.applicant.id, version, 'registered', history)]);
        const shown = getApplicationById(desk.db, desk.app.id)!.history;
        // A step without a name shows the name of the clerk, if this desk knows them.
        const expected = settled(history).map((s) =>
          s.actorName === null && s.clerkId === desk.env.clerkId ? { ...s, actorName: 'Адміністратор ЦНАП' } : s,
        );
        expect(shown).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('dispatching a pulled page by entity', () => {
  it('marks tombstones deleted in each entity’s own table and notes entities this desk does not keep', () => {
    const desk = deskWithOwnApplication();
    ackAll(desk.db);
    desk.db
      .prepare(
        "INSERT INTO tickets (id, number, queue_code, status, desk_code, issued_at, updated_at) VALUES ('t-1', 'A001', 'A', 'waiting', '07', ?, ?)",
      )
      .run('2026-11-27T09:00:00.000Z', '2026-11-27T09:00:00.000Z');
    const logger = memoryLogger();
    createChangeApplier(logger)(desk.db, [
      { seq: 1, entity: 'application', id: desk.app.id, version: 2, data: null },
      { seq: 2, entity: 'applicant', id: desk.applicant.id, version: 2, data: null },
      { seq: 3, entity: 'ticket', id: 't-1', version: 2, data: null },
      // An entity a newer back office may send that this desk does not keep.
      { seq: 4, entity: 'not_kept', id: 'x-new', version: 1, data: { name: 'Коваль Ірина' } },
    ]);
    const deleted = (table: string, id: string) =>
      desk.db.prepare(`SELECT deleted_at IS NOT NULL AS gone, server_version FROM ${table} WHERE id = ?`).get(id);
    expect(deleted('applications', desk.app.id)).toEqual({ gone: 1, server_version: 2 });
    expect(deleted('applicants', desk.applicant.id)).toEqual({ gone: 1, server_version: 2 });
    expect(deleted('tickets', 't-1')).toEqual({ gone: 1, server_version: 2 });
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'info', fields: { entity: 'not_kept', id: 'x-new' } })]);
  });

  it('hands each change to its entity’s applier; one that throws is skipped alone, the rest of the page lands', () => {
    const desk = openTestDesk(tempDir());
    const applied: string[] = [];
    const recording: PulledApplier = {
      apply: (_db, change) => {
        if (change.id === 'bad') throw new Error('cannot hold this one');
        applied.push(`${change.entity}:${change.id}`);
      },
      remove: (_db, change) => applied.push(`removed ${change.entity}:${change.id}`),
    };
    const logger = memoryLogger();
    createChangeApplier(logger, { thing: recording, other: recording })(desk.db, [
      { seq: 1, entity: 'thing', id: 'one', version: 1, data: {} },
      { seq: 2, entity: 'thing', id: 'bad', version: 1, data: {} },
      { seq: 3, entity: 'other', id: 'two', version: 1, data: null },
    ]);
    // The page was tried whole first, then change by change.
    expect(applied.slice(-2)).toEqual(['thing:one', 'removed other:two']);
    expect(logger.entries).toEqual([
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ entity: 'thing', id: 'bad' }) }),
    ]);
  });
});

describe('payments in a pulled application', () => {
  const payment = (id: string, at: string, cancelled: PaymentRecord['cancelled'] = null): PaymentRecord => ({
    id,
    entry: { type: 'payment', component: 'admin_fee', amountKopecks: 4992, reference: `КВ-${id}`, paidOn: '2026-11-27' },
    at,
    clerkId: 'clerk-elsewhere',
    cancelled,
  });
  const withPayments = (change: Change, payments: PaymentRecord[] | undefined): Change => ({
    ...change,
    data: { ...change.data, ...(payments ? { payments } : {}) },
  });

  it('shows the back office’s payments, entered at other desks, in the order they were entered; a later version’s cancellation too', () => {
    const desk = deskWithOwnApplication();
    ackAll(desk.db);
    const base = pulledApplication(desk.app.id, desk.applicant.id, 2, 'registered', undefined);
    const later = payment('p2', '2026-11-27T11:00:00.000Z');
    const earlier = payment('p1', '2026-11-27T10:00:00.000Z');
    createChangeApplier(memoryLogger())(desk.db, [withPayments(base, [later, earlier])]);
    expect(getApplicationById(desk.db, desk.app.id)!.payments).toEqual([earlier, later]);

    const cancelled = { ...earlier, cancelled: { at: '2026-11-27T12:00:00.000Z', reason: 'Чужа квитанція', clerkId: 'clerk-b' } };
    createChangeApplier(memoryLogger())(desk.db, [withPayments({ ...base, version: 3, seq: 3 }, [later, cancelled])]);
    const shown = getApplicationById(desk.db, desk.app.id)!;
    expect(shown.payments).toEqual([cancelled, later]);
    expect(shown.balance.paidKopecks).toBe(4992);
  });

  it('a record without payments has none: one this desk entered and the back office refused is gone', () => {
    const desk = deskWithOwnApplication();
    addPayment(desk.env, {
      applicationId: desk.app.id,
      entry: { type: 'exemption', reason: 'пільга' },
    });
    ack(desk.db, desk.registerId, 1);
    desk.db.prepare("UPDATE outbox SET status = 'dead' WHERE kind = 'payment.add'").run();
    createChangeApplier(memoryLogger())(desk.db, [pulledApplication(desk.app.id, desk.applicant.id, 2, 'registered', undefined)]);
    expect(getApplicationById(desk.db, desk.app.id)!.payments).toEqual([]);
  });

  it('keeps the desk’s own payment while it is still on its way', () => {
    const desk = deskWithOwnApplication();
    ack(desk.db, desk.registerId, 1);
    const mine = addPayment(desk.env, { applicationId: desk.app.id, entry: { type: 'exemption', reason: 'пільга' } }).payments;
    createChangeApplier(memoryLogger())(desk.db, [pulledApplication(desk.app.id, desk.applicant.id, 2, 'registered', undefined)]);
    expect(getApplicationById(desk.db, desk.app.id)!.payments).toEqual(mine);
  });
});
