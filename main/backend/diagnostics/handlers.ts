import type { Handlers } from '../../../shared/contract';
import { appendAudit } from '../audit/audit-log';
import { runCommand } from '../commands/unit-of-work';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import { diagnosticsZip } from './diagnostics-zip';
import type { DiagnosticsSources } from './diagnostics-zip';

type DiagnosticsHandlers = Pick<Handlers<CallContext>, 'diagnostics.export'>;

/** `diagnostics.export` (admin): the zip, audited as `diagnostics.export` with what it held. */
export function diagnosticsHandlers(sources: DiagnosticsSources): DiagnosticsHandlers {
  return {
    'diagnostics.export': (_input, ctx) => {
      const env = envFor(sources, ctx);
      const zip = diagnosticsZip(sources);
      runCommand(sources.db, () =>
        appendAudit(sources.db, {
          at: env.now().toISOString(),
          actor: env.clerkId,
          action: 'diagnostics.export',
          entity: 'diagnostics',
          entityId: zip.fileName,
          details: { entries: zip.entries, bytes: zip.bytes.length },
        }),
      );
      return { fileName: zip.fileName, base64: Buffer.from(zip.bytes).toString('base64') };
    },
  };
}
