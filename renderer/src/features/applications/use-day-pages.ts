import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApplicationSummary } from '../../../../shared/domain/application';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';

/** Rows asked for at a time: about ten screens of the list, some 50 KB of JSON. */
export const DAY_PAGE_ROWS = 100;

/** Rows beyond the drawn ones whose pages are asked for already, so scrolling finds them arrived rather than placeholders. */
const AHEAD = DAY_PAGE_ROWS / 2;

/** Today's list as far as it has arrived: the day's count, and the pages the list has scrolled past so far. */
export interface DayList {
  total: number;
  /** The backend's mark that keeps every page of this reading in step (contract: `applications.listToday`). */
  upTo: number;
  pages: ReadonlyMap<number, readonly ApplicationSummary[]>;
  /**
   * The previous reading's pages, shown where this reading's have not arrived yet: a list read
   * afresh after each sync cycle does not flash placeholders over the rows the clerk is looking at.
   */
  earlier: ReadonlyMap<number, readonly ApplicationSummary[]>;
}

export interface DayPages {
  list: DayList | null;
  error: ErrorBody | null;
  /** The row at `index`, or undefined while its page is on its way. */
  rowAt(index: number): ApplicationSummary | undefined;
  /** The list shows rows `first`..`last`: asks for the pages holding them that it has not asked for yet. */
  showRange(first: number, last: number): void;
}

/**
 * Today's applications a page at a time (issue 17): the first page comes with the day's count,
 * the rest as the virtual list scrolls to them, and what has arrived is kept. `reading` changing
 * (a reload, a finished sync cycle) reads the list afresh; the rows on screen stay until the new
 * reading's pages replace them, and an answer of an earlier reading is dropped.
 */
export function useDayPages(reading: unknown): DayPages {
  const [list, setList] = useState<DayList | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const generation = useRef(0);
  /** Null until this reading's first page has answered: pages asked for before then would belong to no reading. */
  const upTo = useRef<number | null>(null);
  const asked = useRef(new Set<number>());
  const inView = useRef<[number, number]>([0, 0]);

  const total = useRef(0);

  const showRange = useCallback((first: number, last: number) => {
    inView.current = [first, last];
    const mark = upTo.current;
    if (mark === null) return;
    const reading = generation.current;
    const from = Math.max(0, first - AHEAD);
    const to = Math.min(total.current - 1, last + AHEAD);
    for (let page = Math.floor(from / DAY_PAGE_ROWS); page <= Math.floor(to / DAY_PAGE_ROWS); page += 1) {
      if (asked.current.has(page)) continue;
      asked.current.add(page);
      void api.call('applications.listToday', { offset: page * DAY_PAGE_ROWS, limit: DAY_PAGE_ROWS, upTo: mark }).then((result) => {
        if (reading !== generation.current) return;
        if (!result.ok) {
          // Asked again when the list next shows these rows (a retry, a scroll).
          asked.current.delete(page);
          setError(result.error);
          return;
        }
        setList((now) => (now && now.upTo === mark ? { ...now, pages: new Map(now.pages).set(page, result.value.rows) } : now));
      });
    }
  }, []);

  useEffect(() => {
    const reading = ++generation.current;
    upTo.current = null;
    asked.current = new Set([0]);
    void api.call('applications.listToday', { offset: 0, limit: DAY_PAGE_ROWS }).then((result) => {
      if (reading !== generation.current) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const { rows } = result.value;
      upTo.current = result.value.upTo;
      total.current = result.value.total;
      setList((before) => ({
        total: result.value.total,
        upTo: result.value.upTo,
        pages: new Map([[0, rows]]),
        earlier: before ? new Map([...before.earlier, ...before.pages]) : new Map(),
      }));
      setError(null);
      showRange(...inView.current);
    });
  }, [reading, showRange]);

  const rowAt = useCallback(
    (index: number) => {
      const page = Math.floor(index / DAY_PAGE_ROWS);
      return (list?.pages.get(page) ?? list?.earlier.get(page))?.[index % DAY_PAGE_ROWS];
    },
    [list],
  );
  return { list, error, rowAt, showRange };
}
