import type { ApplicationStatus } from '../../../../shared/domain/application-status';
import type { DayRow, IssuedRow, JournalRow, RegisterKind } from '../../../../shared/registers';
import type { Translate } from '../../i18n/dictionary';
import type { Column } from '../../kit/DataTable';
import { formatDateTime, formatUah } from '../../lib/format';

export type RegisterRow = JournalRow | IssuedRow | DayRow;

const status = (t: Translate, s: ApplicationStatus) => t(`appStatus.${s}`);

/** The on-screen columns of each register, the same as its PDF and CSV have. */
export function registerColumns(kind: RegisterKind, t: Translate, lang: 'uk' | 'en'): Column<RegisterRow>[] {
  const reg: Column<RegisterRow> = { key: 'reg', header: t('registers.col.regNumber'), rowHeader: true, cell: (r) => r.regNumber };
  const applicant: Column<RegisterRow> = { key: 'applicant', header: t('registers.col.applicant'), cell: (r) => r.applicantName };
  const service: Column<RegisterRow> = { key: 'service', header: t('registers.col.service'), cell: (r) => r.service[lang] };
  const clerk: Column<RegisterRow> = { key: 'clerk', header: t('registers.col.clerk'), cell: (r) => r.clerkName ?? '' };
  if (kind === 'journal') {
    const row = (r: RegisterRow) => r as JournalRow;
    return [
      reg,
      { key: 'at', header: t('registers.col.registeredAt'), cell: (r) => formatDateTime(row(r).registeredAt) },
      applicant,
      service,
      clerk,
      { key: 'status', header: t('registers.col.status'), cell: (r) => status(t, row(r).status) },
      { key: 'sheets', header: t('registers.col.sheets'), cell: (r) => row(r).sheets },
      { key: 'fee', header: t('registers.col.fee'), cell: (r) => (row(r).feeKopecks === null ? '' : formatUah(row(r).feeKopecks!)) },
    ];
  }
  if (kind === 'issued') {
    const row = (r: RegisterRow) => r as IssuedRow;
    return [
      reg,
      applicant,
      service,
      { key: 'result', header: t('registers.col.result'), cell: (r) => t(`registers.result.${row(r).result ?? 'unknown'}`) },
      { key: 'how', header: t('registers.col.how'), cell: (r) => t(`registers.how.${row(r).how}`) },
      { key: 'receiver', header: t('registers.col.receivedBy'), cell: (r) => row(r).receivedBy ?? '' },
      { key: 'at', header: t('registers.col.issuedAt'), cell: (r) => formatDateTime(row(r).issuedAt) },
      clerk,
    ];
  }
  const row = (r: RegisterRow) => r as DayRow;
  return [
    { key: 'at', header: t('registers.col.time'), cell: (r) => formatDateTime(row(r).at) },
    reg,
    applicant,
    service,
    {
      key: 'event',
      header: t('registers.col.event'),
      cell: (r) => (row(r).from === null ? status(t, row(r).to) : `${status(t, row(r).from!)} → ${status(t, row(r).to)}`),
    },
    clerk,
  ];
}

/** A key unique within any register: a case appears once in the journal, once per step in the day's register. */
export function registerRowKey(row: RegisterRow): string {
  return 'at' in row ? `${row.applicationId}:${row.at}:${row.to}` : row.applicationId;
}
