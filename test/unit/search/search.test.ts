import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EXACT_LOOKUP_SQL, searchApplicants } from '../../../main/backend/applicants/search';
import { searchTierColumns } from '../../../main/backend/applicants/search-columns';
import { normalizeName } from '../../../main/backend/applicants/search-text';
import type { Db } from '../../../main/backend/db/open';
import type { ApplicantInput } from '../../../shared/domain/applicant';
import { rnokppCheckDigit } from '../../../shared/validate/rnokpp';
import { addApplicant, openTestDesk } from '../../helpers/desk-db';
import type { TestDesk } from '../../helpers/desk-db';
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

function names(db: Db, query: string, limit?: number): string[] {
  return searchApplicants(db, query, limit).map((a) => a.displayName);
}

/** What the first tier found: the exact letters, before the looser tiers add anything. */
function exactNames(db: Db, query: string): string[] {
  return searchApplicants(db, query)
    .filter((a) => a.match === 'name')
    .map((a) => a.displayName);
}

function tombstone(desk: TestDesk, id: string): void {
  desk.db.prepare('UPDATE applicants SET deleted_at = ? WHERE id = ?').run('2026-11-27T10:00:00Z', id);
}

/**
 * Many namesakes at once, straight into the table (the FTS triggers still index them): enough
 * rows to push a query off the small-result path without thousands of audited commands.
 */
