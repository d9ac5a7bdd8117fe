import { describe, expect, it } from 'vitest';
import { BY_TAIL, searchApplications } from '../../../main/backend/applications/search-applications';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { RegisterApplication } from '../../../shared/domain/application';
import type { RegisterApplicationInput } from '../../../shared/domain/application';
import { addApplicant, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** Registers an application for a new applicant at `at` (Kyiv time decides the number's day). */
function register(desk: TestDesk, at: string, surname: string, representative?: RegisterApplicationInput['representative']) {
  desk.setNow(at);
  const applicant = addApplicant(desk.env, { kind: 'person', surname, givenName: 'Олена', rnokppAbsent: 'not_assigned' });
  return registerApplication(
    desk.env,
    RegisterApplication.parse({
      serviceId: SAMPLE_SERVICE.id,
      applicantId: applicant.id,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
      ...(representative ? { representative } : {}),
    }),
  );
}

function numbers(desk: TestDesk, query: string): string[] {
  return searchApplications(desk.db, query).map((a) => a.regNumber);
}

describe('searchApplications: the short number off a receipt', () => {
  it('finds "0001" and "20261202-0002" among the center’s numbers, newest first', () => {
    const desk = openTestDesk(tempDir());
    register(desk, '2026-12-02T08:00:00Z', 'Бондар');
    register(desk, '2026-12-02T09:00:00Z', 'Коваль');
    register(desk, '2026-12-03T08:00:00Z', 'Шевчук');
    expect(numbers(desk, '0001')).toEqual(['KV01-07-20261203-0001', 'KV01-07-20261202-0001']);
    expect(numbers(desk, '20261202-0002')).toEqual(['KV01-07-20261202-0002']);
    expect(numbers(desk, ' 07-20261203-0001 ')).toEqual(['KV01-07-20261203-0001']);
    // The full number and its start still work as before.
    expect(numbers(desk, 'kv01-07-20261202-0002')).toEqual(['KV01-07-20261202-0002']);
    expect(numbers(desk, 'KV01-07-20261202')).toEqual(['KV01-07-20261202-0002', 'KV01-07-20261202-0001']);
  });

  it('matches whole parts of the number: "0001" is not the end of "10001", nor "1202-0002" of a day', () => {
    const desk = openTestDesk(tempDir());
    const app = register(desk, '2026-12-02T08:00:00Z', 'Бондар');
    register(desk, '2026-12-02T09:00:00Z', 'Коваль');
    desk.db.prepare("UPDATE applications SET reg_number = 'KV01-07-20261202-10001' WHERE id = ?").run(app.id);
    expect(numbers(desk, '0001')).toEqual([]);
    expect(numbers(desk, '10001')).toEqual(['KV01-07-20261202-10001']);
    expect(numbers(desk, '1202-0002')).toEqual([]);
    expect(numbers(desk, '0002')).toEqual(['KV01-07-20261202-0002']);
  });

  it('reads the index on the number’s last four characters, never the whole table', () => {
    const desk = openTestDesk(tempDir());
    const plan = desk.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT a.id FROM applications a JOIN services s ON s.id = a.service_id JOIN applicants p ON p.id = a.applicant_id
         WHERE (${BY_TAIL}) AND a.deleted_at IS NULL ORDER BY a.registered_at DESC, a.reg_number DESC LIMIT 50`,
      )
      .all('0001', '%-0001') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX applications_reg_seq');
  });
});

describe('searchApplications: a representative’s name', () => {
  it('finds the applications a representative on file submitted, after the applicant’s own', () => {
    const desk = openTestDesk(tempDir());
    const rep = addApplicant(desk.env, { kind: 'person', surname: 'Коваль', givenName: 'Марʼяна', rnokpp: '1759013776' });
    const authority = { basis: 'poa_simple' as const, documentDate: '2026-11-01' };
    const submitted = register(desk, '2026-12-02T08:00:00Z', 'Бондар', { applicantId: rep.id, authority });
    register(desk, '2026-12-02T09:00:00Z', 'Шевчук');
    const own = register(desk, '2026-12-02T10:00:00Z', 'Ковальчук');
    expect(searchApplications(desk.db, 'Коваль Мар’яна').map((a) => [a.regNumber, a.applicantName])).toEqual([
      [submitted.regNumber, 'Бондар Олена'],
    ]);
    // The applicant Ковальчук's own first, then what Коваль submitted for others.
    expect(numbers(desk, 'коваль')).toEqual([own.regNumber, submitted.regNumber]);
    expect(numbers(desk, 'Kovalchuk')).toEqual([own.regNumber]);
    expect(numbers(desk, 'Петренко')).toEqual([]);
  });

  it('finds those of a representative an earlier version stored by name only, whatever apostrophe either side has', () => {
    const desk = openTestDesk(tempDir());
    const named = register(desk, '2026-12-02T08:00:00Z', 'Бондар');
    register(desk, '2026-12-02T09:00:00Z', 'Шевчук');
    desk.db
      .prepare("UPDATE applications SET rep_full_name = ?, rep_poa_number = 'НВК 123456', rep_poa_date = '2026-03-02' WHERE id = ?")
      .run("Ткаченко Мар'яна Петрівна", named.id);
    expect(numbers(desk, 'Ткаченко Марʼяна')).toEqual([named.regNumber]);
    expect(numbers(desk, 'марян')).toEqual([named.regNumber]);
    expect(numbers(desk, 'Петрівна Ткач')).toEqual([named.regNumber]);
    expect(numbers(desk, 'Ткаченко Ігор')).toEqual([]);
  });
});
