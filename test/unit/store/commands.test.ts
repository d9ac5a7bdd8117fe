import { describe, expect, it } from 'vitest';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { getApplicationByNumber, listApplicationsOn } from '../../../main/backend/applications/queries';
import { updateApplication } from '../../../main/backend/applications/update-application';
import { upsertApplicant } from '../../../main/backend/applicants/upsert-applicant';
import { attachDocument, detachDocument } from '../../../main/backend/documents/attach-document';
import { issueTicket, recordTicketEvent } from '../../../main/backend/tickets/record-ticket-event';
import { putService } from '../../../main/backend/catalog/services';
import { verifyAudit } from '../../../main/backend/audit/audit-log';
import { recordChange, runCommand } from '../../../main/backend/commands/unit-of-work';
import { InvalidMutationPayload } from '../../../main/backend/outbox/enqueue';
import { ApplicantInput } from '../../../shared/domain/applicant';
import { RegisterApplication } from '../../../shared/domain/application';
import { addApplicant, openTestDesk, SAMPLE_PERSON, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

const REPRESENTATIVE = {
  kind: 'person',
  surname: 'Коваль',
  givenName: 'Петро',
  patronymic: 'Іванович',
  rnokppAbsent: 'religious',
  idDoc: { type: 'passport_book', number: 'КВ 123456' },
} as const;

function deskWithApplication() {
  const desk = openTestDesk(tempDir());
  const applicant = addApplicant(desk.env);
  const representative = addApplicant(desk.env, REPRESENTATIVE);
  const input = RegisterApplication.parse({
    serviceId: SAMPLE_SERVICE.id,
    applicantId: applicant.id,
    representative: {
      applicantId: representative.id,
      authority: { basis: 'poa_simple', documentNumber: '123/2026', documentDate: '2026-11-01' },
    },
    items: [
      { name: 'Заява-анкета', original: true, sheets: 1 },
      { name: 'Свідоцтво про народження', original: false, sheets: 2 },
    ],
  });
  return { ...desk, applicant, input, app: registerApplication(desk.env, input) };
}

function outboxOf(desk: ReturnType<typeof openTestDesk>, aggregate: string) {
  return desk.db
    .prepare('SELECT mutation_id, prev_mutation_id, kind, status, base_version, actor FROM outbox WHERE aggregate = ? ORDER BY seq')
    .all(aggregate) as Array<{
    mutation_id: string;
    prev_mutation_id: string | null;
    kind: string;
    status: string;
    base_version: number | null;
    actor: string;
  }>;
}

describe('registration numbers', () => {
  it('count per desk and local day, restart each day, and never repeat', () => {
    const { env, input } = deskWithApplication();
    expect(registerApplication(env, input).regNumber).toBe('KV01-07-20261127-0002');
    // 23:30 UTC on the 27th is already the 28th in Kyiv: a new day, a new sequence.
    env.now = () => new Date('2026-11-27T23:30:00Z');
    expect(registerApplication(env, input).regNumber).toBe('KV01-07-20261128-0001');
    const other = { ...env, desk: { ...env.desk, desk: { code: '08', window: '8' } } };
    expect(registerApplication(other, input).regNumber).toBe('KV01-08-20261128-0001');
  });
});

describe('registering', () => {
  it('stores the representative, receipt lines, history and a findable number', () => {
    const { db, app } = deskWithApplication();
    const found = getApplicationByNumber(db, app.regNumber);
    expect(found?.representative).toEqual({
      applicantId: expect.any(String),
      displayName: 'Коваль Петро Іванович',
      idDoc: { type: 'passport_book', number: 'КВ123456' },
      authority: { basis: 'poa_simple', documentNumber: '123/2026', documentDate: '2026-11-01', mayReceiveResult: false },
    });
    expect(found?.legacyRepresentative).toBeNull();
    expect(found?.items.map((i) => i.sheets)).toEqual([1, 2]);
    expect(listApplicationsOn(db, '2026-11-27').rows.map((a) => a.regNumber)).toEqual([app.regNumber]);
    expect(listApplicationsOn(db, '2026-11-26').rows).toEqual([]);
  });

  it('refuses a service that left the catalog, but keeps showing it on old applications', () => {
    const desk = deskWithApplication();
    putService(desk.db, { ...SAMPLE_SERVICE, active: false }, '2026-11-27T12:00:00Z');
    expect(() => registerApplication(desk.env, desk.input)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(getApplicationByNumber(desk.db, desk.app.regNumber)?.service.nameUk).toBe(SAMPLE_SERVICE.nameUk);
  });

  it('refuses an unknown applicant', () => {
    const desk = deskWithApplication();
    expect(() => registerApplication(desk.env, { ...desk.input, applicantId: 'nobody' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});

describe('status changes', () => {
  it('follow the machine, record history, and chain their mutations on the aggregate', () => {
    const desk = deskWithApplication();
    const { env, app } = desk;
    changeApplicationStatus(env, { id: app.id, to: 'sent_to_provider' });
    changeApplicationStatus(env, { id: app.id, to: 'result_ready', outcome: { kind: 'positive' } });
    const receiver = { party: 'applicant' as const, name: 'Коваль Петро Іванович', document: 'ID-картка 000000001' };
    const issued = changeApplicationStatus(env, { id: app.id, to: 'issued', receiver });
    expect(issued.history.map((h) => h.to)).toEqual(['registered', 'sent_to_provider', 'result_ready', 'issued']);
    expect(issued.history.at(-1)?.receivedBy).toBe('Коваль Петро Іванович');
    expect(issued.receiver).toEqual(receiver);
    const outbox = outboxOf(desk, `application:${app.id}`);
    expect(outbox.map((m) => m.kind)).toEqual(['application.register', 'application.status', 'application.status', 'application.status']);
    expect(outbox[0]?.prev_mutation_id).toBeNull();
    outbox.slice(1).forEach((m, i) => expect(m.prev_mutation_id).toBe(outbox[i]?.mutation_id));
    expect(new Set(outbox.map((m) => m.mutation_id)).size).toBe(4);
    expect(outbox.every((m) => m.actor === env.clerkId && m.status === 'pending')).toBe(true);
    expect(verifyAudit(desk.db)).toMatchObject({ ok: true });
  });

  it('write an audit event that names the change and the outbox mutation carrying it', () => {
    const desk = deskWithApplication();
    changeApplicationStatus(desk.env, { id: desk.app.id, to: 'sent_to_provider' });
    const [mutation] = outboxOf(desk, `application:${desk.app.id}`).filter((m) => m.kind === 'application.status');
    const event = desk.db
      .prepare("SELECT actor, entity, entity_id, details FROM audit_events WHERE action = 'application.status'")
      .get() as { actor: string; entity: string; entity_id: string; details: string };
    expect({ ...event, details: JSON.parse(event.details) as unknown }).toEqual({
      actor: desk.env.clerkId,
      entity: 'application',
      entity_id: desk.app.id,
      details: { from: 'registered', to: 'sent_to_provider', mutationId: mutation?.mutation_id },
    });
  });

  it.each<[{ to: 'issued' | 'refused' | 'withdrawn' | 'registered_in_error'; reason?: string }, string]>([
    [{ to: 'issued' }, 'to'],
    [{ to: 'refused', reason: 'не те' }, 'to'],
    [{ to: 'withdrawn', reason: 'передумав' }, 'withdrawal'],
    [{ to: 'registered_in_error' }, 'reason'],
  ])('refuses %j with VALIDATION at %s', (change, path) => {
    const { env, app, db } = deskWithApplication();
    let error: unknown;
    try {
      changeApplicationStatus(env, { id: app.id, ...change });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: [path] }] });
    expect(db.prepare('SELECT status FROM applications WHERE id = ?').pluck().get(app.id)).toBe('registered');
  });

  it('asks who received the result when issuing', () => {
    const { env, app } = deskWithApplication();
    changeApplicationStatus(env, { id: app.id, to: 'sent_to_provider' });
    changeApplicationStatus(env, { id: app.id, to: 'result_ready', outcome: { kind: 'positive' } });
    expect(() => changeApplicationStatus(env, { id: app.id, to: 'issued' })).toThrow(
      expect.objectContaining({ issues: [{ path: ['receiver'], message: 'required' }] }),
    );
  });

  it('answers NOT_FOUND for an unknown application', () => {
    const { env } = deskWithApplication();
    expect(() => changeApplicationStatus(env, { id: 'nope', to: 'sent_to_provider' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

describe('applicants', () => {
  it('update in place with the server version as the base, and the search name follows', () => {
    const desk = openTestDesk(tempDir());
    const created = addApplicant(desk.env);
    desk.db.prepare('UPDATE applicants SET server_version = 7 WHERE id = ?').run(created.id);
    const updated = upsertApplicant(desk.env, ApplicantInput.parse({ ...SAMPLE_PERSON, id: created.id, surname: 'Коваленко' }));
    expect(updated.displayName).toBe('Коваленко Марʼяна Іванівна');
    expect(outboxOf(desk, `applicant:${created.id}`).map((m) => [m.kind, m.base_version])).toEqual([
      ['applicant.create', null],
      ['applicant.update', 7],
    ]);
    expect(desk.db.prepare("SELECT count(*) FROM applicants_fts WHERE applicants_fts MATCH 'шевч*'").pluck().get()).toBe(0);
    expect(desk.db.prepare("SELECT count(*) FROM applicants_fts WHERE applicants_fts MATCH 'ковал*'").pluck().get()).toBe(1);
  });
});

describe('documents and tickets', () => {
  const sha = 'a'.repeat(64);

  it('an attached scan waits for its file; detaching leaves a tombstone', () => {
    const desk = deskWithApplication();
    const id = attachDocument(desk.env, {
      applicationId: desk.app.id,
      kind: 'passport',
      pages: 2,
      blob: { sha256: sha, size: 1000, mime: 'application/pdf' },
    });
    expect(outboxOf(desk, `application:${desk.app.id}`).at(-1)).toMatchObject({ kind: 'document.attach', status: 'blocked_on_blob' });
    detachDocument(desk.env, id, 'wrong page');
    expect(desk.db.prepare('SELECT deleted_at IS NOT NULL FROM documents WHERE id = ?').pluck().get(id)).toBe(1);
    expect(() => detachDocument(desk.env, id, 'again')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() =>
      attachDocument(desk.env, { applicationId: desk.app.id, kind: 'x', pages: 1, blob: { sha256: 'XYZ', size: 1, mime: 'x' } }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('a ticket follows the counter actions and refuses impossible ones with CONFLICT', () => {
    const desk = openTestDesk(tempDir());
    const id = issueTicket(desk.env, { number: 'A001', queueCode: 'A' });
    recordTicketEvent(desk.env, id, 'called');
    recordTicketEvent(desk.env, id, 'recalled');
    recordTicketEvent(desk.env, id, 'arrived');
    expect(() => recordTicketEvent(desk.env, id, 'no_show')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    recordTicketEvent(desk.env, id, 'service_ended');
    expect(desk.db.prepare('SELECT status FROM tickets WHERE id = ?').pluck().get(id)).toBe('done');
    expect(desk.db.prepare('SELECT event FROM ticket_events WHERE ticket_id = ? ORDER BY seq').pluck().all(id)).toEqual([
      'issued',
      'called',
      'recalled',
      'arrived',
      'service_ended',
    ]);
    expect(outboxOf(desk, `ticket:${id}`)).toHaveLength(5);
  });
});

describe('correcting an application', () => {
  it('replaces the representative an earlier version stored with a person on file, and refuses a lapsed authority', () => {
    const desk = deskWithApplication();
    desk.db
      .prepare(
        "UPDATE applications SET representative_id = NULL, rep_authority = NULL, rep_full_name = 'Коваль П.', rep_poa_number = '1', rep_poa_date = '2026-01-01' WHERE id = ?",
      )
      .run(desk.app.id);
    expect(getApplicationByNumber(desk.db, desk.app.regNumber)).toMatchObject({
      representative: null,
      legacyRepresentative: { fullName: 'Коваль П.' },
    });
    const person = addApplicant(desk.env, { ...REPRESENTATIVE, surname: 'Бойко', idDoc: { type: 'passport_book', number: 'КВ654321' } });
    const lapsed = {
      applicantId: person.id,
      authority: { basis: 'poa_simple' as const, documentDate: '2026-01-01', validUntil: '2026-11-26' },
    };
    expect(() => updateApplication(desk.env, { id: desk.app.id, representative: lapsed })).toThrow(/expired/);
    const updated = updateApplication(desk.env, {
      id: desk.app.id,
      representative: { applicantId: person.id, authority: { basis: 'advocate', documentNumber: 'КВ 17', documentDate: '2026-11-20' } },
    });
    expect(updated.representative).toMatchObject({
      applicantId: person.id,
      displayName: 'Бойко Петро Іванович',
      authority: { basis: 'advocate' },
    });
    expect(updated.legacyRepresentative).toBeNull();
  });

  it('sends only the changed fields against the server version, and nothing when nothing changed', () => {
    const desk = deskWithApplication();
    desk.db.prepare('UPDATE applications SET server_version = 3 WHERE id = ?').run(desk.app.id);
    desk.db.prepare("UPDATE outbox SET status = 'acked' WHERE aggregate = ?").run(`application:${desk.app.id}`);
    expect(getApplicationByNumber(desk.db, desk.app.regNumber)?.sync).toBe('synced');
    const updated = updateApplication(desk.env, {
      id: desk.app.id,
      notes: 'Телефонувати після 14:00',
      resultDelivery: 'in_person',
    });
    expect(updated.notes).toBe('Телефонувати після 14:00');
    expect(updated.sync).toBe('local');
    const last = desk.db
      .prepare('SELECT kind, payload, base_version FROM outbox WHERE aggregate = ? ORDER BY seq DESC LIMIT 1')
      .get(`application:${desk.app.id}`) as {
      kind: string;
      payload: string;
      base_version: number;
    };
    expect(last.kind).toBe('application.update');
    expect(JSON.parse(last.payload)).toEqual({ id: desk.app.id, notes: 'Телефонувати після 14:00' });
    expect(last.base_version).toBe(3);
    const before = desk.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    updateApplication(desk.env, { id: desk.app.id, notes: 'Телефонувати після 14:00' });
    expect(desk.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(before);
  });

  it('shows a refused change as needing attention', () => {
    const desk = deskWithApplication();
    desk.db.prepare("UPDATE outbox SET status = 'dead' WHERE aggregate = ?").run(`application:${desk.app.id}`);
    expect(listApplicationsOn(desk.db, '2026-11-27').rows[0]?.sync).toBe('attention');
  });
});

describe('a payload its kind’s schema refuses', () => {
  it('is a programming error: the command throws and none of its rows stay, domain, outbox or audit', () => {
    const desk = openTestDesk(tempDir());
    const count = (table: string) => desk.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const at = desk.env.now().toISOString();
    expect(() =>
      runCommand(desk.db, () => {
        desk.db
          .prepare(
            "INSERT INTO tickets (id, number, queue_code, status, issued_at, desk_code, updated_at) VALUES ('t1', 'A001', 'A', 'waiting', ?, '07', ?)",
          )
          .run(at, at);
        // A ticket.issue without its number, as a buggy command might build it.
        recordChange(
          desk.env,
          at,
          { kind: 'ticket.issue', payload: { id: 't1', queueCode: 'A', at } as never, baseVersion: null },
          { action: 'ticket.issue', entity: 'ticket', entityId: 't1' },
        );
      }),
    ).toThrow(InvalidMutationPayload);
    expect({ tickets: count('tickets'), outbox: count('outbox'), audit: count('audit_events') }).toEqual({
      tickets: 0,
      outbox: 0,
      audit: 0,
    });
  });
});
