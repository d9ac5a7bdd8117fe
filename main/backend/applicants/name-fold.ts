/**
 * The folded spelling of a name for the second search tier (docs/ARCHITECTURE.md §5.6): what is
 * left of a normalized name (search-text.ts) once the letters that Russian spellings, hurried
 * typing and keyboards without Ukrainian letters confuse are made one.
 *
 * - ґ is г (a keyboard without ґ, or a document that never had it: «Ґудзь» typed "Гудзь");
 * - е є э ё і ї и ы are one vowel, written и: besides є→е, ї/і→и and the Russian ы→и, э→е,
 *   ё→е, the Russian spelling of a Ukrainian name swaps е, і and и among themselves
 *   (Григорий for Григорій, Олейник for Олійник, Евгений for Євгеній), so folding only
 *   ї/і→и would still miss them;
 * - ъ is dropped, as the apostrophe it stands for in Russian spelling already is.
 *
 * Letter by letter, so a prefix of a normalized name folds to a prefix of its folded form:
 * the FTS5 prefix search over the folded column needs that.
 */
const FOLDED: Readonly<Record<string, string>> = {
  ґ: 'г',
  е: 'и',
  є: 'и',
  э: 'и',
  ё: 'и',
  і: 'и',
  ї: 'и',
  ы: 'и',
  ъ: '',
};

export function foldName(normalized: string): string {
  return normalized.replace(/[ґеєэёіїыъ]/g, (ch) => FOLDED[ch] ?? ch);
}
