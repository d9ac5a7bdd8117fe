import type { Handlers } from '../../../shared/contract';
import { EXCEL_CSV, OPEN_DATA_CSV, OPEN_DATA_FIELDS, toCsv } from '../../../shared/registers';
import type { Period, RegisterKind } from '../../../shared/registers';
import { appendAudit } from '../audit/audit-log';
import { runCommand } from '../commands/unit-of-work';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { renderPaper } from '../papers/paper-pdf';
import { formatDay } from '../receipts/receipt-text';
import { dayRows, issuedRows, journalRows, openDataRows } from './register-rows';
import { registerTable, registerWords } from './register-text';
import type { RegisterLang, RegisterRows } from './register-text';

export interface RegisterDeps extends HandlerDeps {
  /** Where the receipt's fonts are (see receipts/handlers.ts): the registers print with them. */
  fontDir: string;
}

function rowsOf(deps: RegisterDeps, kind: RegisterKind, period: Period): RegisterRows {
  const zone = deps.desk.timeZone;
  if (kind === 'journal') return { kind, rows: journalRows(deps.db, period) };
  if (kind === 'issued') return { kind, rows: issuedRows(deps.db, period, zone) };
  return { kind, rows: dayRows(deps.db, period, zone) };
}

const FILE_STEM: Record<RegisterKind | 'open_data', string> = {
  journal: 'zhurnal-reiestratsii',
  issued: 'zhurnal-vydachi',
  day: 'reiestr-dnia',
  open_data: 'vidkryti-dani',
};

const fileName = (kind: RegisterKind | 'open_data', period: Period, ext: string) =>
  `${FILE_STEM[kind]}-${period.from}${period.to === period.from ? '' : `--${period.to}`}.${ext}`;

/**
 * An export carries citizens' data out of the desk: who exported what, for which period and how
 * many rows is logged (`export.<kind>`), as papers and receipts are.
 */
function auditExport(
  deps: RegisterDeps,
  ctx: CallContext,
  kind: RegisterKind | 'open_data',
  period: Period,
  details: Record<string, unknown>,
) {
  const env = envFor(deps, ctx);
  runCommand(deps.db, () =>
    appendAudit(deps.db, {
      at: env.now().toISOString(),
      actor: env.clerkId,
      action: `export.${kind}`,
      entity: 'register',
      entityId: `${kind}:${period.from}..${period.to}`,
      details: { from: period.from, to: period.to, ...details },
    }),
  );
}

async function registerPdf(deps: RegisterDeps, register: RegisterRows, period: Period, lang: RegisterLang): Promise<Uint8Array> {
  const words = registerWords(lang);
  return renderPaper(
    {
      key: `register\n${register.kind}\n${period.from}\n${period.to}\n${lang}`,
      title: words.title[register.kind],
      subtitle: words.period(formatDay(period.from), formatDay(period.to)),
      author: deps.desk.center.name,
      lang,
      at: new Date(`${period.to}T00:00:00Z`),
      rows: [[words.count, String(register.rows.length)]],
      table: registerTable(register, lang, deps.desk.timeZone),
      signatures: [words.sign],
      orientation: 'landscape',
    },
    deps.fontDir,
  );
}

export function registerHandlers(
  deps: RegisterDeps,
): Pick<
  Handlers<CallContext>,
  'registers.journal' | 'registers.issued' | 'registers.day' | 'registers.pdf' | 'registers.csv' | 'registers.openData'
> {
  return {
    'registers.journal': (period) => journalRows(deps.db, period),
    'registers.issued': (period) => issuedRows(deps.db, period, deps.desk.timeZone),
    'registers.day': (period) => dayRows(deps.db, period, deps.desk.timeZone),
    'registers.pdf': async ({ kind, from, to, lang }, ctx) => {
      const period = { from, to };
      const register = rowsOf(deps, kind, period);
      const pdf = await registerPdf(deps, register, period, lang);
      auditExport(deps, ctx, kind, period, { format: 'pdf', lang, rows: register.rows.length });
      return { fileName: fileName(kind, period, 'pdf'), base64: Buffer.from(pdf).toString('base64') };
    },
    'registers.csv': ({ kind, from, to }, ctx) => {
      const period = { from, to };
      const register = rowsOf(deps, kind, period);
      const table = registerTable(register, 'uk', deps.desk.timeZone);
      const text = toCsv(
        EXCEL_CSV,
        table.columns.map((c) => c.title),
        table.rows,
      );
      auditExport(deps, ctx, kind, period, { format: 'csv', rows: register.rows.length });
      return { fileName: fileName(kind, period, 'csv'), text };
    },
    'registers.openData': ({ from, to, format }, ctx) => {
      const period = { from, to };
      const rows = openDataRows(deps.db, period, deps.desk.timeZone);
      const text =
        format === 'json'
          ? `${JSON.stringify(rows, null, 2)}\n`
          : toCsv(
              OPEN_DATA_CSV,
              OPEN_DATA_FIELDS,
              rows.map((row) => OPEN_DATA_FIELDS.map((field) => row[field])),
            );
      auditExport(deps, ctx, 'open_data', period, { format, rows: rows.length });
      return { fileName: fileName('open_data', period, format), text };
    },
  };
}
