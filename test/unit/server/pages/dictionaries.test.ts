import { describe, expect, it } from 'vitest';
import * as board from '../../../../server/pages/src/board/i18n';
import * as bookings from '../../../../server/pages/src/bookings/i18n';
import { langFromSearch, translator } from '../../../../server/pages/src/common/i18n';
import * as kiosk from '../../../../server/pages/src/kiosk/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['kiosk', kiosk],
  ['board', board],
  ['bookings', bookings],
])('the %s dictionary', (_name, { uk, en }) => {
  it('has every Ukrainian key in English with the same placeholders, none left empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(uk).sort());
    for (const [key, text] of Object.entries(uk)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text));
    }
  });
});

describe('the pages’ translator', () => {
  it('fills placeholders and leaves a missing one visible', () => {
    const { t } = translator({ uk: kiosk.uk, en: kiosk.en }, 'uk');
    expect(t('ahead', { n: 4 })).toBe('Перед вами: 4');
    expect(t('ahead')).toBe('Перед вами: {n}');
  });

  it('starts in Ukrainian unless the address asks for English', () => {
    expect(langFromSearch('')).toBe('uk');
    expect(langFromSearch('?lang=en')).toBe('en');
    expect(langFromSearch('?lang=de')).toBe('uk');
  });
});
