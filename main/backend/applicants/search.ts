import type { Statement } from 'better-sqlite3';
import type { ApplicantSummary } from '../../../shared/domain/applicant';
import type { Db } from '../db/open';
import { normalizeName } from './search-text';

type ExactMatch = Exclude<ApplicantSummary['match'], 'name'>;

interface SummaryRow {
  id: string;
  kind: ApplicantSummary['kind'];
  display_name: string;
  birth_date: string | null;
  rnokpp: string | null;
  edrpou: string | null;
  id_doc_number: string | null;
  phone: string | null;
}

const COLUMNS = 'a.id, a.kind, a.display_name, a.birth_date, a.rnokpp, a.edrpou, a.id_doc_number, a.phone';

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

/*
 * Name search cost on 1 M applicants, measured (see the report of this change):
 * - an FTS5 prefix term longer than the longest prefix index (3 characters) makes FTS5 merge the
 *   doclists of every matching term up front: milliseconds to tens of milliseconds for
 *   "шевченко"* or "олена"*, whatever the LIMIT; a term of up to 3 characters is read lazily;
 * - bm25() first counts every row matching each phrase (its IDF): tens of milliseconds for a
 *   common prefix, even when the AND of all tokens is small;
 * - a rowid bound on the FTS5 scan also loses the lazy read, so windows are LIMIT subqueries.
 * Hence four paths:
 * - ranked: the first 3 characters of every token match at most RANK_CAP rows, so the full
 *   query can afford bm25 (then display_name): it touches at most RANK_CAP rows per token;
 * - short: every token has at most 3 characters: the newest `limit` hits, read lazily;
 * - windowed: match the 3-character heads, take the newest WINDOW candidates and keep those
 *   whose words start with the full tokens;
 * - if a full window kept fewer than `limit` (a rare name among common heads, or a typo), the
 *   full query runs after all, so no matching applicant goes missing.
 * Pages of the last three are the newest matches (a returning applicant is more likely a recent
 * one), sorted by display_name for the clerk to scan.
 */
const HEAD_LENGTH = 3;
const RANK_CAP = 500;
const WINDOW = 1000;

const RANKED_SQL = `SELECT ${COLUMNS} FROM applicants_fts f JOIN applicants a ON a.rowid = f.rowid
  WHERE applicants_fts MATCH ? AND a.deleted_at IS NULL
  ORDER BY bm25(applicants_fts), a.display_name, a.rowid LIMIT ?`;
const NEWEST_SQL = `SELECT * FROM (
    SELECT ${COLUMNS}, a.rowid AS row_id FROM applicants_fts f JOIN applicants a ON a.rowid = f.rowid
    WHERE applicants_fts MATCH ? AND a.deleted_at IS NULL ORDER BY f.rowid DESC LIMIT ?
  ) ORDER BY display_name, row_id`;
const COUNT_SQL = 'SELECT count(*) FROM (SELECT 1 FROM applicants_fts WHERE applicants_fts MATCH ? LIMIT ?)';
/** Whether the window was full, i.e. there are older candidates than the window held. */
const WINDOW_FULL_SQL = `SELECT count(*) = ${WINDOW} FROM (
  SELECT 1 FROM applicants_fts WHERE applicants_fts MATCH ? ORDER BY rowid DESC LIMIT ${WINDOW})`;

/**
 * search_name is words joined by single spaces, so " token" in " " || search_name is a word
 * start. (A rowid bound on the FTS5 scan instead of the LIMIT subquery is 20× slower: it stops
 * FTS5 reading the prefix index lazily.)
 */
function windowedSql(tokenCount: number): string {
  const wordStarts = Array.from({ length: tokenCount }, () => "instr(' ' || a.search_name, ?) > 0").join(' AND ');
  return `SELECT * FROM (
      SELECT ${COLUMNS}, a.rowid AS row_id
      FROM (SELECT rowid FROM applicants_fts WHERE applicants_fts MATCH ? ORDER BY rowid DESC LIMIT ${WINDOW}) m
      JOIN applicants a ON a.rowid = m.rowid
      WHERE a.deleted_at IS NULL AND ${wordStarts}
      ORDER BY a.rowid DESC LIMIT ?
    ) ORDER BY display_name, row_id`;
}

interface Statements {
  exact: Record<ExactMatch, Statement<[string, number], SummaryRow>>;
  ranked: Statement<[string, number], SummaryRow>;
  newest: Statement<[string, number], SummaryRow>;
  count: Statement<[string, number], number>;
  windowFull: Statement<[string], number>;
  /** By token count; a query has at most 50 tokens (the contract caps it at 100 characters). */
  windowed: Map<number, Statement<(string | number)[], SummaryRow>>;
}

const cache = new WeakMap<Db, Statements>();

