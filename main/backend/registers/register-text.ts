import type { ApplicationStatus } from '../../../shared/domain/application-status';
import type { DayRow, IssuedRow, JournalRow } from '../../../shared/registers';
import { formatLocalDateTime } from '../receipts/receipt-text';

export type RegisterLang = 'uk' | 'en';

const STATUS: Record<RegisterLang, Record<ApplicationStatus, string>> = {
  uk: {
    registered: 'зареєстровано',
    sent_to_provider: 'передано суб’єкту',
    in_progress: 'на розгляді',
    needs_info: 'зупинено',
    result_ready: 'результат готовий',
    issued: 'видано',
    sent_by_post: 'надіслано поштою',
    delivered: 'вручено поштою',
    transferred: 'передано за належністю',
    withdrawn: 'відкликано',
    registered_in_error: 'зареєстровано помилково',
    returned_unclaimed: 'повернуто неотриманим',
    refused: 'відмовлено (попередня версія)',
  },
  en: {
    registered: 'registered',
    sent_to_provider: 'handed to the provider',
    in_progress: 'in progress',
    needs_info: 'suspended',
    result_ready: 'result ready',
    issued: 'issued',
    sent_by_post: 'sent by post',
    delivered: 'delivered by post',
    transferred: 'transferred',
    withdrawn: 'withdrawn',
    registered_in_error: 'registered in error',
    returned_unclaimed: 'returned unclaimed',
    refused: 'refused (earlier version)',
  },
};

const WORDS = {
  uk: {
    title: { journal: 'Журнал реєстрації звернень', issued: 'Журнал видачі результатів', day: 'Реєстр дня' },
    period: (from: string, to: string) => (from === to ? `за ${from}` : `за період з ${from} по ${to}`),
    count: 'Записів',
    sign: 'Відповідальна особа ЦНАП (підпис, ПІБ)',
    positive: 'позитивний',
    negative: 'відмова',
    unknown: '—',
    issuedHow: { issued: 'видано особисто', sent_by_post: 'надіслано поштою' },
  },
  en: {
    title: {
      journal: 'Registration journal (translation)',
      issued: 'Issue register (translation)',
      day: 'Register of the day (translation)',
    },
    period: (from: string, to: string) => (from === to ? `for ${from}` : `from ${from} to ${to}`),
    count: 'Entries',
    sign: 'Responsible officer of the center (signature, name)',
    positive: 'positive',
    negative: 'refusal',
    unknown: '—',
    issuedHow: { issued: 'issued in person', sent_by_post: 'sent by post' },
  },
} as const;

export function registerWords(lang: RegisterLang) {
  return WORDS[lang];
}

/** Hryvnias with a decimal comma, as a Ukrainian Excel reads a number and a Ukrainian reads a sum. */
export function formatHryvnias(kopecks: number | null): string {
  return kopecks === null ? '' : (kopecks / 100).toFixed(2).replace('.', ',');
}

interface Column<Row> {
  title: Record<RegisterLang, string>;
  /** Its share of the PDF table's width. */
  share: number;
  cell: (row: Row, lang: RegisterLang, timeZone: string) => string;
}

const col = <Row>(uk: string, en: string, share: number, cell: Column<Row>['cell']): Column<Row> => ({ title: { uk, en }, share, cell });
const serviceName = (row: { service: { uk: string; en: string } }, lang: RegisterLang) => row.service[lang];

/** The columns of each register: the PDF's table and the CSV's header and cells are the same; each register's shares add up to 1. */
export const REGISTER_COLUMNS: { journal: Column<JournalRow>[]; issued: Column<IssuedRow>[]; day: Column<DayRow>[] } = {
  journal: [
    col('Реєстраційний номер', 'Registration number', 0.18, (r) => r.regNumber),
    col('Дата і час', 'Date and time', 0.1, (r, _l, tz) => formatLocalDateTime(r.registeredAt, tz)),
    col('Заявник', 'Applicant', 0.16, (r) => r.applicantName),
    col('Послуга', 'Service', 0.2, serviceName),
    col('Адміністратор', 'Clerk', 0.11, (r) => r.clerkName ?? ''),
    col('Стан', 'Status', 0.11, (r, l) => STATUS[l][r.status]),
    col('Аркушів', 'Sheets', 0.06, (r) => String(r.sheets)),
    col('Плата, грн', 'Fee, UAH', 0.08, (r) => formatHryvnias(r.feeKopecks)),
  ],
  issued: [
    col('Реєстраційний номер', 'Registration number', 0.18, (r) => r.regNumber),
    col('Заявник', 'Applicant', 0.14, (r) => r.applicantName),
    col('Послуга', 'Service', 0.17, serviceName),
    col('Результат', 'Result', 0.08, (r, l) => (r.result === null ? WORDS[l].unknown : WORDS[l][r.result])),
    col('Як видано', 'How', 0.1, (r, l) => WORDS[l].issuedHow[r.how]),
    col('Отримувач / трек-номер', 'Receiver / tracking number', 0.13, (r) => r.receivedBy ?? ''),
    col('Видано', 'Issued at', 0.1, (r, _l, tz) => formatLocalDateTime(r.issuedAt, tz)),
    col('Адміністратор', 'Clerk', 0.1, (r) => r.clerkName ?? ''),
  ],
  day: [
    col('Час', 'Time', 0.1, (r, _l, tz) => formatLocalDateTime(r.at, tz)),
    col('Реєстраційний номер', 'Registration number', 0.18, (r) => r.regNumber),
    col('Заявник', 'Applicant', 0.17, (r) => r.applicantName),
    col('Послуга', 'Service', 0.21, serviceName),
    col('Подія', 'Event', 0.2, (r, l) => (r.from === null ? STATUS[l][r.to] : `${STATUS[l][r.from]} → ${STATUS[l][r.to]}`)),
    col('Адміністратор', 'Clerk', 0.14, (r) => r.clerkName ?? ''),
  ],
};

export type RegisterRows =
  { kind: 'journal'; rows: JournalRow[] } | { kind: 'issued'; rows: IssuedRow[] } | { kind: 'day'; rows: DayRow[] };

/** A register as a header and text cells in `lang`, times on the center's clock. */
export function registerTable(
  register: RegisterRows,
  lang: RegisterLang,
  timeZone: string,
): { columns: Array<{ title: string; share: number }>; rows: string[][] } {
  const columns = REGISTER_COLUMNS[register.kind] as Column<unknown>[];
  return {
    columns: columns.map((c) => ({ title: c.title[lang], share: c.share })),
    rows: (register.rows as unknown[]).map((row) => columns.map((c) => c.cell(row, lang, timeZone))),
  };
}
