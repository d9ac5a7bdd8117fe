/**
 * The pages' tiny i18n: each page has its own dictionary (Ukrainian first, English with the same
 * keys, checked by the type), `{name}` placeholders, and the language kept in the URL (`?lang=en`)
 * so a kiosk or board can be started in either from its address.
 */
export type Lang = 'uk' | 'en';
export type Dictionary<K extends string> = Readonly<Record<K, string>>;

export interface Translator<K extends string> {
  readonly lang: Lang;
  t(key: K, values?: Readonly<Record<string, string | number>>): string;
}

export function translator<K extends string>(dictionaries: { uk: Dictionary<K>; en: Dictionary<K> }, lang: Lang): Translator<K> {
  const dictionary = dictionaries[lang];
  return {
    lang,
    t: (key, values = {}) => dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)),
  };
}

/** `?lang=en` → English; anything else Ukrainian. */
export function langFromSearch(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'uk';
}

/** A localised name from a `nameUk`/`nameEn` pair the protocol carries. */
export function localName(item: { nameUk: string; nameEn: string }, lang: Lang): string {
  return lang === 'en' ? item.nameEn : item.nameUk;
}
