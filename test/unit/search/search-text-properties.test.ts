import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../main/backend/applicants/search-text';

const UKRAINIAN = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';
/** Latin letters a clerk's wrong keyboard layout or a scan's text layer puts in place of the Cyrillic one. */
const TWINS: Readonly<Record<string, readonly string[]>> = {
  а: ['a'],
  А: ['A'],
  В: ['B'],
  с: ['c'],
  С: ['C'],
  е: ['e'],
  Е: ['E'],
  Н: ['H'],
  і: ['i'],
  І: ['I'],
  К: ['K'],
  к: ['k'],
  М: ['M'],
  о: ['o'],
  О: ['O'],
  р: ['p'],
  Р: ['P'],
  Т: ['T'],
  х: ['x'],
  Х: ['X'],
  у: ['y'],
  ї: ['ï', 'i\u0308'],
  Ї: ['Ï', 'I\u0308'],
};
const APOSTROPHES = ["'", '’', 'ʼ', '`', '‘', 'ʻ', '´', 'ʹ', '′', '＇'];

const letter = fc.constantFrom(...UKRAINIAN, ...UKRAINIAN.toUpperCase());
const word = fc.array(letter, { minLength: 1, maxLength: 12 }).map((letters) => letters.join(''));
/** Names as typed: Cyrillic words, digits, separators, apostrophes, a Latin company name now and then. */
const name = fc
  .array(
    fc.oneof(word, fc.constantFrom(' ', '-', '«', '»', '.', ',', '  ', ...APOSTROPHES), fc.constantFrom('IT', 'Solutions', '2', 'ТОВ')),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''));

/**
 * Text where canonical composition matters: letters that compose with a following mark, Hangul
 * jamo that compose with each other, and the marks and apostrophes the function drops between them.
 */
const composing = fc.string({
  unit: fc.constantFrom('и', 'і', 'i', 'I', 'е', 'ᄀ', 'ᅡ', 'ᆨ', '\u0306', '\u0308', '\u0301', "'", '’', '-'),
});

describe('normalizeName (what the search index stores and queries are matched by)', () => {
  it('is idempotent, on names and on any text at all', () => {
    const idempotent = (text: string) => {
      const once = normalizeName(text);
      expect(normalizeName(once)).toBe(once);
    };
    fc.assert(fc.property(fc.oneof(name, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), idempotent));
    fc.assert(fc.property(composing, idempotent), { numRuns: 2_000 });
  });

  // Found by the property above: dropping a mark or an apostrophe let two jamo meet, and only a second pass composed them.
  it('composes what meets once marks and apostrophes are dropped', () => {
    expect(normalizeName("ᄀ'ᅡ")).toBe('가');
    expect(normalizeName('ᄀ\u0301ᅡ')).toBe('가');
  });

  it('reads Latin look-alikes, in any case, as the Cyrillic letters they impersonate', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(letter, fc.boolean(), fc.nat()), { minLength: 1, maxLength: 12 }), (letters) => {
        const cyrillic = letters.map(([ch]) => ch).join('');
        const mixed = letters.map(([ch, swap, pick]) => (swap && TWINS[ch] ? TWINS[ch][pick % TWINS[ch].length]! : ch)).join('');
        expect(normalizeName(mixed)).toBe(normalizeName(cyrillic));
      }),
    );
  });

  it('makes every apostrophe variant, and none, the same word', () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(...APOSTROPHES), fc.constantFrom(...APOSTROPHES), (before, after, one, other) => {
        const expected = normalizeName(before + after);
        expect(normalizeName(before + one + after)).toBe(expected);
        expect(normalizeName(before + other + after)).toBe(expected);
      }),
    );
  });

  it('ignores case', () => {
    fc.assert(
      fc.property(name, (text) => {
        expect(normalizeName(text.toUpperCase())).toBe(normalizeName(text.toLowerCase()));
        expect(normalizeName(text)).toBe(normalizeName(text.toLowerCase()));
      }),
    );
  });

  it('keeps a typed prefix a prefix of the name, so search-as-you-type finds it', () => {
    fc.assert(
      fc.property(name, fc.nat(), (text, cut) => {
        const typed = text.slice(0, cut % (text.length + 1));
        expect(normalizeName(text).startsWith(normalizeName(typed))).toBe(true);
      }),
    );
  });
});
