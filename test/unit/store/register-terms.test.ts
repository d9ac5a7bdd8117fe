import { describe, expect, it } from 'vitest';
import { getApplicationById, listApplicationsOn } from '../../../main/backend/applications/queries';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { updateApplication } from '../../../main/backend/applications/update-application';
import { SAMPLE_CATALOG, SAMPLE_SUBSISTENCE_MINIMUMS } from '../../../main/backend/catalog/sample-catalog';
import { putService, putSubsistenceMinimum } from '../../../main/backend/catalog/services';
import { RegisterApplication } from '../../../shared/domain/application';
import type { RegisterApplicationInput } from '../../../shared/domain/application';
import { EMPTY_CALENDAR } from '../../../shared/calendar';
import { DEFAULT_FLAG_RULES, statusFlags } from '../../../shared/domain/status-flags';
import { AppError } from '../../../shared/errors';
import { addApplicant, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A desk (clock: Friday 2026-11-27, 11:30 in Kyiv) with the sample catalog and its subsistence-minimum table. */
function deskWithCatalog() {
  const desk = openTestDesk(tempDir());
  const at = '2026-11-27T09:00:00.000Z';
  desk.db.transaction(() => {
    // The test desk's own ID-01 would hold the code the sample's ID-01 needs.
    desk.db.prepare('DELETE FROM services WHERE id = ?').run(SAMPLE_SERVICE.id);
    for (const s of SAMPLE_CATALOG) putService(desk.db, s, at);
    for (const row of SAMPLE_SUBSISTENCE_MINIMUMS) putSubsistenceMinimum(desk.db, row, at);
  })();
  const person = addApplicant(desk.env);
  const register = (code: string, extra: Partial<RegisterApplicationInput> = {}) => {
    const service = SAMPLE_CATALOG.find((s) => s.code === code)!;
    const items = service.documents.filter((d) => d.need === 'required').map((d) => ({ name: d.nameUk, original: true, sheets: 1 }));
    return registerApplication(
      desk.env,
      RegisterApplication.parse({
        serviceId: service.id,
        applicantId: person.id,
        items: items.length > 0 ? items : [{ name: 'Заява', original: true, sheets: 1 }],
        ...extra,
      }),
    );
  };
  const count = (table: string) => desk.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { ...desk, person, register, count };
}

function issuesOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error.issues;
    throw error;
  }
  throw new Error('accepted');
}

