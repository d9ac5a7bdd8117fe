import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, nameDistance } from '../../../main/backend/applicants/name-distance';
import { foldName } from '../../../main/backend/applicants/name-fold';
import { latinName } from '../../../main/backend/applicants/name-latin';
import { searchTierColumns } from '../../../main/backend/applicants/search-columns';
import { latinQuery, normalizeName } from '../../../main/backend/applicants/search-text';

const UKRAINIAN = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';
const RUSSIAN_ONLY = 'ыэёъ';
const letter = fc.constantFrom(...UKRAINIAN, ...RUSSIAN_ONLY);
const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((l) => l.join(''));
/** Normalized names (search-text.ts): lower-case words joined by single spaces, a digit run now and then. */
const normalized = fc.array(fc.oneof(word, fc.constantFrom('2', '10', 'it')), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const VOWELS = ['е', 'є', 'э', 'ё', 'і', 'ї', 'и', 'ы'];
/**
 * Names over the letters whose rendering could depend on a neighbour (зг, word-initial є ї й ю я,
 * the dropped ь ъ) and a few plain ones, so that such pairs are common, not one in a thousand.
 */
const contextual = fc
  .array(fc.constantFrom('з', 'г', 'ґ', 'є', 'ї', 'й', 'ю', 'я', 'ё', 'ь', 'ъ', 'і', 'и', 'е', 'ы', 'а', 'о', ' '), { maxLength: 24 })
  .map((l) => l.join('').replace(/ +/g, ' ').trim());

function prefixes(name: string): string[] {
  return Array.from({ length: name.length + 1 }, (_, i) => name.slice(0, i));
}

describe('foldName (the folded tier)', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(normalized, (name) => {
        expect(foldName(foldName(name))).toBe(foldName(name));
      }),
    );
  });

  it('folds a prefix to a prefix, so the FTS5 prefix search over the folded column finds what tier 1 finds', () => {
    fc.assert(
      fc.property(contextual, (name) => {
        for (const prefix of prefixes(name)) expect(foldName(name).startsWith(foldName(prefix))).toBe(true);
      }),
    );
  });

  it('makes ґ/г one letter, the vowels е є э ё і ї и ы one, and drops ъ', () => {
    const spelled = fc.tuple(word, fc.array(fc.constantFrom(...VOWELS), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(spelled, spelled, ([w], [, vowels]) => {
        let i = 0;
        const swapped = [...w].map((ch) => (VOWELS.includes(ch) ? (vowels[i++ % vowels.length] ?? ch) : ch)).join('');
        expect(foldName(swapped)).toBe(foldName(w));
      }),
    );
    expect(foldName('ґудзь')).toBe(foldName('гудзь'));
    expect(foldName('подъячев')).toBe(foldName('подячев'));
    expect(foldName('олійник')).toBe(foldName('олейник'));
    expect(foldName('григорій')).toBe(foldName('григорий'));
  });

  it('keeps every other letter apart', () => {
    expect(foldName('гудзь')).not.toBe(foldName('гудз'));
    expect(foldName('олійник')).not.toBe(foldName('олайник'));
    expect(foldName('петро')).toBe('питро');
  });
});

