import { foldName } from './name-fold';
import { latinName } from './name-latin';
import { normalizeName } from './search-text';

/**
 * The applicant columns the second and third search tiers match (docs/ARCHITECTURE.md §5.6),
 * derived from the display name on every write: by the commands, by pulled changes (never
 * taken from the payload, which a desk of an older version sent without them) and by
 * migration 0008 for the rows before it.
 */
export function searchTierColumns(displayName: string): { search_folded: string; search_latin: string } {
  const normalized = normalizeName(displayName);
  return { search_folded: foldName(normalized), search_latin: latinName(normalized) };
}
