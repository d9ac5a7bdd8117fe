import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { RegisterApplication } from '../../../shared/domain/application';
import type { Role } from '../../../shared/roles';
import { addApplicant, addApplication, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

const REFUSAL = {
  kind: 'negative' as const,
  decisionNumber: '17/2-ВД',
  decisionDate: '2026-12-01',
  grounds: ['incomplete'],
  comment: 'немає фото',
};
const APPLICANT_RECEIVES = { party: 'applicant' as const, name: 'Шевченко Марʼяна Іванівна', document: 'ID-картка 001234567' };

function outboxPayloads(desk: TestDesk, id: string): Array<Record<string, unknown>> {
  return (
    desk.db
      .prepare("SELECT payload FROM outbox WHERE aggregate = ? AND kind = 'application.status' ORDER BY seq")
      .pluck()
      .all(`application:${id}`) as string[]
  ).map((p) => JSON.parse(p) as Record<string, unknown>);
}

function as(desk: TestDesk, roles: Role[]) {
  return { ...desk.env, roles };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('the desk’s status command', () => {
  it('carries a refusal from registration to issuing, with the decision and the receiver on the case and in the pushed moves', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    changeApplicationStatus(desk.env, { id: app.id, to: 'sent_to_provider' });
    changeApplicationStatus(desk.env, { id: app.id, to: 'in_progress' });
    desk.setNow('2026-12-02T10:00:00Z');
    const ready = changeApplicationStatus(desk.env, { id: app.id, to: 'result_ready', outcome: REFUSAL });
    expect(ready.outcome).toEqual(REFUSAL);
    const issued = changeApplicationStatus(desk.env, { id: app.id, to: 'issued', receiver: APPLICANT_RECEIVES });
    expect(issued).toMatchObject({ status: 'issued', outcome: REFUSAL, receiver: APPLICANT_RECEIVES });
    expect(issued.history.map((h) => h.to)).toEqual(['registered', 'sent_to_provider', 'in_progress', 'result_ready', 'issued']);
    const [, , readyMove, issueMove] = outboxPayloads(desk, app.id);
    expect(readyMove).toMatchObject({ from: 'in_progress', to: 'result_ready', outcome: REFUSAL, day: '2026-12-02' });
    expect(issueMove).toMatchObject({ to: 'issued', receiver: APPLICANT_RECEIVES, receivedBy: APPLICANT_RECEIVES.name });
  });

  it('refuses a provider-side move by a clerk as FORBIDDEN, and a cancellation by a clerk, writing nothing', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    const clerk = as(desk, ['clerk']);
    changeApplicationStatus(clerk, { id: app.id, to: 'sent_to_provider' });
    const outboxBefore = desk.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    expect(caught(() => changeApplicationStatus(clerk, { id: app.id, to: 'in_progress' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(caught(() => changeApplicationStatus(clerk, { id: app.id, to: 'registered_in_error', reason: 'двічі' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(desk.db.prepare('SELECT status FROM applications WHERE id = ?').pluck().get(app.id)).toBe('sent_to_provider');
    expect(desk.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outboxBefore);
    expect(changeApplicationStatus(as(desk, ['supervisor']), { id: app.id, to: 'registered_in_error', reason: 'двічі' }).status).toBe(
      'registered_in_error',
    );
  });

  it('answers a move lacking its data with VALIDATION at the move’s field paths', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    changeApplicationStatus(desk.env, { id: app.id, to: 'sent_to_provider' });
    expect(caught(() => changeApplicationStatus(desk.env, { id: app.id, to: 'transferred' }))).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['transferTo'] }, { path: ['reason'] }],
    });
    expect(
      caught(() =>
        changeApplicationStatus(desk.env, { id: app.id, to: 'result_ready', outcome: { ...REFUSAL, decisionDate: '2026-12-30' } }),
      ),
    ).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['outcome', 'decisionDate'], message: 'decision.date_in_future' }] });
  });

  it('moves the due date by the working days a suspension lasted, keeping the original', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    expect(app.dueDate).toBe('2026-12-25');
    changeApplicationStatus(desk.env, { id: app.id, to: 'sent_to_provider' });
    changeApplicationStatus(desk.env, { id: app.id, to: 'in_progress' });
    desk.setNow('2026-11-30T09:00:00Z');
    const stopped = changeApplicationStatus(desk.env, { id: app.id, to: 'needs_info', reason: 'потрібна довідка' });
    expect(stopped.suspensions).toEqual([{ from: '2026-11-30', to: null, reason: 'потрібна довідка' }]);
    expect(stopped.dueDate).toBe('2026-12-25');
    desk.setNow('2026-12-07T09:00:00Z');
    const resumed = changeApplicationStatus(desk.env, { id: app.id, to: 'in_progress' });
    expect(resumed.suspensions).toEqual([{ from: '2026-11-30', to: '2026-12-07', reason: 'потрібна довідка' }]);
    // Five working days (Mon 30 Nov – Fri 4 Dec) stopped: the 20-working-day term ends five working days later.
    expect(resumed).toMatchObject({ dueDate: '2027-01-01', originalDueDate: '2026-12-25' });
    expect(outboxPayloads(desk, app.id).at(-1)).toMatchObject({ from: 'needs_info', to: 'in_progress', dueDate: '2027-01-01' });
  });

  it('issues to the representative only when their authority covers receiving the result', () => {
    const desk = openTestDesk(tempDir());
    const applicant = addApplicant(desk.env);
    const rep = addApplicant(desk.env, {
      kind: 'person',
      surname: 'Коваль',
      givenName: 'Марʼяна',
      rnokpp: '3652504575',
      idDoc: { type: 'id_card', number: '009876543', validUntil: '2031-01-01' },
    });
    const register = (mayReceiveResult: boolean) =>
      registerApplication(
        desk.env,
        RegisterApplication.parse({
          serviceId: SAMPLE_SERVICE.id,
          applicantId: applicant.id,
          representative: { applicantId: rep.id, authority: { basis: 'poa_simple', documentDate: '2026-11-01', mayReceiveResult } },
          items: [{ name: 'Заява', original: true, sheets: 1 }],
        }),
      );
    const receiver = { party: 'representative' as const, name: 'Коваль Марʼяна', document: 'ID-картка 009876543' };
    for (const [mayReceive, expected] of [
      [false, 'VALIDATION'],
      [true, null],
    ] as const) {
      const app = register(mayReceive);
      changeApplicationStatus(desk.env, { id: app.id, to: 'sent_to_provider' });
      changeApplicationStatus(desk.env, { id: app.id, to: 'result_ready', outcome: { kind: 'positive' } });
      const run = () => changeApplicationStatus(desk.env, { id: app.id, to: 'issued', receiver });
      if (expected === null) expect(run().receiver).toEqual(receiver);
      else expect(caught(run)).toMatchObject({ code: expected, issues: [{ path: ['receiver', 'party'] }] });
    }
  });

  it('returns a result unclaimed only after the configured days of waiting', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    changeApplicationStatus(desk.env, { id: app.id, to: 'sent_to_provider' });
    changeApplicationStatus(desk.env, { id: app.id, to: 'result_ready', outcome: { kind: 'positive' } });
    desk.setNow('2026-12-26T09:00:00Z');
    expect(caught(() => changeApplicationStatus(desk.env, { id: app.id, to: 'returned_unclaimed' }))).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: ['to'], message: 'unclaimed.too_early' }],
    });
    desk.setNow('2026-12-27T09:00:00Z');
    expect(changeApplicationStatus(desk.env, { id: app.id, to: 'returned_unclaimed' }).status).toBe('returned_unclaimed');
  });
});
