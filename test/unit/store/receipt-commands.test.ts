import { describe, expect, it } from 'vitest';
import { addDocuments } from '../../../main/backend/applications/add-documents';
import { changeApplicationStatus } from '../../../main/backend/applications/change-status';
import { correctLine } from '../../../main/backend/applications/correct-line';
import { getApplicationById } from '../../../main/backend/applications/queries';
import { verifyAudit } from '../../../main/backend/audit/audit-log';
import { UpdateApplication } from '../../../shared/domain/application';
import { addApplication, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** Rows a receipt command writes: its receipts, the case's lines, its outbox mutations and audit events. */
function written(desk: TestDesk, id: string) {
  const count = (sql: string) => desk.db.prepare(sql).pluck().get(id) as number;
  return {
    receipts: count('SELECT count(*) FROM application_receipts WHERE application_id = ?'),
    lines: count('SELECT count(*) FROM application_items WHERE application_id = ?'),
    outbox: count("SELECT count(*) FROM outbox WHERE aggregate = 'application:' || ?"),
    audit: count('SELECT count(*) FROM audit_events WHERE entity_id = ?'),
  };
}

function lastMutation(desk: TestDesk, id: string): { kind: string; payload: unknown } {
  const row = desk.db
    .prepare("SELECT kind, payload FROM outbox WHERE aggregate = 'application:' || ? ORDER BY seq DESC LIMIT 1")
    .get(id) as { kind: string; payload: string };
  return { kind: row.kind, payload: JSON.parse(row.payload) };
}

describe('registration freezes the record', () => {
  it('stores the snapshot and опис №1, and the register mutation carries the snapshot', () => {
    const desk = openTestDesk(tempDir());
    const { app, applicant } = addApplication(desk.env);
    expect(app.snapshot).toMatchObject({
      regNumber: app.regNumber,
      center: { code: 'KV01', name: 'ЦНАП' },
      timeZone: 'Europe/Kyiv',
      service: { id: SAMPLE_SERVICE.id, code: 'ID-01', nameUk: SAMPLE_SERVICE.nameUk },
      provider: { nameUk: SAMPLE_SERVICE.provider.nameUk, edrpou: SAMPLE_SERVICE.provider.edrpou },
      applicant: {
        id: applicant.id,
        displayName: applicant.displayName,
        taxId: { kind: 'rnokpp', value: '1759013776' },
        idDoc: { type: 'id_card', number: '001234567', validUntil: '2030-02-28' },
      },
      dueDate: app.dueDate,
    });
    expect(app.receipts).toEqual([
      {
        number: 1,
        version: 1,
        issuedAt: app.registeredAt,
        clerkId: desk.env.clerkId,
        clerkName: app.snapshot?.clerk.name,
        lines: [{ name: 'Заява', original: true, sheets: 1, returned: false }],
        correction: null,
        layout: 2,
      },
    ]);
    const register = desk.db
      .prepare("SELECT payload FROM outbox WHERE kind = 'application.register' AND aggregate = 'application:' || ?")
      .pluck()
      .get(app.id) as string;
    expect(JSON.parse(register).snapshot).toEqual(app.snapshot);
  });

  it('takes no receipt lines in a correction of the application', () => {
    expect(UpdateApplication.safeParse({ id: 'a', items: [{ name: 'Заява', original: true, sheets: 1 }] }).success).toBe(false);
  });
});

describe('addDocuments', () => {
  it('issues опис №2 with its own date and clerk, in one transaction with its mutation and audit event', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    desk.setNow('2026-11-30T12:00:00Z');
    const before = written(desk, app.id);
    const updated = addDocuments(desk.env, { id: app.id, items: [{ name: 'Довідка', original: false, sheets: 2, returned: false }] });
    expect(written(desk, app.id)).toEqual({
      receipts: before.receipts + 1,
      lines: before.lines + 1,
      outbox: before.outbox + 1,
      audit: before.audit + 1,
    });
    const second = updated.receipts[1];
    expect(second).toMatchObject({ number: 2, version: 1, issuedAt: '2026-11-30T12:00:00.000Z', clerkId: desk.env.clerkId, layout: 2 });
    expect(lastMutation(desk, app.id)).toEqual({ kind: 'application.addDocuments', payload: { id: app.id, receipt: second } });
    expect(updated.receipts[0]).toEqual(app.receipts[0]);
    expect(verifyAudit(desk.db).ok).toBe(true);
  });

  it('refuses a closed case and writes nothing', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    changeApplicationStatus(desk.env, { id: app.id, to: 'withdrawn', withdrawal: { requestNumber: 'В-1', requestDate: app.registeredOn } });
    const before = written(desk, app.id);
    expect(() => addDocuments(desk.env, { id: app.id, items: [{ name: 'Довідка', original: false, sheets: 1 }] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(written(desk, app.id)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown application', () => {
    const desk = openTestDesk(tempDir());
    expect(() => addDocuments(desk.env, { id: 'nope', items: [{ name: 'Довідка', original: false, sheets: 1 }] })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

describe('correctLine', () => {
  const line = { name: 'Заява (виправлено)', original: true, sheets: 2 };

  it('makes a new version of the опис with the line replaced and the reason, keeping the old one', () => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    const updated = correctLine(desk.env, { id: app.id, receipt: 1, position: 1, item: line, reason: 'Кількість аркушів' });
    expect(updated.receipts).toEqual([
      app.receipts[0],
      expect.objectContaining({
        number: 1,
        version: 2,
        lines: [{ ...line, returned: false }],
        correction: { position: 1, reason: 'Кількість аркушів' },
      }),
    ]);
    expect(updated.items).toEqual([{ ...line, returned: false }]);
    expect(lastMutation(desk, app.id).kind).toBe('application.correctLine');
    // A second correction builds on the newest version.
    const again = correctLine(desk.env, { id: app.id, receipt: 1, position: 1, item: { ...line, sheets: 3 }, reason: 'Ще раз' });
    expect(again.receipts.map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it.each([
    ['no reason', { reason: '   ' }, 'VALIDATION'],
    ['an unknown опис', { receipt: 5 }, 'NOT_FOUND'],
    ['a line the опис does not have', { position: 4 }, 'VALIDATION'],
    ['the same line', { item: { name: 'Заява', original: true, sheets: 1 } }, 'VALIDATION'],
  ])('refuses %s and writes nothing', (_what, change, code) => {
    const desk = openTestDesk(tempDir());
    const { app } = addApplication(desk.env);
    const before = written(desk, app.id);
    expect(() => correctLine(desk.env, { id: app.id, receipt: 1, position: 1, item: line, reason: 'Причина', ...change })).toThrow(
      expect.objectContaining({ code }),
    );
    expect(written(desk, app.id)).toEqual(before);
    expect(getApplicationById(desk.db, app.id)?.receipts).toEqual(app.receipts);
  });
});
