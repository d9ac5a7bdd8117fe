import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import type { Column } from '../../kit/DataTable';
import { formatDay } from '../../lib/format';
import { weekdayKey } from './calendar-entry';
import type { TemplateRow, TemplateStatus } from './template-rows';

const STATUS_TEXT = {
  off: 'calendar.template.off',
  worked: 'calendar.template.worked',
  worked_martial_law: 'calendar.template.workedMartialLaw',
} as const satisfies Record<TemplateStatus, string>;

interface TemplateTableProps {
  rows: readonly TemplateRow[];
  year: number;
}

/** The year's statutory holidays and art. 67 transfers, each with whether it is a day off now. */
export function TemplateTable({ rows, year }: TemplateTableProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const columns: Column<TemplateRow>[] = [
    { key: 'date', header: t('calendar.col.date'), rowHeader: true, className: 'calendar-date', cell: (row) => formatDay(row.day) },
    { key: 'weekday', header: t('calendar.col.weekday'), cell: (row) => t(weekdayKey(row.day)) },
    {
      key: 'holiday',
      header: t('calendar.template.col.holiday'),
      cell: (row) => {
        const name = language === 'uk' ? row.holiday.nameUk : row.holiday.nameEn;
        return row.kind === 'transfer' ? t('calendar.template.transfer', { name }) : name;
      },
    },
    {
      key: 'now',
      header: t('calendar.template.col.now'),
      cell: (row) => {
        const status = t(STATUS_TEXT[row.status]);
        return row.byEntry ? t('calendar.template.byEntry', { status }) : status;
      },
    },
  ];
  return (
    <section className="calendar-list" aria-labelledby="calendar-template-title">
      <h3 id="calendar-template-title" className="kit-dialog-subtitle">
        {t('calendar.template.caption', { year })}
      </h3>
      <DataTable<TemplateRow>
        caption={{ labelledBy: 'calendar-template-title' }}
        className="calendar-table"
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.day}-${row.holidayId}`}
        rowClassName={(row) => (row.status === 'off' ? 'calendar-day_off' : 'calendar-working_day')}
        empty=""
      />
    </section>
  );
}
