/**
 * The order of a set's pages after one is moved: positions are 1-based and always 1..n, so a
 * move past the end puts the page last.
 */
export function movedOrder<T>(ids: readonly T[], id: T, position: number): T[] {
  const from = ids.indexOf(id);
  if (from < 0) return [...ids];
  const rest = ids.filter((_, index) => index !== from);
  const at = Math.min(Math.max(position, 1), ids.length) - 1;
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
