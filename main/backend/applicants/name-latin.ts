/**
 * The Latin spelling of a name for the third search tier (docs/ARCHITECTURE.md §5.6): the
 * official transliteration of Ukrainian (постанова КМУ від 27.01.2010 №55), the one in
 * Ukrainian passports for travel abroad, so "Shevchenko" finds «Шевченко» and "Zghurskyi"
 * finds «Згурський».
 *
 * Input is a normalized name (search-text.ts): lower case, apostrophes already dropped (the
 * resolution does not render them either, nor ь). The rules that look at context:
 * - є ї й ю я are ye yi y yu ya at the start of a word, ie i i iu ia elsewhere;
 * - зг is zgh, so that it is not read as the zh of ж.
 * Both look only at the letter before, so the Latin of a prefix is a prefix of the Latin of
 * the word. Russian letters a Russian spelling brings in are given their nearest Ukrainian
 * reading (ы y, э e, ё as є, ъ dropped). Latin letters and digits stay as they are.
 */
const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  ы: 'y',
  э: 'e',
  ё: 'ie',
  ъ: '',
};

const WORD_START: Readonly<Record<string, string>> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya', ё: 'ye' };

export function latinName(normalized: string): string {
  let out = '';
  let previous = ' ';
  for (const ch of normalized) {
    const atWordStart = previous === ' ';
    if (ch === 'г' && previous === 'з') out += 'gh';
    else out += (atWordStart ? WORD_START[ch] : undefined) ?? LATIN[ch] ?? ch;
    previous = ch;
  }
  return out;
}
