import { cyrillicCapitals } from '../../../shared/validate/look-alikes';
import type { Statement } from 'better-sqlite3';
import type { ApplicantSummary } from '../../../shared/domain/applicant';
import type { Db } from '../db/open';
import { nameDistance } from './name-distance';
import { foldName } from './name-fold';
import { EXACT_NAMES, FOLDED_NAMES, LATIN_NAMES, nameMatches } from './name-tier';
import { latinQuery, normalizeName } from './search-text';
import { COLUMNS, toSummary } from './summary-row';
import type { SummaryRow } from './summary-row';

type ExactMatch = 'rnokpp' | 'edrpou' | 'id_doc' | 'phone';

/**
 * One statement per identifier. `column = ?` implies `column IS NOT NULL`, so SQLite can use the
 * partial indexes of 0002-domain (a test checks the plan). Exported for that test.
 */
export const EXACT_LOOKUP_SQL: Readonly<Record<ExactMatch, string>> = {
  rnokpp: `SELECT ${COLUMNS} FROM applicants a WHERE a.rnokpp = ? AND a.deleted_at IS NULL ORDER BY a.display_name, a.rowid LIMIT ?`,
  edrpou: `SELECT ${COLUMNS} FROM applicants a WHERE a.edrpou = ? AND a.deleted_at IS NULL ORDER BY a.display_name, a.rowid LIMIT ?`,
  id_doc: `SELECT ${COLUMNS} FROM applicants a WHERE a.id_doc_number = ? AND a.deleted_at IS NULL ORDER BY a.display_name, a.rowid LIMIT ?`,
  phone: `SELECT ${COLUMNS} FROM applicants a WHERE a.phone = ? AND a.deleted_at IS NULL ORDER BY a.display_name, a.rowid LIMIT ?`,
};

/** A partial РНОКПП: its first 6–9 digits, found by a range on applicants_rnokpp (never a scan; a test checks the plan). */
export const RNOKPP_PREFIX_SQL = `SELECT ${COLUMNS} FROM applicants a
  WHERE a.rnokpp >= ? AND a.rnokpp < ? AND a.deleted_at IS NULL ORDER BY a.rnokpp LIMIT ?`;

interface Statements {
  exact: Record<ExactMatch, Statement<[string, number], SummaryRow>>;
  rnokppPrefix: Statement<[string, string, number], SummaryRow>;
}

const cache = new WeakMap<Db, Statements>();

function statementsFor(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    const exact = (match: ExactMatch) => db.prepare<[string, number], SummaryRow>(EXACT_LOOKUP_SQL[match]);
    s = {
      exact: { rnokpp: exact('rnokpp'), edrpou: exact('edrpou'), id_doc: exact('id_doc'), phone: exact('phone') },
      rnokppPrefix: db.prepare(RNOKPP_PREFIX_SQL),
    };
    cache.set(db, s);
  }
  return s;
}

/** Spaces, dashes, parentheses and dots: how clerks and documents group the digits of an identifier. */
const IDENTIFIER_SEPARATORS = /[\s().\-‐‑‒–—]/g;

interface ExactKey {
  match: ExactMatch;
  value: string;
}

