import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { listApplicationsOn } from '../../../main/backend/applications/queries';
import { registerApplication } from '../../../main/backend/applications/register-application';
import { RegisterApplication } from '../../../shared/domain/application';
import { addApplicant, openTestDesk, SAMPLE_SERVICE } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const DAY = '2026-11-27';
const ROWS = 23;

/** Every page of the day from the first, `size` rows each, as the list asks for them; `between` runs after each page. */
function pageThrough(desk: TestDesk, size: number, between: (page: number) => void = () => undefined): string[] {
  const first = listApplicationsOn(desk.db, DAY, { offset: 0, limit: size });
  const numbers = first.rows.map((a) => a.regNumber);
  for (let page = 1; page * size < first.total; page += 1) {
    between(page);
    const next = listApplicationsOn(desk.db, DAY, { offset: page * size, limit: size, upTo: first.upTo });
    expect(next.total).toBe(first.total);
    numbers.push(...next.rows.map((a) => a.regNumber));
  }
  return numbers;
}

describe("the day's list in pages", () => {
  let desk: TestDesk;
  let register: () => void;
  let whole: string[];

  beforeAll(() => {
    desk = openTestDesk(tempDir());
    const input = RegisterApplication.parse({
      serviceId: SAMPLE_SERVICE.id,
      applicantId: addApplicant(desk.env).id,
      items: [{ name: 'Заява', original: true, sheets: 1 }],
    });
    register = () => void registerApplication(desk.env, input);
    // Registered over the morning, three at a time in the same millisecond: the order's tie-break is tested too.
    for (let i = 0; i < ROWS; i += 1) {
      desk.setNow(`2026-11-27T${String(8 + Math.floor(i / 3)).padStart(2, '0')}:00:00.000Z`);
      register();
    }
    desk.setNow('2026-11-28T08:00:00.000Z');
    register();
    whole = listApplicationsOn(desk.db, DAY, { offset: 0, limit: 500 }).rows.map((a) => a.regNumber);
  });

  it('holds the day alone, newest first, with its count', () => {
    const first = listApplicationsOn(desk.db, DAY, { offset: 0, limit: 5 });
    expect(first.total).toBe(ROWS);
    expect(first.rows).toHaveLength(5);
    expect(whole).toHaveLength(ROWS);
    const times = listApplicationsOn(desk.db, DAY, { offset: 0, limit: 500 }).rows.map((a) => a.registeredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(listApplicationsOn(desk.db, DAY, { offset: ROWS, limit: 5 }).rows).toEqual([]);
  });

  it('never skips nor repeats a row, whatever the page size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: ROWS + 2 }), (size) => {
        expect(pageThrough(desk, size)).toEqual(whole);
      }),
    );
  });

  it('a row registered while the list pages shifts no page: it shows when the list is read afresh', () => {
    const before = pageThrough(desk, 4, (page) => {
      if (page !== 2) return;
      desk.setNow('2026-11-27T20:00:00.000Z');
      register();
    });
    expect(before).toEqual(whole);
    const afresh = listApplicationsOn(desk.db, DAY, { offset: 0, limit: 500 });
    expect(afresh.total).toBe(ROWS + 1);
    expect(afresh.rows.slice(1).map((a) => a.regNumber)).toEqual(whole);
  });
});
