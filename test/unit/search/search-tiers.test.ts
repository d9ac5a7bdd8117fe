import { describe, expect, it } from 'vitest';
import { RNOKPP_PREFIX_SQL, searchApplicants } from '../../../main/backend/applicants/search';
import type { Db } from '../../../main/backend/db/open';
import type { ApplicantInput } from '../../../shared/domain/applicant';
import { rnokppCheckDigit } from '../../../shared/validate/rnokpp';
import { createChangeApplier } from '../../../main/backend/sync/pull-apply';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import { memoryLogger } from '../../helpers/memory-logger';
import { pulledApplicant } from '../../helpers/pulled-changes';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function person(surname: string, givenName: string, extra: Partial<Extract<ApplicantInput, { kind: 'person' }>> = {}): ApplicantInput {
  // Without an РНОКПП a person needs a reason (issue 14); these tests are about names.
  return { kind: 'person', surname, givenName, ...(extra.rnokpp === undefined ? { rnokppAbsent: 'not_assigned' } : {}), ...extra };
}

/** A valid РНОКПП from 9 digits, via the check digit the app itself validates with. */
function rnokpp(first9: string): string {
  return `${first9}${rnokppCheckDigit(first9)}`;
}

/** Display names with the tier that found them, in the order the clerk sees them. */
function found(db: Db, query: string, limit?: number): Array<[string, string]> {
  return searchApplicants(db, query, limit).map((a) => [a.displayName, a.match]);
}

describe('searchApplicants: the folded tier', () => {
  it('finds «Ґудзь» for "Гудзь", after the exact Гудзь', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Ґудзь', 'Євген'));
    addApplicant(desk.env, person('Гудзь', 'Петро'));
    expect(found(desk.db, 'Гудзь')).toEqual([
      ['Гудзь Петро', 'name'],
      ['Ґудзь Євген', 'folded'],
    ]);
    expect(found(desk.db, 'Ґудзь')).toEqual([
      ['Ґудзь Євген', 'name'],
      ['Гудзь Петро', 'folded'],
    ]);
  });

  it('finds Ukrainian names by their Russian spellings: е/і/и swaps, ы, э, ё, ъ', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Григорій', 'Олег'));
    addApplicant(desk.env, person('Олійник', 'Ірина'));
    addApplicant(desk.env, person('Рибак', 'Євгеній'));
    addApplicant(desk.env, person('Семенов', 'Пётр'));
    addApplicant(desk.env, person('Подъячев', 'Ілля'));
    expect(found(desk.db, 'Григорий')).toEqual([['Григорій Олег', 'folded']]);
    expect(found(desk.db, 'Олейник')).toEqual([['Олійник Ірина', 'folded']]);
    expect(found(desk.db, 'Рыбак Евгений')).toEqual([['Рибак Євгеній', 'folded']]);
    expect(found(desk.db, 'Семенов Петр')).toEqual([['Семенов Пётр', 'folded']]);
    expect(found(desk.db, 'Подьячев')).toEqual([]);
    expect(found(desk.db, 'Подячев')).toEqual([['Подъячев Ілля', 'folded']]);
  });

  it('ranks folded matches by how few letters differ from the query', () => {
    const desk = openTestDesk(tempDir());
    // By display_name (and by insertion order) Белік would come first: it is two letters from "Бєлик", Бєлік one.
    addApplicant(desk.env, person('Белік', 'Анна'));
    addApplicant(desk.env, person('Бєлік', 'Анна'));
    expect(found(desk.db, 'Бєлик')).toEqual([
      ['Бєлік Анна', 'folded'],
      ['Белік Анна', 'folded'],
    ]);
  });

  it('runs only while the exact letters leave the page short', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Гудзь', 'Петро'));
    addApplicant(desk.env, person('Гудзь', 'Марія'));
    addApplicant(desk.env, person('Ґудзь', 'Євген'));
    expect(found(desk.db, 'гудзь', 2)).toEqual([
      ['Гудзь Марія', 'name'],
      ['Гудзь Петро', 'name'],
    ]);
    expect(found(desk.db, 'гудзь', 3).map(([, match]) => match)).toEqual(['name', 'name', 'folded']);
  });

  it('keeps folded and Latin columns up to date when a name changes', () => {
    const desk = openTestDesk(tempDir());
    const before = addApplicant(desk.env, person('Ґудзь', 'Євген'));
    addApplicant(desk.env, { ...person('Шевченко', 'Євген'), id: before.id });
    expect(found(desk.db, 'гудзь')).toEqual([]);
    expect(found(desk.db, 'Shevchenko')).toEqual([['Шевченко Євген', 'latin']]);
    expect(found(desk.db, 'Gudz')).toEqual([]);
  });
});