describe('the terms a case is registered under', () => {
  it('stores the chosen tier with its term and fee; the due date follows the tier', () => {
    const { register } = deskWithCatalog();
    const standard = register('ID-01');
    expect(standard.terms?.tier.id).toBe('standard');
    expect(standard.dueDate).toBe('2026-12-25');
    expect(standard.terms?.fee.totalKopecks).toBe(55_800);
    const express = register('ID-01', { tierId: 'express' });
    expect(express.terms).toMatchObject({ tier: { id: 'express' }, deadline: { value: 10, unit: 'working_days' }, termStated: true });
    expect(express.dueDate).toBe('2026-12-11');
    expect(express.terms?.fee.totalKopecks).toBe(85_800);
  });

  it('a same-day service is due the day it is registered; residence registration costs 1.5 % on time, 2.5 % late', () => {
    const { register } = deskWithCatalog();
    const onTime = register('RM-01');
    expect(onTime.dueDate).toBe('2026-11-27');
    expect(onTime.terms?.fee).toEqual({
      totalKopecks: 4992,
      lines: [{ kind: 'admin_fee', amountKopecks: 4992, share: 0.015, subsistenceYear: 2026 }],
      conditions: [],
      exemption: null,
    });
    expect(register('RM-01', { feeConditions: ['late'] }).terms?.fee.totalKopecks).toBe(8320);
  });

  it('an exemption zeroes the fee and keeps its reason on the case', () => {
    const { register } = deskWithCatalog();
    const app = register('RM-01', { feeConditions: ['late'], feeExemption: { reason: 'Особа з інвалідністю I групи' } });
    expect(app.terms?.fee).toMatchObject({ totalKopecks: 0, exemption: { reason: 'Особа з інвалідністю I групи' }, conditions: ['late'] });
  });

  it('a term from the register entry and a not-before term give no due date, never overdue; the list carries the rule to word', () => {
    const { register, db } = deskWithCatalog();
    const property = register('NR-01', { tierId: 'two_hours' });
    expect(property.dueDate).toBeNull();
    expect(property.terms?.deadline).toEqual({ value: 2, unit: 'hours', kind: 'not_after', anchor: 'register_entry' });
    const flags = statusFlags(
      { status: property.status, registeredOn: property.registeredOn, dueDate: property.dueDate, dueKind: 'not_after' },
      '2030-01-01',
      EMPTY_CALENDAR,
      DEFAULT_FLAG_RULES,
    );
    expect(flags.overdue).toBe(false);
    const marriage = register('RA-04');
    expect(marriage.dueDate).toBeNull();
    expect(marriage.terms?.deadline).toMatchObject({ kind: 'not_before', unit: 'months', value: 1 });
    const listed = listApplicationsOn(db, '2026-11-27').rows;
    expect(listed.find((a) => a.id === property.id)).toMatchObject({ dueDate: null, deadline: property.terms?.deadline });
  });

  it('a service with no stated term gets the 30-calendar-day default, marked not stated', () => {
    const { register } = deskWithCatalog();
    const app = register('RM-03');
    expect(app.terms).toMatchObject({ termStated: false, deadline: { value: 30, unit: 'calendar_days' } });
    // 2026-11-27 + 30 days = 2026-12-27, a Sunday: the next working day.
    expect(app.dueDate).toBe('2026-12-28');
  });

  it('sends the terms with the register mutation, so the back office keeps what the desk computed', () => {
    const { register, db } = deskWithCatalog();
    const app = register('ID-01', { tierId: 'express' });
    const payload = JSON.parse(
      db
        .prepare("SELECT payload FROM outbox WHERE kind = 'application.register' AND aggregate = ?")
        .pluck()
        .get(`application:${app.id}`) as string,
    ) as Record<string, unknown>;
    expect(payload).toMatchObject({ tierId: 'express', terms: app.terms, dueDate: '2026-12-11' });
  });

  it('refuses an unknown tier or condition at its field and writes nothing', () => {
    const { register, count } = deskWithCatalog();
    const before = count('outbox');
    expect(issuesOf(() => register('ID-01', { tierId: 'overnight' }))).toEqual([{ path: ['tierId'], message: 'terms.unknown_tier' }]);
    expect(issuesOf(() => register('RM-01', { feeConditions: ['first_issue'] }))).toEqual([
      { path: ['feeConditions', 0], message: 'terms.unknown_condition' },
    ]);
    expect(count('applications')).toBe(0);
    expect(count('outbox')).toBe(before);
  });

  it('a year missing from the subsistence-minimum table is refused with the reason, nothing written', () => {
    const { register, count, setNow } = deskWithCatalog();
    setNow('2027-01-05T09:00:00.000Z');
    expect(issuesOf(() => register('RM-01'))).toEqual([{ path: ['subsistenceMinimum', 2027], message: 'fee.subsistence_year_missing' }]);
    expect(count('applications')).toBe(0);
    // A fixed fee needs no table.
    expect(register('RA-03').terms?.fee.totalKopecks).toBe(3400);
  });

  it('accepts only the service’s channels and applicant kinds, and requires the identity fields its card lists', () => {
    const desk = deskWithCatalog();
    expect(issuesOf(() => desk.register('ID-01', { resultDelivery: 'post' }))).toEqual([
      { path: ['resultDelivery'], message: 'service.delivery_channel' },
    ]);
    const company = addApplicant(desk.env, { kind: 'legal_entity', legalName: 'ТОВ «Вікно»', edrpou: '32855961' });
    const rm = SAMPLE_CATALOG.find((s) => s.code === 'RM-02')!;
    expect(
      issuesOf(() =>
        registerApplication(
          desk.env,
          RegisterApplication.parse({
            serviceId: rm.id,
            applicantId: company.id,
            items: [
              { name: 'Заява', original: true, sheets: 1 },
              { name: rm.documents[1]!.nameUk, original: true, sheets: 1 },
            ],
          }),
        ),
      ),
    ).toEqual([{ path: ['applicant', 'kind'], message: 'service.applicant_kind' }]);
    putService(
      desk.db,
      { ...SAMPLE_SERVICE, id: 'svc-contacts', code: 'CT-01', requiredFields: ['phone', 'email', 'address'] },
      '2026-11-27T09:00:00.000Z',
    );
    const noEmail = addApplicant(desk.env, {
      kind: 'person',
      surname: 'Коваль',
      givenName: 'Петро',
      rnokppAbsent: 'not_assigned',
      phone: '+380671234567',
    });
    expect(
      issuesOf(() =>
        registerApplication(
          desk.env,
          RegisterApplication.parse({
            serviceId: 'svc-contacts',
            applicantId: noEmail.id,
            items: [{ name: 'Заява', original: true, sheets: 1 }],
          }),
        ),
      ),
    ).toEqual([
      { path: ['applicant', 'email'], message: 'service.requires_field' },
      { path: ['applicant', 'address'], message: 'service.requires_field' },
    ]);
  });

  it('only required documents count as missing: optional and if-available ones do not', () => {
    const { register } = deskWithCatalog();
    // RM-01's proof of payment is «if available»: registering without it needs no insisting.
    const app = register('RM-01');
    expect(app.insisted).toBeNull();
    expect(app.items.map((i) => i.name)).not.toContain('Документ про сплату адміністративного збору');
  });

  it('a correction cannot move the result to a channel the service does not offer', () => {
    const { register, env, db } = deskWithCatalog();
    const app = register('ID-01');
    expect(issuesOf(() => updateApplication(env, { id: app.id, resultDelivery: 'email' }))).toEqual([
      { path: ['resultDelivery'], message: 'service.delivery_channel' },
    ]);
    expect(getApplicationById(db, app.id)?.resultDelivery).toBe('in_person');
  });
});
