import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../../main/backend/applicants/search-text';

describe('normalizeName', () => {
  it('lower-cases Cyrillic', () => {
    expect(normalizeName('ШЕВЧЕНКО Марʼяна')).toBe('шевченко маряна');
  });

  it.each(["Мар'яна", 'Марʼяна', 'Мар’яна', 'Мар`яна', 'Мар‘яна', 'Марʻяна', 'Мар´яна'])('drops the apostrophe of %s', (name) => {
    expect(normalizeName(name)).toBe('маряна');
  });

  it.each([
    ['Олiйник', 'олійник'], // Latin i
    ['Kовальчук', 'ковальчук'], // Latin K
    ['OЛЕНА', 'олена'], // Latin O
    ['ТАРАС', 'тарас'], // Latin T, A, P, A, C
    ['BHM', 'внм'], // upper-case-only look-alikes still map once lower-cased
  ])('maps the Latin look-alikes of %s to Cyrillic', (name, normalized) => {
    expect(normalizeName(name)).toBe(normalized);
  });

  it('maps look-alikes letter by letter, so a normalized prefix is a prefix of the normalized word', () => {
    for (const word of ['Oлешко', 'Microsoft', 'Kim', 'Олiйник']) {
      for (let end = 1; end <= word.length; end += 1) {
        expect(normalizeName(word).startsWith(normalizeName(word.slice(0, end)))).toBe(true);
      }
    }
    // A word with no Cyrillic at all is mapped too: the clerk's first keystroke may be the Latin one.
    expect(normalizeName('O')).toBe(normalizeName('О'));
  });

  it('keeps і, ї, є, ґ apart from и/і, і, е, г', () => {
    expect(normalizeName('Ґ Г Ї І И Є Е Й')).toBe('ґ г ї і и є е й');
  });

  it('composes decomposed letters and drops stray combining marks', () => {
    expect(normalizeName('Андріи\u0306')).toBe('андрій'); // и + combining breve = й
    expect(normalizeName('і\u0308жак')).toBe('їжак'); // Cyrillic і + combining diaeresis = ї
    expect(normalizeName('I\u0308жак')).toBe('їжак'); // Latin I + diaeresis (ï) = ї
    expect(normalizeName('Мари\u0301на')).toBe('марина'); // a stress mark does not split the word
  });

  it('turns other punctuation into single spaces', () => {
    expect(normalizeName('  Квітка-Основʼяненко ')).toBe('квітка основяненко');
    expect(normalizeName('ТОВ «Світанок» (Київ)')).toBe('тов світанок київ');
    expect(normalizeName('"*-() ')).toBe('');
  });
});
