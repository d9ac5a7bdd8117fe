import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { upsertApplicant } from '../../../main/backend/applicants/upsert-applicant';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { addDocuments } from '../../../main/backend/applications/add-documents';
import { correctLine } from '../../../main/backend/applications/correct-line';
import { updateApplication } from '../../../main/backend/applications/update-application';
import { putBlob } from '../../../main/backend/blobs/blob-store';
import { putCalendarDay, removeCalendarDay, setMartialLaw } from '../../../main/backend/calendar/calendar-days';
import type { Db } from '../../../main/backend/db/open';
import { attachDocument, detachDocument } from '../../../main/backend/documents/attach-document';
import { enqueueMutation, InvalidMutationPayload } from '../../../main/backend/outbox/enqueue';
import { addPayment, cancelPayment } from '../../../main/backend/payments/payment-commands';
import { createFileUploader } from '../../../main/backend/sync/file-upload';
import { markInflight, recordResults, takeBatch } from '../../../main/backend/sync/outbox-queue';
import { issueTicket, recordTicketEvent } from '../../../main/backend/tickets/record-ticket-event';
import type { TestDesk } from '../../helpers/desk-db';
import { addApplicant, openTestDesk, SAMPLE_PERSON, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';
import { byDeskClerk, useServer } from '../server/harness';
import { sampleConfig } from '../queue/queue-storage';
import type { Desk } from '../server/harness';
import { ApplicantInput } from '../../../shared/domain/applicant';
import { RegisterApplication } from '../../../shared/domain/application';
import { aggregateOf, isMutationKind, parsePayload, SYNC_MUTATIONS } from '../../../shared/sync-mutations';
import type { MutationKind } from '../../../shared/sync-mutations';
import { PUSH_MAX_BYTES, PUSH_MAX_MUTATIONS } from '../../../shared/sync-protocol';
import type { Mutation as WireMutation, MutationResult } from '../../../shared/sync-protocol';

const tempDir = useTempDirs();

interface OutboxRow {
  kind: string;
  aggregate: string;
  payload: Record<string, unknown>;
}

function outbox(db: Db): OutboxRow[] {
  return (
    db.prepare('SELECT kind, aggregate, payload FROM outbox ORDER BY seq').all() as { kind: string; aggregate: string; payload: string }[]
  ).map((row) => ({
    ...row,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
  }));
}

/** Every kind of mutation, each made by the real desk command that queues it. */
async function runEveryCommand(desk: TestDesk, dataDir: string): Promise<void> {
  const { env } = desk;
  const applicant = addApplicant(env);
  upsertApplicant(env, ApplicantInput.parse({ ...SAMPLE_PERSON, id: applicant.id, phone: '+380501112233' }));
  const app = registerApplication(
    env,
    RegisterApplication.parse({
      serviceId: SAMPLE_SERVICE.id,
      applicantId: applicant.id,
      items: [{ name: 'Заява-анкета', original: true, sheets: 1 }],
    }),
  );
  updateApplication(env, { id: app.id, notes: 'Телефонувати після 14:00' });
  addDocuments(env, { id: app.id, items: [{ name: 'Довідка', original: false, sheets: 2 }] });
  correctLine(env, {
    id: app.id,
    receipt: 2,
    position: 1,
    item: { name: 'Довідка з місця роботи', original: false, sheets: 2 },
    reason: 'Уточнено',
  });
  changeApplicationStatus(env, { id: app.id, to: 'sent_to_provider' });
  const blob = await putBlob(dataDir, Buffer.from('%PDF-1.7 скан паспорта'));
  const documentId = attachDocument(env, { applicationId: app.id, kind: 'passport', pages: 1, blob: { ...blob, mime: 'application/pdf' } });
  detachDocument(env, documentId, 'Не той документ');
  const paid = addPayment(env, {
    applicationId: app.id,
    entry: { type: 'payment', component: 'admin_fee', amountKopecks: 4992, reference: 'КВ-0042', paidOn: '2026-11-27' },
  });
  cancelPayment(env, { applicationId: app.id, paymentId: paid.payments[0]!.id, reason: 'Квитанція іншої особи' });
  // Three visits walk the ticket machine so that every counter action happens once.
  const served = issueTicket(env, { number: 'A001', queueCode: 'A' });
  for (const event of ['called', 'recalled', 'arrived', 'parked', 'called', 'arrived', 'service_ended'] as const)
    recordTicketEvent(env, served, event);
  const absent = issueTicket(env, { number: 'A002', queueCode: 'A', priorityReason: 'ветеран' });
  // A no-show comes after the recall the center requires.
  for (const event of ['called', 'recalled', 'no_show'] as const) recordTicketEvent(env, absent, event);
  const moved = issueTicket(env, { number: 'A003', queueCode: 'A' });
  recordTicketEvent(env, moved, 'called');
  // A transfer puts the ticket back to waiting, here in another queue with a note for the next clerk.
  recordTicketEvent(env, moved, 'transferred', { toQueueCode: 'B', note: 'Потрібна довідка з архіву' });
  // The calendar is the center's: only a desk with a back office queues its edits.
  const synced = { ...env, desk: { ...env.desk, backOfficeUrl: 'http://127.0.0.1:9/' } };
  putCalendarDay(synced, { day: '2026-12-25', kind: 'day_off', name: 'Різдво' });
  removeCalendarDay(synced, '2026-12-25');
  setMartialLaw(synced, false);
}

/** A copy of a real payload with one field (not the aggregate's id) given a value no schema takes. */
function broken(kind: MutationKind, payload: Record<string, unknown>): Record<string, unknown> {
  const field = Object.keys(payload).find((key) => key !== 'id' && key !== SYNC_MUTATIONS[kind].idField);
  if (field === undefined) throw new Error(`${kind} has no field to break`);
  return { ...payload, [field]: { broken: true } };
}

describe('every mutation kind, desk and back office reading it with one schema (PGlite)', () => {
  const server = useServer('pglite');

  async function pushAll(db: Db, desk: Desk): Promise<string[]> {
    const answered: string[] = [];
    for (let round = 0; round < 20; round += 1) {
      const batch = takeBatch(db, new Date(), PUSH_MAX_MUTATIONS, PUSH_MAX_BYTES);
      if (batch.length === 0) break;
      markInflight(
        db,
        batch.map((m) => m.mutationId),
      );
      const results = await server.push(desk, byDeskClerk(desk, batch));
      recordResults(db, results, new Date(), () => 0);
      answered.push(...results.map((r) => `${batch.find((m) => m.mutationId === r.mutationId)?.kind} ${describeResult(r)}`));
    }
    return answered;
  }

  it('queues a payload the shared schema accepts for every kind, and the back office applies each', async () => {
    const dataDir = tempDir();
    const deskDb = openTestDesk(dataDir);
    // Ticket mutations land in the center's queue, so the center has one.
    await server.storage.query('INSERT INTO queue_configs (center_code, config, version) VALUES ($1, $2, 1)', [
      deskDb.env.desk.center.code,
      JSON.stringify(sampleConfig(deskDb.env.desk.center.code)),
    ]);
    const desk = await server.enrollDesk(deskDb.env.desk.center.code);
    await runEveryCommand(deskDb, dataDir);

    const rows = outbox(deskDb.db);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(Object.keys(SYNC_MUTATIONS)));
    for (const row of rows) {
      if (!isMutationKind(row.kind)) throw new Error(`unknown kind ${row.kind} in the outbox`);
      const parsed = parsePayload(row.kind, row.payload);
      expect(parsed.error?.issues ?? [], row.kind).toEqual([]);
      expect(row.aggregate).toBe(aggregateOf(row.kind, row.payload as never));
    }

    const uploaded = await createFileUploader({
      db: deskDb.db,
      dataDir,
      baseUrl: server.url,
      token: () => desk.token,
      actor: () => 'clerk-1',
      fetch,
    }).run();
    expect(uploaded.failed).toEqual([]);
    const answered = await pushAll(deskDb.db, desk);
    expect(answered).toEqual(rows.map((row) => `${row.kind} applied`));
    deskDb.db.close();
  });

  it('refuses a payload that breaks its schema on both sides, at the same field path', async () => {
    const dataDir = tempDir();
    const deskDb = openTestDesk(dataDir);
    const desk = await server.enrollDesk(deskDb.env.desk.center.code);
    await runEveryCommand(deskDb, dataDir);
    const rows = outbox(deskDb.db);
    const kinds = new Set<string>();

    for (const row of rows) {
      if (!isMutationKind(row.kind) || kinds.has(row.kind)) continue;
      kinds.add(row.kind);
      const payload = broken(row.kind, row.payload);
      const parsed = parsePayload(row.kind, payload);
      expect(parsed.success, row.kind).toBe(false);
      const schemaErrors = (parsed.error?.issues ?? []).map((issue) => ({
        path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
        message: issue.message,
      }));

      // The desk: the command's transaction would roll back; no outbox row is written.
      const before = outbox(deskDb.db).length;
      let thrown: unknown;
      try {
        deskDb.db.transaction(() =>
          enqueueMutation(
            deskDb.db,
            { kind: row.kind, payload, actor: deskDb.env.clerkId, baseVersion: null } as never,
            new Date().toISOString(),
          ),
        )();
      } catch (error) {
        thrown = error;
      }
      expect(thrown, row.kind).toBeInstanceOf(InvalidMutationPayload);
      expect(
        (thrown as InvalidMutationPayload).issues.map((issue) => issue.path.map((p) => (typeof p === 'number' ? p : String(p)))),
      ).toEqual(schemaErrors.map((e) => e.path));
      expect(outbox(deskDb.db)).toHaveLength(before);

      // The back office: rejected as invalid_payload, the same paths under `payload`.
      const wire: WireMutation = {
        mutationId: randomUUID(),
        aggregate: row.aggregate,
        prevMutationId: null,
        baseVersion: null,
        kind: row.kind,
        payload,
        actor: 'clerk-1',
        createdAt: new Date().toISOString(),
      };
      const [result] = await server.push(desk, [wire]);
      expect(result, row.kind).toEqual({
        mutationId: wire.mutationId,
        status: 'rejected',
        code: 'invalid_payload',
        message: expect.any(String),
        fieldErrors: schemaErrors.map((error) => ({ ...error, path: ['payload', ...error.path] })),
      });
    }
    expect(kinds).toEqual(new Set(Object.keys(SYNC_MUTATIONS)));
    deskDb.db.close();
  });
});

function describeResult(result: MutationResult): string {
  return result.status === 'rejected' ? `rejected ${result.code} ${JSON.stringify(result.fieldErrors)}` : result.status;
}