function bulkAdd(desk: TestDesk, displayNames: readonly string[]): void {
  const insert = desk.db.prepare(
    `INSERT INTO applicants (id, kind, surname, given_name, display_name, search_name, search_folded, search_latin, clerk_id, created_at, updated_at)
     VALUES (?, 'person', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  desk.db.transaction(() => {
    for (const displayName of displayNames) {
      const [surname = '', givenName = ''] = displayName.split(' ');
      const tiers = searchTierColumns(displayName);
      insert.run(
        randomUUID(),
        surname,
        givenName,
        displayName,
        normalizeName(displayName),
        tiers.search_folded,
        tiers.search_latin,
        desk.env.clerkId,
        '2026-11-27T09:30:00Z',
        '2026-11-27T09:30:00Z',
      );
    }
  })();
}

describe('searchApplicants: names', () => {
  it('is case-insensitive for Cyrillic', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Шевченко', 'Тарас'));
    for (const query of ['ШЕВЧЕНКО', 'шевченко', 'Шевченко', 'шЕВЧЕНКО тАРАС']) {
      expect(searchApplicants(desk.db, query)).toMatchObject([{ displayName: 'Шевченко Тарас', match: 'name' }]);
    }
  });

  const apostrophes = ["Мар'яна", 'Марʼяна', 'Мар’яна', 'Мар`яна'];
  it.each(apostrophes)('finds every apostrophe spelling of the name stored as %s', (stored) => {
    const desk = openTestDesk(tempDir());
    // As an earlier version or another desk stored it: names are now saved with one apostrophe.
    bulkAdd(desk, [`Шевченко ${stored}`]);
    for (const query of apostrophes) expect(names(desk.db, query)).toEqual([`Шевченко ${stored}`]);
  });

  it('finds Cyrillic names typed with Latin look-alike letters, and the other way round', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Олійник', 'Ірина'));
    addApplicant(desk.env, person('Ковальчук', 'Петро'));
    addApplicant(desk.env, person('Петренко', 'Олена'));
    // Typed with a Latin O, as a scanned form might deliver it: saved in Cyrillic (name hygiene).
    addApplicant(desk.env, person('Oлешко', 'Богдан'));
    expect(names(desk.db, 'Олiйник')).toEqual(['Олійник Ірина']);
    expect(names(desk.db, 'Kовальчук')).toEqual(['Ковальчук Петро']);
    expect(names(desk.db, 'OЛЕНА')).toEqual(['Петренко Олена']);
    expect(names(desk.db, 'олешко')).toEqual(['Олешко Богдан']);
    // The first keystroke alone, typed in the Latin layout, already finds both О… surnames.
    expect(names(desk.db, 'O').sort()).toEqual(['Олешко Богдан', 'Олійник Ірина', 'Петренко Олена']);
  });

  it('matches prefixes as the clerk types, every token required', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Шевченко', 'Марʼяна'));
    addApplicant(desk.env, person('Шевченко', 'Олена'));
    addApplicant(desk.env, person('Марченко', 'Ігор'));
    expect(names(desk.db, 'шев').sort()).toEqual(['Шевченко Марʼяна', 'Шевченко Олена']);
    expect(names(desk.db, 'шевч мар')).toEqual(['Шевченко Марʼяна']);
    expect(names(desk.db, 'мар шевч')).toEqual(['Шевченко Марʼяна']);
    expect(names(desk.db, 'шевч мар ігор')).toEqual([]);
    // A prefix of a word, not a substring: "ченко" starts no word.
    expect(names(desk.db, 'ченко')).toEqual([]);
  });

  it('treats і, ї, є and ґ as letters of their own in the exact tier', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Їжак', 'Ївга'));
    addApplicant(desk.env, person('Іжаковський', 'Ігор'));
    addApplicant(desk.env, person('Ґудзь', 'Євген'));
    addApplicant(desk.env, person('Гудзенко', 'Гліб'));
    addApplicant(desk.env, person('Євтушенко', 'Інна'));
    addApplicant(desk.env, person('Евтух', 'Ніна'));
    expect(exactNames(desk.db, 'Їжак')).toEqual(['Їжак Ївга']);
    expect(exactNames(desk.db, 'ЇЖ')).toEqual(['Їжак Ївга']);
    expect(exactNames(desk.db, 'іжак')).toEqual(['Іжаковський Ігор']);
    expect(exactNames(desk.db, 'Ґудзь')).toEqual(['Ґудзь Євген']);
    expect(exactNames(desk.db, 'гуд')).toEqual(['Гудзенко Гліб']);
    expect(exactNames(desk.db, 'Євтушенко')).toEqual(['Євтушенко Інна']);
    expect(exactNames(desk.db, 'єв').sort()).toEqual(['Євтушенко Інна', 'Ґудзь Євген']);
    expect(exactNames(desk.db, 'ев')).toEqual(['Евтух Ніна']);
  });

  it.each([
    '"',
    '*',
    'OR',
    'NEAR(',
    '-',
    'AND',
    'NOT',
    'шев OR мар',
    'NEAR(шев мар, 2)',
    '"шев',
    'шев*',
    '^шев',
    'search_name:шев',
    '{шев}',
    '(шев',
    '+',
    // Folds to nothing (ъ is dropped): the folded tier has no token to ask for.
    'ъ',
    'ъ ъъ',
  ])('does not let the FTS5 syntax of %j through', (query) => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Шевченко', 'Марʼяна'));
    expect(() => searchApplicants(desk.db, query)).not.toThrow();
  });

  it('reads operators and quotes as text: they neither widen nor break the search', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Шевченко', 'Марʼяна'));
    addApplicant(desk.env, person('Марченко', 'Ігор'));
    expect(names(desk.db, '"шев')).toEqual(['Шевченко Марʼяна']);
    expect(names(desk.db, 'шев*')).toEqual(['Шевченко Марʼяна']);
    // As an operator OR would find both; as text it is one more required word.
    expect(names(desk.db, 'шев OR мар')).toEqual([]);
    expect(names(desk.db, '"*-()')).toEqual([]);
  });

  it('skips tombstoned applicants', () => {
    const desk = openTestDesk(tempDir());
    const gone = addApplicant(desk.env, person('Шевченко', 'Олена', { rnokpp: '3652504575' }));
    addApplicant(desk.env, person('Шевченко', 'Тарас'));
    tombstone(desk, gone.id);
    expect(names(desk.db, 'шевченко')).toEqual(['Шевченко Тарас']);
    expect(searchApplicants(desk.db, '3652504575')).toEqual([]);
  });

  it('finds an updated applicant under the new name only', () => {
    const desk = openTestDesk(tempDir());
    const before = addApplicant(desk.env, person('Коваленко', 'Ганна'));
    addApplicant(desk.env, { ...person('Бондаренко', 'Ганна'), id: before.id });
    expect(searchApplicants(desk.db, 'бондаренко').map((a) => a.id)).toEqual([before.id]);
    expect(searchApplicants(desk.db, 'коваленко')).toEqual([]);
  });

  it('ranks with bm25 (a shorter name first), then by display_name', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Марченко', 'Олена', { patronymic: 'Іванівна' }));
    addApplicant(desk.env, { kind: 'legal_entity', legalName: 'ТОВ «Марта»', edrpou: '32855961' });
    addApplicant(desk.env, person('Марко', 'Ярема'));
    addApplicant(desk.env, person('Марик', 'Ярема'));
    // By display_name alone the order would be Марик, Марко, Марченко, ТОВ.
    expect(names(desk.db, 'мар')).toEqual(['Марик Ярема', 'Марко Ярема', 'ТОВ «Марта»', 'Марченко Олена Іванівна']);
  });

  it('returns nothing for an empty or blank query, and at most `limit` applicants', () => {
    const desk = openTestDesk(tempDir());
    for (const given of ['Андрій', 'Богдан', 'Василь', 'Григорій', 'Данило']) addApplicant(desk.env, person('Шевчук', given));
    expect(searchApplicants(desk.db, '')).toEqual([]);
    expect(searchApplicants(desk.db, ' \t ')).toEqual([]);
    expect(names(desk.db, 'шевчук', 3)).toEqual(['Шевчук Андрій', 'Шевчук Богдан', 'Шевчук Василь']);
    expect(searchApplicants(desk.db, 'шевчук')).toHaveLength(5);
    expect(() => searchApplicants(desk.db, 'шевчук', 0)).toThrow(RangeError);
  });
});

