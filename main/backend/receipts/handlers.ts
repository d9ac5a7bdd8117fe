import { createHash } from 'node:crypto';
import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { getApplicationById } from '../applications/queries';
import { appendAudit } from '../audit/audit-log';
import { runCommand } from '../commands/unit-of-work';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import type { Logger } from '../log/logger';
import { chooseReceipt, receiptData } from './receipt-data';
import { keepReceiptHash } from './receipt-hashes';
import type { ReceiptRenderer } from './receipt-renderer';

export interface ReceiptDeps extends HandlerDeps {
  /** Where DejaVuSans*.ttf are: dist/main/fonts when bundled, main/backend/receipts/fonts in tests. */
  fontDir: string;
  logger: Logger;
  /** Renders the PDF: on the receipt worker in the bundled app, in-process in tests (receipt-renderer.ts). */
  renderer: ReceiptRenderer;
}

export function receiptHandlers(deps: ReceiptDeps): Pick<Handlers<CallContext>, 'receipts.pdf'> {
  return {
    'receipts.pdf': async ({ applicationId, lang, number, version }, ctx) => {
      const env = envFor(deps, ctx);
      const application = getApplicationById(deps.db, applicationId);
      if (!application)
        throw new AppError('NOT_FOUND', `No application ${applicationId}`, [{ path: ['applicationId'], message: 'no such application' }]);
      if (!application.snapshot) throw new Error(`Application ${applicationId} has no snapshot to print from`);
      const receipt = chooseReceipt(application, number, version);
      const data = receiptData(application.snapshot, application.terms, receipt, lang, deps.desk);
      const pdf = await deps.renderer.render(data, lang, { fontDir: deps.fontDir });
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const at = env.now().toISOString();
      // A receipt carries a citizen's data out of the desk: who produced it is logged; the first print's hash is kept.
      const kept = runCommand(deps.db, () => {
        const first = keepReceiptHash(deps.db, { applicationId, number: receipt.number, version: receipt.version, lang, sha256, at });
        if (first === sha256) {
          appendAudit(deps.db, {
            at,
            actor: env.clerkId,
            action: 'receipt.export',
            entity: 'application',
            entityId: applicationId,
            details: { lang, number: receipt.number, version: receipt.version, sha256 },
          });
        }
        return first;
      });
      if (kept !== sha256) {
        deps.logger.log('error', 'A reprint of a receipt would differ from the one issued; refused', {
          applicationId,
          number: receipt.number,
          version: receipt.version,
          lang,
          issued: kept,
          reprint: sha256,
        });
        throw new AppError(
          'CONFLICT',
          `The reprint of receipt №${receipt.number} v${receipt.version} of ${application.regNumber} would differ from the paper issued; ` +
            'it was not produced. Tell the supervisor: the desk log names it.',
        );
      }
      const suffix =
        receipt.number === 1 && receipt.version === 1 ? '' : `-${receipt.number}${receipt.version > 1 ? `v${receipt.version}` : ''}`;
      return { fileName: `opys-${data.regNumber}${suffix}-${lang}.pdf`, base64: Buffer.from(pdf).toString('base64') };
    },
  };
}
