/**
 * The registers and exports of docs/ARCHITECTURE.md §5.4 and issue 15: the registration journal
 * (журнал реєстрації), the issue register (журнал видачі результатів), the day's register (every
 * status step of the period) and the open-data set «Дані про надані адміністративні послуги».
 */
import { z } from 'zod';
import { isCalendarDay } from './calendar';
import { ApplicationStatus } from './domain/application-status';

const Day = z.string().refine(isCalendarDay, 'use a real date as YYYY-MM-DD');

/** The longest period one call reads: a year of a busy center is still a file Excel opens. */
export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;

/** Days from `from` to `to`, both counted. */
export function periodDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

function checkPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (p.from > p.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'the period ends before it starts' });
  else if (periodDays(p.from, p.to) > MAX_PERIOD_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `a period is at most ${MAX_PERIOD_DAYS} days` });
}

/** A period of local days of the center, both ends included, with a method's other fields. */
export function withPeriod<T extends z.ZodRawShape>(fields: T) {
  return z
    .object({ from: Day, to: Day, ...fields })
    .strict()
    .superRefine((p, ctx) => checkPeriod(p as { from: string; to: string }, ctx));
}

export const Period = withPeriod({});
export type Period = z.infer<typeof Period>;

const Names = z.object({ uk: z.string(), en: z.string() });

/** One registration: the journal's line. */
export const JournalRow = z.object({
  applicationId: z.string(),
  regNumber: z.string(),
  registeredAt: z.string(),
  applicantName: z.string(),
  service: Names,
  clerkName: z.string().nullable(),
  status: ApplicationStatus,
  sheets: z.number().int().nonnegative(),
  /** What the case's fee came to at registration; null when the case tracks no fee. */
  feeKopecks: z.number().int().nonnegative().nullable(),
});
export type JournalRow = z.infer<typeof JournalRow>;

/** One result handed out: in person (`issued`) or to the post (`sent_by_post`). */
export const IssuedRow = z.object({
  applicationId: z.string(),
  regNumber: z.string(),
  applicantName: z.string(),
  service: Names,
  how: z.enum(['issued', 'sent_by_post']),
  /** The decision: positive, negative, or unknown for a case decided before outcomes were recorded. */
  result: z.enum(['positive', 'negative']).nullable(),
  /** Who took it (issued) or the tracking number (by post). */
  receivedBy: z.string().nullable(),
  issuedAt: z.string(),
  clerkName: z.string().nullable(),
});
export type IssuedRow = z.infer<typeof IssuedRow>;

/** One status step of the period, the registration included: what the day's register lists. */
export const DayRow = z.object({
  applicationId: z.string(),
  regNumber: z.string(),
  at: z.string(),
  applicantName: z.string(),
  service: Names,
  from: ApplicationStatus.nullable(),
  to: ApplicationStatus,
  clerkName: z.string().nullable(),
});
export type DayRow = z.infer<typeof DayRow>;

export const RegisterKind = z.enum(['journal', 'issued', 'day']);
export type RegisterKind = z.infer<typeof RegisterKind>;

/** The national set's columns, in its order (Додаток 38; practice-review §3 P8 [S8]). */
export const OPEN_DATA_FIELDS = [
  'uid',
  'registrationDateTime',
  'code',
  'title',
  'authorityId',
  'authorityName',
  'applicantType',
  'applicantName',
  'applicantId',
  'status',
  'providDate',
  'amount',
  'currency',
  'issuedDate',
] as const;
export type OpenDataField = (typeof OPEN_DATA_FIELDS)[number];

/**
 * One case as the open-data set has it. `applicantName` and `applicantId` are a legal entity's
 * name and ЄДРПОУ; for a person or a sole trader (a person too) they are empty: no personal data.
 */
export const OpenDataRow = z
  .object({
    uid: z.string(),
    registrationDateTime: z.string(),
    code: z.string(),
    title: z.string(),
    authorityId: z.string(),
    authorityName: z.string(),
    applicantType: z.string(),
    applicantName: z.string(),
    applicantId: z.string(),
    status: z.string(),
    providDate: z.string(),
    amount: z.string(),
    currency: z.string(),
    issuedDate: z.string(),
  })
  .strict();
export type OpenDataRow = z.infer<typeof OpenDataRow>;

/** A text export: the file's name and its whole text (a CSV starts with the BOM). */
export const ExportedText = z.object({ fileName: z.string(), text: z.string() });
export type ExportedText = z.infer<typeof ExportedText>;

export const BOM = '\uFEFF';

/**
 * How a CSV is written. Registers: for Excel in a Ukrainian locale, which splits on `;` and reads
 * UTF-8 only after a BOM. Open data: the CSVW default the national schema declares (`,`, no BOM).
 */
export const EXCEL_CSV = { separator: ';', bom: true } as const;
export const OPEN_DATA_CSV = { separator: ',', bom: false } as const;
export type CsvDialect = { separator: ';' | ','; bom: boolean };

/** RFC 4180: a field with the separator, a quote or a line break is quoted, its quotes doubled. */
export function csvField(value: string, separator: CsvDialect['separator']): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A whole CSV file: header, rows, CRLF line ends (RFC 4180), after a BOM where the dialect has one. */
export function toCsv(dialect: CsvDialect, header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header, ...rows].map((cells) => cells.map((cell) => csvField(cell, dialect.separator)).join(dialect.separator));
  return (dialect.bom ? BOM : '') + lines.join('\r\n') + '\r\n';
}
