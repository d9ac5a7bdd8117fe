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
  const applicant = addApplicant(desk.env, { kind: 'person', surname, givenName: 'Олена' });
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
  it('finds the applications the representative submitted, whatever apostrophe either side has', () => {
    const desk = openTestDesk(tempDir());
    const poa = { poaNumber: 'НВК 123456', poaDate: '2026-03-02' };
    const submitted = register(desk, '2026-12-02T08:00:00Z', 'Бондар', { fullName: "Коваль Мар'яна Петрівна", ...poa });
    register(desk, '2026-12-02T09:00:00Z', 'Шевчук', { fullName: 'Ткаченко Ігор', ...poa });
    register(desk, '2026-12-02T10:00:00Z', 'Ковальчук');
    expect(searchApplications(desk.db, 'Коваль Марʼяна').map((a) => [a.regNumber, a.applicantName])).toEqual([
      [submitted.regNumber, 'Бондар Олена'],
    ]);
    expect(numbers(desk, 'марян')).toEqual([submitted.regNumber]);
    // The applicant Ковальчук first (an applicant's own), then what Коваль submitted for others.
    expect(searchApplications(desk.db, 'коваль').map((a) => a.applicantName)).toEqual(['Ковальчук Олена', 'Бондар Олена']);
    expect(numbers(desk, 'Ткаченко')).toHaveLength(1);
    expect(numbers(desk, 'Петренко')).toEqual([]);
  });
});
