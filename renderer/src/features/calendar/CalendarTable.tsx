import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DataTable } from '../../kit/DataTable';
import type { Column } from '../../kit/DataTable';
import { formatDay } from '../../lib/format';
import { KIND_TEXT, weekdayKey } from './calendar-entry';
import type { ListedEntry } from './calendar-entry';

interface CalendarTableProps {
  days: readonly ListedEntry[];
  year: number;
  labelledBy: string;
  /** Absent for a clerk who may only read the calendar: no actions column then. */
  onRemove?: ((day: string) => void) | undefined;
  busy: boolean;
}

/** The year's days off and transferred working days, each removable (after a confirmation) by a supervisor. */
export function CalendarTable({ days, year, labelledBy, onRemove, busy }: CalendarTableProps) {
  const t = useT();
  const columns: Column<ListedEntry>[] = [
    { key: 'date', header: t('calendar.col.date'), rowHeader: true, className: 'calendar-date', cell: (entry) => formatDay(entry.day) },
    { key: 'weekday', header: t('calendar.col.weekday'), cell: (entry) => t(weekdayKey(entry.day)) },
    { key: 'kind', header: t('calendar.col.kind'), cell: (entry) => t(KIND_TEXT[entry.kind]) },
    {
      key: 'name',
      header: t('calendar.col.name'),
      cell: (entry) => (
        <>
          {entry.name === '' ? <span className="muted">{t('calendar.noName')}</span> : entry.name}
          {entry.pending && <span className="calendar-pending"> ({t('calendar.pending')})</span>}
        </>
      ),
    },
  ];
  if (onRemove) {
    columns.push({
      key: 'actions',
      header: t('calendar.col.actions'),
      headerHidden: true,
      cell: (entry) => {
        const date = formatDay(entry.day);
        return (
          <Button
            variant="danger"
            aria-label={t('calendar.removeDay', { date })}
            disabled={busy}
            confirm={{
              question: t('calendar.removeQuestion', { date }),
              yes: t('calendar.removeYes', { date }),
              no: t('calendar.removeNo'),
            }}
            onClick={() => onRemove(entry.day)}
          >
            {t('calendar.remove')}
          </Button>
        );
      },
    });
  }
  return (
    <DataTable<ListedEntry>
      caption={{ labelledBy }}
      className="calendar-table"
      columns={columns}
      rows={days}
      rowKey={(entry) => entry.day}
      rowClassName={(entry) => `calendar-${entry.kind}`}
      empty={t('calendar.empty', { year })}
    />
  );
}
