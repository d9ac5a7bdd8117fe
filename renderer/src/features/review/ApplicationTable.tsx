import { useMemo, useState } from 'react';
import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_includesString,
  flexRender,
  globalFilteringFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import type { ColumnDef } from '@tanstack/react-table';
import type { ReviewRow } from '../../../../shared/review';
import { useShellStore } from '../../app/shell-store';
import { useLanguageStore } from '../../i18n/language-store';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { TextInput } from '../../kit/TextInput';
import { formatDay } from '../../lib/format';
import { STATUS_TEXT } from '../applications/status-text';
import { requestApplications } from '../applications/applications-request';

/** A row of a review list, with what that list adds to it (days waited, what is owed), already worded. */
export type ListRow = ReviewRow & { extra?: string };

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric },
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString },
});

/** Opens the application's card on the applications screen (as the queue panel does for a result to collect). */
function openCard(row: ReviewRow): void {
  requestApplications({ query: row.regNumber, selected: row.id });
  useShellStore.getState().showScreen('applications');
}

interface ApplicationTableProps {
  caption: string;
  rows: readonly ListRow[];
}

/** One of the review's lists: sortable by every column, filtered by any text in it, each row opening its card. */
export function ApplicationTable({ caption, rows }: ApplicationTableProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [filter, setFilter] = useState('');
  const data = useMemo(() => [...rows], [rows]);
  const hasExtra = rows.some((r) => r.extra !== undefined);
  const columns = useMemo<Array<ColumnDef<typeof features, ListRow>>>(() => {
    const column = (id: string, header: PlainMessageKey, value: (row: ListRow) => string): ColumnDef<typeof features, ListRow> => ({
      id,
      header: t(header),
      accessorFn: value,
      sortFn: 'alphanumeric',
      filterFn: 'includesString',
    });
    return [
      column('regNumber', 'review.col.regNumber', (r) => r.regNumber),
      column('applicant', 'review.col.applicant', (r) => r.applicantName),
      column('service', 'review.col.service', (r) => (language === 'uk' ? r.service.uk : r.service.en)),
      column('clerk', 'review.col.clerk', (r) => r.clerkName),
      column('status', 'review.col.status', (r) => t(STATUS_TEXT[r.status])),
      // ISO days sort as they should; the cell shows them formatted.
      { ...column('registeredOn', 'review.col.registeredOn', (r) => r.registeredOn), cell: (info) => formatDay(info.getValue<string>()) },
      {
        ...column('due', 'review.col.due', (r) => r.dueDate ?? ''),
        cell: (info) => formatDay(info.getValue<string>() || null) || t('review.none'),
      },
      ...(hasExtra ? [column('extra', 'review.col.extra', (r) => r.extra ?? '')] : []),
    ];
  }, [t, language, hasExtra]);
  const table = useTable({
    features,
    columns,
    data,
    globalFilterFn: 'includesString',
    state: { globalFilter: filter },
    onGlobalFilterChange: (next) => setFilter(typeof next === 'function' ? next(filter) : String(next ?? '')),
  });
  const shown = table.getRowModel().rows;
  return (
    <div className="review-list">
      <TextInput
        id="review-list-filter"
        label={t('review.filter')}
        placeholder={t('review.filterPlaceholder')}
        value={filter}
        onChange={setFilter}
      />
      <p className="muted" role="status">
        {t('review.rows', { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="kit-table-empty">{t('review.empty')}</p>
      ) : (
        <table className="kit-table review-table">
          <caption className="kit-table-caption">{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const title = String(header.column.columnDef.header);
                  return (
                    <th key={header.id} scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                      <button type="button" className="review-sort" onClick={header.column.getToggleSortingHandler()}>
                        {title}
                        {sorted && (
                          <span className="visually-hidden"> ({t(sorted === 'asc' ? 'review.sortedAsc' : 'review.sortedDesc')})</span>
                        )}
                        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id}>
                {row.getAllCells().map((cell, index) =>
                  index === 0 ? (
                    <th key={cell.id} scope="row">
                      <button
                        type="button"
                        className="review-open"
                        aria-label={t('review.open', { number: row.original.regNumber })}
                        onClick={() => openCard(row.original)}
                      >
                        {row.original.regNumber}
                      </button>
                    </th>
                  ) : (
                    <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
