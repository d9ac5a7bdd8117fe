import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { revokeDevice } from '../auth/devices';
import { CODE_LIFETIME_HOURS, createEnrollmentCode } from '../auth/enrollment';
import { parseBody, readBody } from '../http/body';
import { HttpError } from '../http/http-error';
import type { Handler } from '../http/handler';
import type { Storage } from '../storage/storage';
import { CatalogDocument } from '../../shared/catalog-document';
import { publishCatalog } from '../catalog/publish-catalog';
import type { PublishResult } from '../catalog/publish-catalog';
import type { AdminEnrollResponse, AdminRevokeResponse } from './admin-protocol';
import { AdminEnrollRequest, AdminRevokeRequest } from './admin-protocol';

const ADMIN_MAX_BYTES = 4 * 1024;
/** A catalog document: a few hundred information cards. */
const CATALOG_MAX_BYTES = 8 * 2 ** 20;

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The run's admin token as a bearer, compared in constant time; 403 when this server has none. */
export function requireAdmin(req: IncomingMessage, adminToken: string | null): void {
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
 * revoke a lost desk, publish a center's catalog. `npm run server -- enroll|revoke|catalog publish` calls these when a server holds the data
 * folder (see admin/instance-file.ts), so the back office never has to stop for it.
 */
export function adminRoutes(storage: Storage, adminToken: string | null): [string, Handler][] {
  return [
    [
      'POST /admin/enrollment-codes',
      async (req): Promise<AdminEnrollResponse> => {
        requireAdmin(req, adminToken);
        const place = parseBody(await readBody(req, ADMIN_MAX_BYTES), AdminEnrollRequest);
        const code = await createEnrollmentCode(storage, place);
        return { code, ...place, validHours: CODE_LIFETIME_HOURS };
      },
    ],
    [
      'POST /admin/catalog',
      async (req): Promise<PublishResult> => {
        requireAdmin(req, adminToken);
        return publishCatalog(storage, parseBody(await readBody(req, CATALOG_MAX_BYTES), CatalogDocument));
      },
    ],
    [
      'POST /admin/devices/revoke',
      async (req): Promise<AdminRevokeResponse> => {
        requireAdmin(req, adminToken);
        const { deviceId } = parseBody(await readBody(req, ADMIN_MAX_BYTES), AdminRevokeRequest);
        return { deviceId, revoked: await revokeDevice(storage, deviceId) };
      },
    ],
  ];
}
