import type { FastifyPluginAsync } from 'fastify';
import { AUDIT_UPLOAD_MAX_BYTES, AuditUploadRequest } from '../../shared/audit-upload';
import type { AuditUploadResponse } from '../../shared/audit-upload';
import type { ServerDeps } from '../http/server-deps';
import { deskAuth, deskCaller } from '../http/sync-headers';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { storeAuditEntries } from './audit-store';

/** `POST /sync/audit`: a desk's audit entries, in order, with its device token (docs/SYNC.md). */
export function auditRoutes(deps: ServerDeps): FastifyPluginAsync {
  const desk = deskAuth(deps.storage);
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/sync/audit',
      { onRequest: desk, bodyLimit: AUDIT_UPLOAD_MAX_BYTES, schema: { body: AuditUploadRequest } },
      async (request): Promise<AuditUploadResponse> => {
        const { device } = deskCaller(request);
        const storedUpTo = await storeAuditEntries(deps.storage, device, request.body.entries);
        return { storedUpTo, serverTime: deps.now().toISOString() };
      },
    );
  };
}
