import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APOSTROPHE_CHOICES, cleanName } from '../../../shared/validate';

/** Every apostrophe a keyboard, a layout or a paste produces. */
const APOSTROPHES = ["'", '’', 'ʼ', '`', '‘', 'ʻ', '´', 'ʹ', '′', '＇'];
const CYRILLIC = [...'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ'];
const LATIN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];

const word = (letters: string[]) => fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
/** Names as typed: Cyrillic words that may hold apostrophes and Latin look-alikes, spaces and hyphens between. */
const typedName = fc
  .array(fc.oneof(word(CYRILLIC), word([...CYRILLIC, ...APOSTROPHES, 'i', 'o', 'a', 'e', 'c', 'p', 'x', 'y', 'I', 'O', 'T'])), {
    minLength: 1,
    maxLength: 4,
  })
  .chain((words) => fc.constantFrom(' ', '-').map((sep) => words.join(sep)));
const choice = fc.constantFrom(...APOSTROPHE_CHOICES);

describe('cleanName', () => {
  it('is idempotent: a stored name cleans to itself', () => {
    fc.assert(
      fc.property(typedName, choice, (name, apostrophe) => {
        const once = cleanName(name, apostrophe).value;
        expect(cleanName(once, apostrophe)).toEqual({ value: once, lookAlikesMapped: false, apostrophesChanged: false });
      }),
    );
  });

  it('stores every apostrophe variant as the one chosen', () => {
    fc.assert(
      fc.property(word(CYRILLIC), word(CYRILLIC), fc.constantFrom(...APOSTROPHES), choice, (before, after, typed, apostrophe) => {
        const stored = cleanName(`${before}${typed}${after}`, apostrophe).value;
        expect(stored).toBe(`${before}${apostrophe}${after}`);
        for (const other of APOSTROPHES) expect(cleanName(`${before}${other}${after}`, apostrophe).value).toBe(stored);
      }),
    );
  });

  it('leaves a wholly Latin word as written', () => {
    fc.assert(
      fc.property(word(LATIN), choice, (latin, apostrophe) => {
        expect(cleanName(latin, apostrophe)).toEqual({ value: latin, lookAlikesMapped: false, apostrophesChanged: false });
      }),
    );
  });

  it('maps Latin look-alikes inside a Cyrillic word and says so', () => {
    expect(cleanName('Олiйник')).toEqual({ value: 'Олійник', lookAlikesMapped: true, apostrophesChanged: false });
    expect(cleanName("Мар'яна")).toEqual({ value: 'Марʼяна', lookAlikesMapped: false, apostrophesChanged: true });
    expect(cleanName('John Олiйник').value).toBe('John Олійник');
  });
});