describe('searchApplicants: many namesakes', () => {
  // More than the 500 rows a 3-letter head may match before bm25 ranking is skipped, and more
  // than the 1,000-row window.
  const NAMESAKES = 1100;

  it('returns the newest matches for short tokens, in display_name order, without tombstones', () => {
    const desk = openTestDesk(tempDir());
    bulkAdd(
      desk,
      Array.from({ length: NAMESAKES }, (_, i) => `Шевчук Особа${String(i).padStart(4, '0')}`),
    );
    const newest = addApplicant(desk.env, person('Шевчук', 'Ярема'));
    const gone = addApplicant(desk.env, person('Шевчук', 'Юрій'));
    tombstone(desk, gone.id);
    const found = names(desk.db, 'шев');
    expect(found).toHaveLength(20);
    expect(found).toEqual([...found].sort());
    expect(found).toContain('Шевчук Ярема');
    expect(found).not.toContain('Шевчук Юрій');
    expect(found).toContain('Шевчук Особа1099');
    expect(found).not.toContain('Шевчук Особа0000');
    expect(newest.displayName).toBe('Шевчук Ярема');
  });

  it('checks long tokens against the whole word, not just their first three letters', () => {
    const desk = openTestDesk(tempDir());
    bulkAdd(
      desk,
      Array.from({ length: NAMESAKES }, (_, i) => `Шевчук Особа${i}`),
    );
    addApplicant(desk.env, person('Шевченко', 'Петро'));
    bulkAdd(
      desk,
      Array.from({ length: 10 }, (_, i) => `Шевчук Пізній${i}`),
    );
    expect(names(desk.db, 'шевченко')).toEqual(['Шевченко Петро']);
    expect(names(desk.db, 'шевч пет')).toEqual(['Шевченко Петро']);
  });

  it('still finds a rare name hidden behind a full window of namesakes', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Шевченко', 'Ярема'));
    bulkAdd(
      desk,
      Array.from({ length: NAMESAKES }, (_, i) => `Шевчук Особа${i}`),
    );
    expect(names(desk.db, 'шевченко')).toEqual(['Шевченко Ярема']);
    expect(names(desk.db, 'шевхенко')).toEqual([]);
  });
});

