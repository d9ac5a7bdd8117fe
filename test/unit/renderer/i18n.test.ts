import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import type { Dictionary } from '../../../renderer/src/i18n/dictionary';
import { dictionaries } from '../../../renderer/src/i18n/dictionaries';
import { errorMessageKey } from '../../../renderer/src/i18n/error-message';
import { LANGUAGES } from '../../../renderer/src/i18n/language';
import { createTranslate, formatMessage } from '../../../renderer/src/i18n/translate';
import { uk } from '../../../renderer/src/i18n/uk';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

describe('formatMessage', () => {
  it('fills every occurrence of each placeholder', () => {
    expect(formatMessage('{a} і {b}, знову {a}', { a: 1, b: 'два' })).toBe('1 і два, знову 1');
  });

  it('leaves an unknown placeholder visible instead of printing "undefined"', () => {
    expect(formatMessage('Версія {version}', {})).toBe('Версія {version}');
  });

  it('returns a template without values unchanged', () => {
    expect(formatMessage('Підключено', undefined)).toBe('Підключено');
  });
});

describe('dictionaries', () => {
  it.each(LANGUAGES)('%s has exactly the Ukrainian keys, each non-empty', (language) => {
    const dictionary: Dictionary = dictionaries[language];
    expect(Object.keys(dictionary).sort()).toEqual(Object.keys(uk).sort());
    for (const text of Object.values(dictionary)) expect(text.trim()).not.toBe('');
  });

  it('uses the same placeholders in English as in Ukrainian', () => {
    for (const key of Object.keys(uk) as Array<keyof typeof uk>) {
      expect(placeholders(dictionaries.en[key]), key).toEqual(placeholders(uk[key]));
    }
  });

  it('writes Ukrainian text in Ukrainian: Latin letters only in names, abbreviations and file names', () => {
    // A clerk reading the Ukrainian UI met «Зберегти English receipt»; these are the Latin words it may hold.
    // Keys are named as their caps are printed, file formats and the scanner's dpi as abbreviations.
    const allowed = new Set([
      'Vikno',
      'Alt',
      'SMS',
      'ID',
      'PDF',
      'config',
      'json',
      'backOffice',
      'url',
      'token',
      'R',
      'Delete',
      'Esc',
      'JPEG',
      'PNG',
      'TIFF',
      'dpi',
      // The registers' export formats and the program a supervisor opens them in.
      'CSV',
      'JSON',
      'Excel',
      'Ctrl',
      'L',
      'PIN',
    ]);
    for (const [key, text] of Object.entries(uk)) {
      const latin = text.replace(/\{\w+\}/g, '').match(/[A-Za-z]+/g) ?? [];
      expect(
        latin.filter((word) => !allowed.has(word)),
        key,
      ).toEqual([]);
    }
  });

  it('has a message in every language for every error code', () => {
    for (const language of LANGUAGES) {
      for (const code of ERROR_CODES) expect(dictionaries[language][errorMessageKey(code)]).toBeTruthy();
    }
  });
});

describe('createTranslate', () => {
  it('looks up the key in the chosen language and fills values', () => {
    expect(createTranslate(dictionaries.uk)('status.version', { version: '0.1.0' })).toBe('Версія 0.1.0');
    expect(createTranslate(dictionaries.en)('status.version', { version: '0.1.0' })).toBe('Version 0.1.0');
  });

  it('is typed from the Ukrainian placeholders', () => {
    const t = createTranslate(dictionaries.uk);
    // @ts-expect-error 'status.version' needs its {version}
    t('status.version');
    // @ts-expect-error 'connection.connected' takes no values
    t('connection.connected', { state: 'x' });
    // @ts-expect-error not a key of the Ukrainian dictionary
    t('no.such.key');
    expect(t('connection.connected')).toBe('підключено');
  });
});
