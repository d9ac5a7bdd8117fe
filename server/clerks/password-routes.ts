import type { FastifyPluginAsync } from 'fastify';
import { ClerkPasswordRequest } from '../../shared/clerk-account';
import { ENROLL_RATE_LIMIT } from '../auth/enroll-routes';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import { deskAuth, deskCaller } from '../http/sync-headers';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { changeOwnPassword } from './own-password';

/**
 * A clerk changes their own password at a desk (docs/IT.md "Accounts"): the desk's device token
 * and the clerk's current password. Limited per address like enrollment: it checks a secret.
 */
export function clerkPasswordRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/sync/clerk-password',
      {
        onRequest: deskAuth(deps.storage),
        bodyLimit: 4 * 1024,
        schema: { body: ClerkPasswordRequest },
        config: { rateLimit: ENROLL_RATE_LIMIT },
      },
      async (request): Promise<{ changed: true }> => {
        const { device } = deskCaller(request);
        const outcome = await changeOwnPassword(deps.storage, device.centerCode, request.body);
        if (outcome === 'unknown_clerk') throw new HttpError(404, 'unknown_clerk', 'No such account in this desk’s center');
        if (outcome === 'disabled') throw new HttpError(403, 'clerk_disabled', 'This account is disabled');
        if (outcome === 'wrong_password') throw new HttpError(403, 'wrong_password', 'The current password is wrong');
        if (outcome === 'same_password') throw new HttpError(400, 'same_password', 'The new password must differ from the current one');
        return { changed: true };
      },
    );
  };
}
