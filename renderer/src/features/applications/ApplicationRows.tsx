import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ApplicationSummary } from '../../../../shared/domain/application';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../../lib/format';
import { dueText } from '../terms/terms-text';
import { SyncBadge } from '../sync/SyncBadge';
import { STATUS_TEXT } from './status-text';
import { StatusFlagBadges } from './StatusFlagBadges';

/** A row's height before it is measured (four short lines); each drawn row is then measured as laid out. */
const ROW_ESTIMATE_PX = 104;
/** Rows drawn beyond each edge of the view, so a quick scroll or Tab finds them there already. */
const OVERSCAN = 6;
/** How far Page Up / Page Down move the focus. */
const PAGE_ROWS = 10;

interface ApplicationRowsProps {
  /** How many rows the whole list holds, arrived or not. */
  count: number;
  /** The row at `index`, or undefined while it is on its way (a placeholder stands in). */
  rowAt(index: number): ApplicationSummary | undefined;
  /** Told the rows drawn (in view and a few beyond) each time they change, so their pages can be asked for. */
  onRange?(first: number, last: number): void;
  selected: string | null;
  onSelect(id: string): void;
  labelledBy: string;
}

/** The row the key moves focus to from row `from`, or null for a key the list leaves alone. */
function targetRow(key: string, from: number, count: number): number | null {
  const moves: Record<string, number> = {
    ArrowDown: from + 1,
    ArrowUp: from - 1,
    PageDown: from + PAGE_ROWS,
    PageUp: from - PAGE_ROWS,
    Home: 0,
    End: count - 1,
  };
  const to = moves[key];
  return to === undefined ? null : Math.max(0, Math.min(count - 1, to));
}

/**
 * One application's row. Memoised: a page arriving while the list scrolls re-renders only the
 * placeholders it replaces, not the rows already drawn (a frame's budget is 16 ms).
 */
const ApplicationRow = memo(function ApplicationRow({
  summary: a,
  current,
  onSelect,
}: {
  summary: ApplicationSummary;
  current: boolean;
  onSelect(id: string): void;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return (
    <button type="button" className="application-row" aria-current={current ? 'true' : undefined} onClick={() => onSelect(a.id)}>
      <span className="row-number">{a.regNumber}</span>
      <span className="row-name">{a.applicantName}</span>
      <span className="row-service">{language === 'uk' ? a.serviceName.uk : a.serviceName.en}</span>
      <span className="row-meta">
        <span className={`status-badge status-${a.status}`}>{t(STATUS_TEXT[a.status])}</span>
        <StatusFlagBadges flags={a.flags} />
        <SyncBadge sync={a.sync} />
        <span className="muted">
          {formatTime(a.registeredAt)} · {t('applications.dueShort', { date: dueText(language, a.dueDate, a.deadline) })}
        </span>
      </span>
    </button>
  );
});

/**
 * A day's applications, however many (issue 17: 10,000 render in one frame): only the rows in
 * view and a few beyond are in the DOM (TanStack Virtual), each telling a screen reader its place
 * in the whole list. A row not yet arrived is a placeholder that says so; the owner is told which
 * rows are drawn, to fetch them. ↑/↓, Page Up/Down, Home and End move between rows, scrolling the next into view.
 */
export function ApplicationRows({ count, rowAt, onRange, selected, onSelect, labelledBy }: ApplicationRowsProps) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last >= first) onRange?.(first, last);
  }, [first, last, onRange]);

  // The row to focus may be drawn only after the scroll that brings it into view: try after each render until it is.
  useEffect(() => {
    if (focusRow === null) return;
    const button = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusRow}"] button`);
    if (!button) return;
    button.focus();
    setFocusRow(null);
  });

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    const from = Number((event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index'));
    const to = Number.isInteger(from) ? targetRow(event.key, from, count) : null;
    if (to === null) return;
    event.preventDefault();
    virtualizer.scrollToIndex(to);
    setFocusRow(to);
  }

  return (
    <div ref={scroller} className="application-rows-scroller">
      <ul className="application-rows" aria-labelledby={labelledBy} style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {items.map((item) => {
          const a = rowAt(item.index);
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={count}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {a === undefined ? (
                <span className="application-row-pending">{t('applications.rowLoading')}</span>
              ) : (
                <ApplicationRow summary={a} current={a.id === selected} onSelect={onSelect} />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
