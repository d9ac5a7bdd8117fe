import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { getApplicationById } from '../applications/queries';
import { appendAudit } from '../audit/audit-log';
import { getService } from '../catalog/queries';
import { runCommand } from '../commands/unit-of-work';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { statement } from '../db/statements';
import { formatDay, formatLocalDateTime } from '../receipts/receipt-text';
import { renderPaper } from './paper-pdf';
import type { Paper } from './paper-pdf';
import { paperText } from './paper-text';

export interface PaperDeps extends HandlerDeps {
  /** Where the receipt's fonts are (see receipts/handlers.ts). */
  fontDir: string;
}

const base64 = (pdf: Uint8Array) => Buffer.from(pdf).toString('base64');

/** The issuing acknowledgement: who received the result of which case, and what the decision was. */
function acknowledgement(deps: PaperDeps, applicationId: string, lang: 'uk' | 'en'): Paper & { regNumber: string } {
  const t = paperText[lang];
  const app = getApplicationById(deps.db, applicationId);
  if (!app)
    throw new AppError('NOT_FOUND', `No application ${applicationId}`, [{ path: ['applicationId'], message: 'no such application' }]);
  const issued = app.history.findLast((step) => step.to === 'issued');
  if (app.status !== 'issued' || !app.receiver || !issued) {
    throw new AppError('VALIDATION', 'Only an issued result has an acknowledgement', [
      { path: ['applicationId'], message: 'paper.not_issued' },
    ]);
  }
  const service = getService(deps.db, app.service.id);
  // Names as registered (the frozen record); a case pulled without one falls back to the catalog.
  const names = app.snapshot ?? { service: app.service, provider: service?.provider ?? { nameUk: '', nameEn: '' } };
  // The decision keeps the card's codes; the paper words the grounds as the card does.
  const groundText = (code: string) => {
    const ground = service?.refusalGrounds.find((g) => g.code === code);
    return (lang === 'uk' ? ground?.textUk : ground?.textEn) ?? code;
  };
  const o = app.outcome && app.outcome.kind === 'negative' ? { ...app.outcome, grounds: app.outcome.grounds.map(groundText) } : app.outcome;
  return {
    key: `ack\n${app.regNumber}\n${lang}`,
    regNumber: app.regNumber,
    title: t.ackTitle,
    subtitle: t.ofApplication(app.regNumber, formatDay(app.registeredOn)),
    author: deps.desk.center.name,
    lang,
    at: new Date(issued.at),
    rows: [
      [t.service, lang === 'uk' ? names.service.nameUk : names.service.nameEn],
      [t.provider, lang === 'uk' ? names.provider.nameUk : names.provider.nameEn],
      [t.applicant, app.applicant.displayName],
      ...(o ? [[t.outcome, o.kind === 'negative' ? t.negative(o) : t.positive(o)] as [string, string]] : []),
      [t.receiver, app.receiver.party === 'representative' ? `${app.receiver.name} ${t.representative}` : app.receiver.name],
      [t.receiverDocument, app.receiver.document],
      [t.issuedAt, formatLocalDateTime(issued.at, deps.desk.timeZone)],
    ],
    signatures: [t.signReceiver, t.signClerk],
  };
}

interface HandedOffRow {
  id: string;
  reg_number: string;
  service_id: string;
  applicant_name: string;
  due_date: string;
  sheets: number;
}

/** The cases handed off on `day`, one register per provider (the provider as the service's card names it). */
function handoffRegisters(deps: PaperDeps, day: string, lang: 'uk' | 'en'): Array<Paper & { provider: string }> {
  const t = paperText[lang];
  const rows = statement(
    deps.db,
    `SELECT a.id, a.reg_number, a.service_id, p.display_name AS applicant_name, a.due_date,
            (SELECT coalesce(sum(sheets), 0) FROM application_items i WHERE i.application_id = a.id) AS sheets
       FROM applications a JOIN applicants p ON p.id = a.applicant_id
      WHERE a.deleted_at IS NULL AND json_extract(a.status_facts, '$.handedOffOn') = ?
      ORDER BY a.reg_number`,
  ).all(day) as HandedOffRow[];
  const byProvider = new Map<string, { edrpou: string | null; rows: string[][] }>();
  for (const row of rows) {
    const service = getService(deps.db, row.service_id);
    const provider = (lang === 'uk' ? service?.provider.nameUk : service?.provider.nameEn) ?? '—';
    const group = byProvider.get(provider) ?? { edrpou: service?.provider.edrpou ?? null, rows: [] };
    const serviceName = (lang === 'uk' ? service?.nameUk : service?.nameEn) ?? row.service_id;
    group.rows.push([
      String(group.rows.length + 1),
      row.reg_number,
      row.applicant_name,
      serviceName,
      String(row.sheets),
      formatDay(row.due_date),
    ]);
    byProvider.set(provider, group);
  }
  return [...byProvider].map(([provider, group]) => ({
    key: `handoff\n${day}\n${provider}\n${lang}`,
    provider,
    title: t.registerTitle,
    subtitle: t.registerOf(group.edrpou ? `${provider} (${group.edrpou})` : provider, formatDay(day)),
    author: deps.desk.center.name,
    lang,
    at: new Date(`${day}T00:00:00Z`),
    rows: [[t.count, String(group.rows.length)]],
    table: {
      columns: t.columns.map((title, i) => ({ title, share: [0.05, 0.27, 0.21, 0.24, 0.1, 0.13][i]! })),
      rows: group.rows,
    },
    signatures: [t.signHandedOver, t.signReceived],
  }));
}

/** Papers carry citizens' data out of the desk: who produced which is logged, as for receipts. */
function audit(
  deps: PaperDeps,
  ctx: CallContext,
  action: string,
  entity: string,
  entityId: string,
  details: Record<string, unknown>,
): void {
  const env = envFor(deps, ctx);
  runCommand(deps.db, () => appendAudit(deps.db, { at: env.now().toISOString(), actor: env.clerkId, action, entity, entityId, details }));
}

export function paperHandlers(deps: PaperDeps): Pick<Handlers<CallContext>, 'papers.acknowledgement' | 'papers.handoffRegisters'> {
  return {
    'papers.acknowledgement': async ({ applicationId, lang }, ctx) => {
      const paper = acknowledgement(deps, applicationId, lang);
      const pdf = await renderPaper(paper, deps.fontDir);
      audit(deps, ctx, 'paper.acknowledgement', 'application', applicationId, { lang });
      return { fileName: `rozpyska-${paper.regNumber}-${lang}.pdf`, base64: base64(pdf) };
    },
    'papers.handoffRegisters': async ({ day, lang }, ctx) => {
      const registers = handoffRegisters(deps, day, lang);
      const out = [];
      for (const [index, paper] of registers.entries()) {
        out.push({
          provider: paper.provider,
          fileName: `reiestr-${day}-${index + 1}-${lang}.pdf`,
          base64: base64(await renderPaper(paper, deps.fontDir)),
        });
      }
      audit(deps, ctx, 'paper.handoff_register', 'handoff_register', day, { lang, registers: registers.length });
      return out;
    },
  };
}
