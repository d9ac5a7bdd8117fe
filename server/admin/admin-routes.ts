import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { listDevices, revokeDevice } from '../auth/devices';
import { CODE_LIFETIME_HOURS, createEnrollmentCode } from '../auth/enrollment';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import type { WithHeaders } from '../http/sync-headers';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { CatalogDocument } from '../../shared/catalog-document';
import { publishCatalog } from '../catalog/publish-catalog';
import type { PublishResult } from '../catalog/publish-catalog';
import type { AdminDevicesResponse, AdminEnrollResponse, AdminRevokeResponse } from './admin-protocol';
import { AdminDevicesRequest, AdminEnrollRequest, AdminRevokeRequest } from './admin-protocol';

const ADMIN_MAX_BYTES = 4 * 1024;
/** A catalog document: a few hundred information cards. */
const CATALOG_MAX_BYTES = 8 * 2 ** 20;

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The run's admin token as a bearer, compared in constant time; 403 when this server has none. */
export function requireAdmin(req: WithHeaders, adminToken: string | null): void {
  if (adminToken === null) throw new HttpError(403, 'admin_disabled', 'This server was started without an admin token');
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  if (!match?.[1] || !timingSafeEqual(digest(match[1]), digest(adminToken))) {
    throw new HttpError(401, 'admin_token_invalid', 'The admin token is missing or wrong (see server-instance.json in the data folder)', {
      'www-authenticate': 'Bearer',
    });
  }
}

/**
 * What an administrator does while the back office runs: issue an enrollment code for a desk,
 * list the enrolled desks, revoke a lost desk, publish a center's catalog. `npm run server -- enroll|revoke|catalog publish` calls these when a server holds the data
 * folder (see admin/instance-file.ts), so the back office never has to stop for it.
 */
export function adminRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage, adminToken } = deps;
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    // Before the body is read: a caller without the token learns nothing about what it sent.
    app.addHook('onRequest', async (request) => requireAdmin(request, adminToken));
    app.post(
      '/admin/enrollment-codes',
      { bodyLimit: ADMIN_MAX_BYTES, schema: { body: AdminEnrollRequest } },
      async (request): Promise<AdminEnrollResponse> => {
        const code = await createEnrollmentCode(storage, request.body);
        return { code, ...request.body, validHours: CODE_LIFETIME_HOURS };
      },
    );
    app.post(
      '/admin/catalog',
      { bodyLimit: CATALOG_MAX_BYTES, schema: { body: CatalogDocument } },
      async (request): Promise<PublishResult> => {
        return publishCatalog(storage, request.body);
      },
    );
    app.post(
      '/admin/devices/list',
      { bodyLimit: ADMIN_MAX_BYTES, schema: { body: AdminDevicesRequest } },
      async (request): Promise<AdminDevicesResponse> => ({ devices: await listDevices(storage, request.body.centerCode) }),
    );
    app.post(
      '/admin/devices/revoke',
      { bodyLimit: ADMIN_MAX_BYTES, schema: { body: AdminRevokeRequest } },
      async (request): Promise<AdminRevokeResponse> => {
        const { deviceId } = request.body;
        return { deviceId, revoked: await revokeDevice(storage, deviceId) };
      },
    );
  };
}