/** Every identifier the query could be; one string can be two (0671234567: an РНОКПП or a phone). */
function exactKeys(query: string): ExactKey[] {
  const compact = query.replace(IDENTIFIER_SEPARATORS, '');
  const keys: ExactKey[] = [];
  if (/^\d{10}$/.test(compact)) keys.push({ match: 'rnokpp', value: compact });
  if (/^\d{8}$/.test(compact)) keys.push({ match: 'edrpou', value: compact });
  // An ID card's document number is 9 digits.
  if (/^\d{9}$/.test(compact)) keys.push({ match: 'id_doc', value: compact });
  const upper = compact.toUpperCase();
  if (/^\p{L}{2}\d{6}$/u.test(upper)) {
    const cyrillic = cyrillicCapitals(upper);
    if (/^[А-ЯЄІЇҐ]{2}/.test(cyrillic)) keys.push({ match: 'id_doc', value: cyrillic });
    // A passport for travel abroad has a genuinely Latin series (FA123456): look that up as typed.
    if (/^[A-Z]{2}/.test(upper) && upper !== cyrillic) keys.push({ match: 'id_doc', value: upper });
  }
  // +380 67 123 45 67, 380671234567, 067-123-45-67 and the older 8 (067) 123-45-67.
  const phone = /^(?:\+?380|80|0)(\d{9})$/.exec(compact);
  if (phone) keys.push({ match: 'phone', value: `+380${phone[1]}` });
  return keys;
}

/** The digits of a partial РНОКПП (6–9 of its 10), or null. */
function rnokppPrefix(query: string): string | null {
  const compact = query.replace(IDENTIFIER_SEPARATORS, '');
  return /^\d{6,9}$/.test(compact) ? compact : null;
}

/**
 * What the clerk types into the applicant search box: an identifier (РНОКПП, ЄДРПОУ, document
 * number, phone, or the first 6–9 digits of an РНОКПП) and/or a name. Identifier hits come
 * first, then the name tiers of docs/ARCHITECTURE.md §5.6, each only while the page is not
 * full: the exact letters, then (for a Cyrillic query) the folded spelling ranked by edit
 * distance, or (for a query in Latin letters) the КМУ-55 transliteration. Each applicant once,
 * marked with what matched, at most `limit` in all.
 */
export function searchApplicants(db: Db, query: string, limit = 20): ApplicantSummary[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, not ${limit}`);
  const s = statementsFor(db);
  const found = new Map<string, ApplicantSummary>();
  const add = (rows: readonly SummaryRow[], match: ApplicantSummary['match']) => {
    for (const row of rows) if (!found.has(row.id)) found.set(row.id, toSummary(row, match));
  };
  for (const key of exactKeys(query)) add(s.exact[key.match].all(key.value, limit), key.match);
  const partial = rnokppPrefix(query);
  // ':' sorts right after '9', and an РНОКПП is digits only (0002's CHECK).
  if (partial !== null) add(s.rnokppPrefix.all(partial, `${partial}:`, limit), 'rnokpp_prefix');
  const tokens = normalizeName(query)
    .split(' ')
    .filter((t) => t !== '');
  // A run of digits that found its owner is an identifier lookup: names are not searched for
  // it (only a legal name could hold those digits, and that is noise next to the owner).
  const identifierFound = found.size > 0 && tokens.every((t) => /^\d{6,}$/.test(t));
  if (tokens.length === 0 || identifierFound) return [...found.values()].slice(0, limit);
  if (found.size < limit) add(nameMatches(db, EXACT_NAMES, tokens, limit), 'name');
  const latin = latinQuery(query);
  if (found.size < limit && latin !== null) {
    add(nameMatches(db, LATIN_NAMES, latin.split(' '), limit + found.size), 'latin');
    return [...found.values()].slice(0, limit);
  }
  // A token of ъ alone folds to nothing; digits fold to themselves, and tier 1 has asked for them.
  const folded = tokens.map(foldName).filter((t) => t !== '');
  if (found.size < limit && folded.some((t) => /\p{L}/u.test(t))) {
    // A page's worth (tier 1's rows among them are dropped): asking for more makes the windowed
    // path fall back to the full query far more often, for a ranking only slightly better.
    const candidates = nameMatches(db, FOLDED_NAMES, folded, limit + found.size)
      .filter((row) => !found.has(row.id))
      .map((row) => ({ row, distance: nameDistance(tokens, row.search_name) }))
      .sort((x, y) => x.distance - y.distance);
    add(
      candidates.map((c) => c.row),
      'folded',
    );
  }
  return [...found.values()].slice(0, limit);
}
