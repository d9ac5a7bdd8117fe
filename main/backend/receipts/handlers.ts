import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { getApplicant } from '../applicants/queries';
import { getApplicationById } from '../applications/queries';
import { appendAudit } from '../audit/audit-log';
import { getService } from '../catalog/queries';
import { runCommand } from '../commands/unit-of-work';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { renderReceipt } from './receipt-pdf';
import type { ReceiptData } from './receipt-pdf';

export interface ReceiptDeps extends HandlerDeps {
  /** Where DejaVuSans*.ttf are: dist/main/fonts when bundled, main/backend/receipts/fonts in tests. */
  fontDir: string;
}

/** Everything the receipt prints, gathered from the application as registered (service names as they were). */
function receiptData(deps: ReceiptDeps, applicationId: string, lang: 'uk' | 'en'): ReceiptData {
  const app = getApplicationById(deps.db, applicationId);
  if (!app)
    throw new AppError('NOT_FOUND', `No application ${applicationId}`, [{ path: ['applicationId'], message: 'no such application' }]);
  const applicant = getApplicant(deps.db, app.applicant.id);
  const service = getService(deps.db, app.service.id);
  const clerkName = deps.db.prepare('SELECT full_name FROM clerks WHERE id = ?').pluck().get(app.clerkId) as string | undefined;
  const taxId = applicant?.rnokpp
    ? { kind: 'rnokpp' as const, value: applicant.rnokpp }
    : applicant?.edrpou
      ? { kind: 'edrpou' as const, value: applicant.edrpou }
      : undefined;
  return {
    center: { name: deps.desk.center.name, code: app.centerCode },
    window: app.window,
    clerkName: clerkName ?? app.clerkId,
    regNumber: app.regNumber,
    registeredAt: app.registeredAt,
    timeZone: deps.desk.timeZone,
    registeredOn: app.registeredOn,
    applicant: {
      displayName: app.applicant.displayName,
      ...(taxId ? { taxId } : {}),
      ...(applicant?.idDoc ? { idDoc: { type: applicant.idDoc.type, validUntil: applicant.idDoc.validUntil } } : {}),
    },
    representative: app.representative
      ? { name: app.representative.displayName, authority: app.representative.authority }
      : app.legacyRepresentative
        ? {
            name: app.legacyRepresentative.fullName,
            poaNumber: app.legacyRepresentative.poaNumber,
            poaDate: app.legacyRepresentative.poaDate,
          }
        : null,
    subject: app.subject,
    insisted: app.insisted,
    service: {
      name: lang === 'uk' ? app.service.nameUk : app.service.nameEn,
      provider: (lang === 'uk' ? service?.provider.nameUk : service?.provider.nameEn) ?? '',
    },
    items: app.items,
    dueDate: app.dueDate,
    resultDelivery: app.resultDelivery,
  };
}

export function receiptHandlers(deps: ReceiptDeps): Pick<Handlers<CallContext>, 'receipts.pdf'> {
  return {
    'receipts.pdf': async ({ applicationId, lang }, ctx) => {
      const env = envFor(deps, ctx);
      const data = receiptData(deps, applicationId, lang);
      const pdf = await renderReceipt(data, lang, { fontDir: deps.fontDir });
      // A receipt carries a citizen's data out of the desk: who produced it is logged.
      runCommand(deps.db, () =>
        appendAudit(deps.db, {
          at: env.now().toISOString(),
          actor: env.clerkId,
          action: 'receipt.export',
          entity: 'application',
          entityId: applicationId,
          details: { lang },
        }),
      );
      return { fileName: `opys-${data.regNumber}-${lang}.pdf`, base64: Buffer.from(pdf).toString('base64') };
    },
  };
}