describe('searchApplicants: identifiers', () => {
  it('answers an РНОКПП with its owner alone; a name holding those digits shows only when nobody owns it', () => {
    const desk = openTestDesk(tempDir());
    const byName = addApplicant(desk.env, { kind: 'legal_entity', legalName: 'ТОВ «Склад 1759013776 3652504575»', edrpou: '14360570' });
    const byRnokpp = addApplicant(desk.env, person('Бойко', 'Ірина', { rnokpp: '1759013776' }));
    addApplicant(desk.env, person('Бойко', 'Олег', { rnokpp: '3068208400' }));
    expect(searchApplicants(desk.db, '1759013776').map((a) => [a.id, a.match])).toEqual([[byRnokpp.id, 'rnokpp']]);
    expect(searchApplicants(desk.db, '3652504575').map((a) => [a.id, a.match])).toEqual([[byName.id, 'name']]);
    // Grouped digits are still the РНОКПП (the name's word is not split the same way).
    for (const query of ['175 901 3776', '1759-013-776']) {
      expect(searchApplicants(desk.db, query).map((a) => [a.id, a.match])).toEqual([[byRnokpp.id, 'rnokpp']]);
    }
  });

  it('finds an РНОКПП made with the check digit function', () => {
    const desk = openTestDesk(tempDir());
    const code = rnokpp('287650123');
    addApplicant(desk.env, person('Руденко', 'Ольга', { rnokpp: code }));
    expect(searchApplicants(desk.db, code)).toMatchObject([{ displayName: 'Руденко Ольга', rnokpp: code, match: 'rnokpp' }]);
  });

  it('finds a legal entity by ЄДРПОУ', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, { kind: 'legal_entity', legalName: 'ТОВ «Світанок»', edrpou: '00032129' });
    for (const query of ['00032129', '0003 2129', '0003-2129']) {
      expect(searchApplicants(desk.db, query)).toMatchObject([{ displayName: 'ТОВ «Світанок»', edrpou: '00032129', match: 'edrpou' }]);
    }
  });

  it.each([
    '+380 67 123 45 67',
    '+38 (067) 123-45-67',
    '067-123-45-67',
    '(067) 123 45 67',
    '380671234567',
    '0671234567',
    '8 067 123 45 67',
    '067.123.45.67',
  ])('finds a phone typed as %s', (query) => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Ткаченко', 'Віра', { phone: '+380671234567' }));
    addApplicant(desk.env, person('Ткаченко', 'Іван', { phone: '+380501234567' }));
    expect(searchApplicants(desk.db, query)).toMatchObject([{ displayName: 'Ткаченко Віра', phone: '+380671234567', match: 'phone' }]);
  });

  it('finds an ID card by its 9-digit number', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Мороз', 'Лідія', { idDoc: { type: 'id_card', number: '001234567', validUntil: '2030-01-01' } }));
    for (const query of ['001234567', '001 234 567']) {
      expect(searchApplicants(desk.db, query)).toMatchObject([{ displayName: 'Мороз Лідія', idDocNumber: '001234567', match: 'id_doc' }]);
    }
  });

  it('finds a passport booklet whose series is typed in Latin or lower case', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Кравець', 'Семен', { idDoc: { type: 'passport_book', number: 'АК123456' } }));
    addApplicant(desk.env, person('Кравець', 'Тетяна', { idDoc: { type: 'passport_book', number: 'ВМ654321' } }));
    for (const query of ['ak 123456', 'AK123456', 'аК 123456', 'АК-123456', 'Аk123456']) {
      expect(searchApplicants(desk.db, query)).toMatchObject([{ displayName: 'Кравець Семен', idDocNumber: 'АК123456', match: 'id_doc' }]);
    }
    expect(searchApplicants(desk.db, 'bm 654321')).toMatchObject([{ displayName: 'Кравець Тетяна', match: 'id_doc' }]);
  });

  it('finds a passport for travel abroad by its Latin series', () => {
    const desk = openTestDesk(tempDir());
    addApplicant(desk.env, person('Лисенко', 'Ніна', { idDoc: { type: 'foreign_passport', number: 'FE123456' } }));
    expect(searchApplicants(desk.db, 'fe 123456')).toMatchObject([{ displayName: 'Лисенко Ніна', match: 'id_doc' }]);
  });

  it('lists an applicant once, under the identifier that matched', () => {
    const desk = openTestDesk(tempDir());
    const code = rnokpp('067123456');
    const both = addApplicant(desk.env, person('Савчук', 'Лев', { rnokpp: code, phone: `+380${code.slice(1)}` }));
    expect(searchApplicants(desk.db, code).map((a) => [a.id, a.match])).toEqual([[both.id, 'rnokpp']]);
  });

  it.each(
    Object.entries({ rnokpp: 'applicants_rnokpp', edrpou: 'applicants_edrpou', id_doc: 'applicants_id_doc', phone: 'applicants_phone' }),
  )('looks %s up through its partial index', (match, index) => {
    const desk = openTestDesk(tempDir());
    const sql = EXACT_LOOKUP_SQL[match as keyof typeof EXACT_LOOKUP_SQL];
    const plan = desk.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x', 20) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain(`USING INDEX ${index} (`);
  });
});
