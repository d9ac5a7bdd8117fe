/** Levenshtein distance: insertions, deletions and substitutions of one letter each cost 1. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * How far a name is from what the clerk typed, for ranking the folded tier: each query token
 * against the start of the name word it is closest to (the clerk types word starts), summed.
 * 0 when every token is the start of a word; «Ґудзь» is 1 from "гудзь", «Григорій» 1 from
 * "григорий". Both sides normalized (search-text.ts), neither folded: folding is what made
 * them match, the letters it merged are what tells the closer names apart.
 */
export function nameDistance(tokens: readonly string[], searchName: string): number {
  const words = searchName.split(' ').filter((w) => w !== '');
  return tokens.reduce((sum, token) => {
    const length = [...token].length;
    const closest = Math.min(...words.map((w) => editDistance(token, [...w].slice(0, length).join(''))));
    return sum + (Number.isFinite(closest) ? closest : length);
  }, 0);
}