describe('searchApplicants: applicants pulled from the back office', () => {
  it('are found by every tier, the columns derived on this desk whatever the payload says', () => {
    const desk = openTestDesk(tempDir());
    const apply = createChangeApplier(memoryLogger());
    const pulled = pulledApplicant(1, '0198d1a4-0000-7000-8000-000000000001', 'Ґудзь');
    apply(desk.db, [{ ...pulled, data: { ...pulled.data, search_folded: 'щось інше', search_latin: 'something else' } }]);
    expect(found(desk.db, 'Гудзь')).toEqual([['Ґудзь Марʼяна', 'folded']]);
    expect(found(desk.db, 'Gudz Mariana')).toEqual([['Ґудзь Марʼяна', 'latin']]);
    expect(found(desk.db, 'something')).toEqual([]);
    apply(desk.db, [{ ...pulledApplicant(2, pulled.id, 'Шевченко'), version: 2 }]);
    expect(found(desk.db, 'Shevchenko')).toEqual([['Шевченко Марʼяна', 'latin']]);
    expect(found(desk.db, 'Gudz')).toEqual([]);
  });
});

describe('searchApplicants: the КМУ-55 Latin tier', () => {
  it('finds Cyrillic names typed in their official Latin spelling', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Шевченко', 'Тарас'));
    addApplicant(desk.env, person('Згурський', 'Юрій'));
    addApplicant(desk.env, person('Ґудзь', 'Марʼяна'));
    addApplicant(desk.env, person('Яковенко', 'Їжак'));
    expect(found(desk.db, 'Shevchenko')).toEqual([['Шевченко Тарас', 'latin']]);
    expect(found(desk.db, 'SHEVCH tar')).toEqual([['Шевченко Тарас', 'latin']]);
    expect(found(desk.db, 'Zghurskyi Yurii')).toEqual([['Згурський Юрій', 'latin']]);
    expect(found(desk.db, 'Gudz Mariana')).toEqual([['Ґудзь Марʼяна', 'latin']]);
    expect(found(desk.db, 'Yakovenko Yizhak')).toEqual([['Яковенко Їжак', 'latin']]);
    // Not the official spelling: г is h, зг is zgh.
    expect(found(desk.db, 'Zgurskyi')).toEqual([]);
  });

  it('still finds a genuinely Latin name in the exact tier first', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, { kind: 'legal_entity', legalName: 'ТОВ «IT Solutions»', edrpou: '32855961' });
    addApplicant(desk.env, person('Ітенко', 'Софія'));
    expect(found(desk.db, 'IT Sol')).toEqual([['ТОВ «IT Solutions»', 'name']]);
    expect(found(desk.db, 'Itenko')).toEqual([['Ітенко Софія', 'latin']]);
  });

  it('is not asked for a query with Cyrillic letters', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Шевченко', 'Тарас'));
    expect(found(desk.db, 'Shevchenko Тарас')).toEqual([]);
  });
});

describe('searchApplicants: a partial РНОКПП', () => {
  it('finds the owners of the first 6 to 9 digits, before any name', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Шевченко', 'Марʼяна', { rnokpp: '1759013776' }));
    addApplicant(desk.env, person('Коваль', 'Петро', { rnokpp: rnokpp('175901888') }));
    addApplicant(desk.env, person('Бондар', 'Ірина', { rnokpp: '3652504575' }));
    expect(found(desk.db, '175901')).toEqual([
      ['Шевченко Марʼяна', 'rnokpp_prefix'],
      ['Коваль Петро', 'rnokpp_prefix'],
    ]);
    expect(found(desk.db, '1759018')).toEqual([['Коваль Петро', 'rnokpp_prefix']]);
    expect(found(desk.db, '175901888')).toEqual([['Коваль Петро', 'rnokpp_prefix']]);
    expect(found(desk.db, '365 250')).toEqual([['Бондар Ірина', 'rnokpp_prefix']]);
    expect(found(desk.db, '1759013776')).toEqual([['Шевченко Марʼяна', 'rnokpp']]);
    // Five digits are too few to name anyone.
    expect(found(desk.db, '17590')).toEqual([]);
  });

  it('reads the applicants_rnokpp index, never the whole table', () => {
    const desk = openTestDesk(tempDir());
    const plan = desk.db.prepare(`EXPLAIN QUERY PLAN ${RNOKPP_PREFIX_SQL}`).all('175901', '175901:', 20) as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX applicants_rnokpp (rnokpp>? AND rnokpp<?)');
  });
});