/** Examples from the table of постанова КМУ №55 (27.01.2010), lower case as the index keeps them. */
const KMU_55: ReadonlyArray<[string, string]> = [
  ['Алушта', 'alushta'],
  ['Борщагівка', 'borshchahivka'],
  ['Вишгород', 'vyshhorod'],
  ['Гадяч', 'hadiach'],
  ['Згорани', 'zghorany'],
  ['Ґалаґан', 'galagan'],
  ['Дон', 'don'],
  ['Рівне', 'rivne'],
  ['Єнакієве', 'yenakiieve'],
  ['Наєнко', 'naienko'],
  ['Житомир', 'zhytomyr'],
  ['Запоріжжя', 'zaporizhzhia'],
  ['Медвин', 'medvyn'],
  ['Іршава', 'irshava'],
  ['Марія', 'mariia'],
  ['Їжакевич', 'yizhakevych'],
  ['Кадиївка', 'kadyivka'],
  ['Йосипівка', 'yosypivka'],
  ['Стрий', 'stryi'],
  ['Олексій', 'oleksii'],
  ['Київ', 'kyiv'],
  ['Лебедин', 'lebedyn'],
  ['Миколаїв', 'mykolaiv'],
  ['Ніжин', 'nizhyn'],
  ['Одеса', 'odesa'],
  ['Полтава', 'poltava'],
  ['Ромни', 'romny'],
  ['Суми', 'sumy'],
  ['Тетерів', 'teteriv'],
  ['Ужгород', 'uzhhorod'],
  ['Фастів', 'fastiv'],
  ['Харків', 'kharkiv'],
  ['Біла Церква', 'bila tserkva'],
  ['Чернівці', 'chernivtsi'],
  ['Шостка', 'shostka'],
  ['Гоща', 'hoshcha'],
  ['Русь', 'rus'],
  ['Юрій', 'yurii'],
  ['Крюківка', 'kriukivka'],
  ['Яготин', 'yahotyn'],
  ['Ічня', 'ichnia'],
  ["Знам'янка", 'znamianka'],
  ['Шевченко', 'shevchenko'],
  ['Згурський', 'zghurskyi'],
  ['Коваленко Юлія Євгенівна', 'kovalenko yuliia yevhenivna'],
];

describe('latinName (the КМУ-55 tier)', () => {
  it.each(KMU_55)('%s is %s', (cyrillic, latin) => {
    expect(latinName(normalizeName(cyrillic))).toBe(latin);
  });

  it('leaves no Cyrillic letter behind, and is idempotent', () => {
    fc.assert(
      fc.property(normalized, (name) => {
        const latin = latinName(name);
        expect(latin).not.toMatch(/\p{Script=Cyrillic}/u);
        expect(latinName(latin)).toBe(latin);
      }),
    );
  });

  it('turns a prefix into a prefix, word-start rules included', () => {
    fc.assert(
      fc.property(contextual, (name) => {
        for (const prefix of prefixes(name)) expect(latinName(name).startsWith(latinName(prefix))).toBe(true);
      }),
    );
  });

  it('reads a Latin query as the index holds it, and only a query without Cyrillic', () => {
    expect(latinQuery('  SHEVCHENKO,  Taras ')).toBe('shevchenko taras');
    expect(latinQuery("O'Brien")).toBe('obrien');
    expect(latinQuery('Шевченко Taras')).toBeNull();
    expect(latinQuery('1759013776')).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: 1, maxLength: 10 }), (letters) => {
        const typed = letters.join('');
        expect(latinQuery(typed.toUpperCase())).toBe(typed);
      }),
    );
  });
});

describe('searchTierColumns', () => {
  it('derives both columns from the normalized display name', () => {
    expect(searchTierColumns('Ґудзь Марʼяна')).toEqual({ search_folded: 'гудзь маряна', search_latin: 'gudz mariana' });
    expect(searchTierColumns('ТОВ «IT Solutions»')).toEqual({
      search_folded: normalizeName('ТОВ «IT Solutions»').replaceAll('і', 'и'),
      search_latin: 'tov it solutions',
    });
  });
});

describe('editDistance and nameDistance (ranking inside the folded tier)', () => {
  const text = fc.string({ unit: fc.constantFrom('а', 'б', 'и', 'і', 'ї', 'е'), maxLength: 8 });

  it('is a metric', () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });

  it('counts one edit per letter', () => {
    expect(editDistance('гудзь', 'ґудзь')).toBe(1);
    expect(editDistance('петро', 'петр')).toBe(1);
    expect(editDistance('олейник', 'олійник')).toBe(1);
    expect(editDistance('', 'абв')).toBe(3);
  });

  it('is 0 exactly when every token starts a word of the name', () => {
    fc.assert(
      fc.property(
        fc.array(
          text.filter((t) => t !== ''),
          { minLength: 1, maxLength: 3 },
        ),
        text,
        (words, token) => {
          const name = words.join(' ');
          const starts = token === '' || words.some((w) => w.startsWith(token));
          expect(nameDistance([token], name) === 0).toBe(starts);
        },
      ),
    );
    expect(nameDistance(['григорий', 'ол'], 'григорій олег')).toBe(1);
    expect(nameDistance(['бєлик'], 'белік анна')).toBe(2);
  });
});
