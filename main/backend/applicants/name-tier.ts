import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { COLUMNS } from './summary-row';
import type { SummaryRow } from './summary-row';

/** An applicants column of words and the FTS5 prefix index over it (0002, 0008). */
export interface NameIndex {
  fts: 'applicants_fts' | 'applicants_folded_fts' | 'applicants_latin_fts';
  column: 'search_name' | 'search_folded' | 'search_latin';
}

export const EXACT_NAMES: NameIndex = { fts: 'applicants_fts', column: 'search_name' };
export const FOLDED_NAMES: NameIndex = { fts: 'applicants_folded_fts', column: 'search_folded' };
export const LATIN_NAMES: NameIndex = { fts: 'applicants_latin_fts', column: 'search_latin' };

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
 * Each tier (docs/ARCHITECTURE.md §5.6) runs these paths over its own column and index.
 */
const HEAD_LENGTH = 3;
const RANK_CAP = 500;
const WINDOW = 1000;

interface Statements {
  ranked: Statement<[string, number], SummaryRow>;
  newest: Statement<[string, number], SummaryRow>;
  count: Statement<[string, number], number>;
  windowFull: Statement<[string], number>;
  /** By token count; a query has at most 50 tokens (the contract caps it at 100 characters). */
  windowed: Map<number, Statement<(string | number)[], SummaryRow>>;
}

function prepare(db: Db, { fts }: NameIndex): Statements {
  return {
    ranked: db.prepare(`SELECT ${COLUMNS} FROM ${fts} f JOIN applicants a ON a.rowid = f.rowid
      WHERE ${fts} MATCH ? AND a.deleted_at IS NULL
      ORDER BY bm25(${fts}), a.display_name, a.rowid LIMIT ?`),
    newest: db.prepare(`SELECT * FROM (
        SELECT ${COLUMNS}, a.rowid AS row_id FROM ${fts} f JOIN applicants a ON a.rowid = f.rowid
        WHERE ${fts} MATCH ? AND a.deleted_at IS NULL ORDER BY f.rowid DESC LIMIT ?
      ) ORDER BY display_name, row_id`),
    count: db.prepare<[string, number], number>(`SELECT count(*) FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ? LIMIT ?)`).pluck(),
    /** Whether the window was full, i.e. there are older candidates than the window held. */
    windowFull: db
      .prepare<[string], number>(
        `SELECT count(*) = ${WINDOW} FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ${WINDOW})`,
      )
      .pluck(),
    windowed: new Map(),
  };
}

/**
 * The column is words joined by single spaces, so " token" in " " || column is a word start.
 * (A rowid bound on the FTS5 scan instead of the LIMIT subquery is 20× slower: it stops FTS5
 * reading the prefix index lazily.)
 */
function windowedSql({ fts, column }: NameIndex, tokenCount: number): string {
  const wordStarts = Array.from({ length: tokenCount }, () => `instr(' ' || a.${column}, ?) > 0`).join(' AND ');
  return `SELECT * FROM (
      SELECT ${COLUMNS}, a.rowid AS row_id
      FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ${WINDOW}) m
      JOIN applicants a ON a.rowid = m.rowid
      WHERE a.deleted_at IS NULL AND ${wordStarts}
      ORDER BY a.rowid DESC LIMIT ?
    ) ORDER BY display_name, row_id`;
}

const cache = new WeakMap<Db, Map<NameIndex, Statements>>();

function statementsFor(db: Db, index: NameIndex): Statements {
  let byIndex = cache.get(db);
  if (!byIndex) {
    byIndex = new Map();
    cache.set(db, byIndex);
  }
  let s = byIndex.get(index);
  if (!s) {
    s = prepare(db, index);
    byIndex.set(index, s);
  }
  return s;
}

/** Each token a quoted prefix term, so FTS5 syntax in a query (OR, NEAR, *, ", -) is only ever text. */
function prefixQuery(tokens: readonly string[]): string {
  return tokens.map((t) => `"${t.replaceAll('"', '""')}"*`).join(' ');
}

/** Applicants whose words in `index` start with every token, at most `limit`, by the paths above. */
export function nameMatches(db: Db, index: NameIndex, tokens: readonly string[], limit: number): SummaryRow[] {
  const s = statementsFor(db, index);
  const fullQuery = prefixQuery(tokens);
  const heads = [...new Set(tokens.map((t) => t.slice(0, HEAD_LENGTH)))];
  if (heads.every((head) => s.count.get(prefixQuery([head]), RANK_CAP + 1)! <= RANK_CAP)) return s.ranked.all(fullQuery, limit);
  if (tokens.every((t) => t.length <= HEAD_LENGTH)) return s.newest.all(fullQuery, limit);
  const headQuery = prefixQuery(heads);
  let windowed = s.windowed.get(tokens.length);
  if (!windowed) {
    windowed = db.prepare<(string | number)[], SummaryRow>(windowedSql(index, tokens.length));
    s.windowed.set(tokens.length, windowed);
  }
  const rows = windowed.all(headQuery, ...tokens.map((t) => ` ${t}`), limit);
  if (rows.length < limit && s.windowFull.get(headQuery) === 1) return s.newest.all(fullQuery, limit);
  return rows;
}