function statementsFor(db: Db): Statements {
  let s = cache.get(db);
  if (!s) {
    const exact = (match: ExactMatch) => db.prepare<[string, number], SummaryRow>(EXACT_LOOKUP_SQL[match]);
    s = {
      exact: { rnokpp: exact('rnokpp'), edrpou: exact('edrpou'), id_doc: exact('id_doc'), phone: exact('phone') },
      ranked: db.prepare(RANKED_SQL),
      newest: db.prepare(NEWEST_SQL),
      count: db.prepare<[string, number], number>(COUNT_SQL).pluck(),
      windowFull: db.prepare<[string], number>(WINDOW_FULL_SQL).pluck(),
      windowed: new Map(),
    };
    cache.set(db, s);
  }
  return s;
}

/** Spaces, dashes, parentheses and dots: how clerks and documents group the digits of an identifier. */
const IDENTIFIER_SEPARATORS = /[\s().\-‐‑‒–—]/g;

/** Latin capitals that look like the Cyrillic ones of a passport-booklet series ("AK" typed for "АК"). */
const LATIN_SERIES_LETTERS: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
};

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
    const cyrillic = upper.replace(/[A-Z]/g, (ch) => LATIN_SERIES_LETTERS[ch] ?? ch);
    if (/^[А-ЯЄІЇҐ]{2}/.test(cyrillic)) keys.push({ match: 'id_doc', value: cyrillic });
    // A passport for travel abroad has a genuinely Latin series (FA123456): look that up as typed.
    if (/^[A-Z]{2}/.test(upper) && upper !== cyrillic) keys.push({ match: 'id_doc', value: upper });
  }
  // +380 67 123 45 67, 380671234567, 067-123-45-67 and the older 8 (067) 123-45-67.
  const phone = /^(?:\+?380|80|0)(\d{9})$/.exec(compact);
  if (phone) keys.push({ match: 'phone', value: `+380${phone[1]}` });
  return keys;
}

/** Each token a quoted prefix term, so FTS5 syntax in a query (OR, NEAR, *, ", -) is only ever text. */
function prefixQuery(tokens: readonly string[]): string {
  return tokens.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
}

function nameMatches(db: Db, s: Statements, tokens: readonly string[], limit: number): SummaryRow[] {
  const fullQuery = prefixQuery(tokens);
  const heads = [...new Set(tokens.map((t) => t.slice(0, HEAD_LENGTH)))];
  if (heads.every((head) => s.count.get(prefixQuery([head]), RANK_CAP + 1)! <= RANK_CAP)) return s.ranked.all(fullQuery, limit);
  if (tokens.every((t) => t.length <= HEAD_LENGTH)) return s.newest.all(fullQuery, limit);
  const headQuery = prefixQuery(heads);
  let windowed = s.windowed.get(tokens.length);
  if (!windowed) {
    windowed = db.prepare<(string | number)[], SummaryRow>(windowedSql(tokens.length));
    s.windowed.set(tokens.length, windowed);
  }
  const rows = windowed.all(headQuery, ...tokens.map((t) => ` ${t}`), limit);
  if (rows.length < limit && s.windowFull.get(headQuery) === 1) return s.newest.all(fullQuery, limit);
  return rows;
}

function toSummary(row: SummaryRow, match: ApplicantSummary['match']): ApplicantSummary {
  return {
    id: row.id,
    kind: row.kind,
    displayName: row.display_name,
    birthDate: row.birth_date,
    rnokpp: row.rnokpp,
    edrpou: row.edrpou,
    idDocNumber: row.id_doc_number,
    phone: row.phone,
    match,
  };
}

/**
 * What the clerk types into the applicant search box: an exact identifier (РНОКПП, ЄДРПОУ,
 * document number, phone) and/or a name prefix. Identifier hits come first, then name hits,
 * each applicant once, at most `limit` in all.
 */
export function searchApplicants(db: Db, query: string, limit = 20): ApplicantSummary[] {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, not ${limit}`);
  const s = statementsFor(db);
  const found = new Map<string, ApplicantSummary>();
  for (const key of exactKeys(query)) {
    for (const row of s.exact[key.match].all(key.value, limit)) {
      if (!found.has(row.id)) found.set(row.id, toSummary(row, key.match));
    }
  }
  const tokens = normalizeName(query)
    .split(' ')
    .filter((t) => t !== '');
  // A long run of digits that found its owner is an identifier lookup: names are not searched
  // for it (only a legal name could hold those digits, and that is noise next to the owner).
  const identifierFound = found.size > 0 && tokens.every((t) => /^\d{8,}$/.test(t));
  if (tokens.length > 0 && !identifierFound && found.size < limit) {
    for (const row of nameMatches(db, s, tokens, limit)) {
      if (!found.has(row.id)) found.set(row.id, toSummary(row, 'name'));
    }
  }
  return [...found.values()].slice(0, limit);
}
