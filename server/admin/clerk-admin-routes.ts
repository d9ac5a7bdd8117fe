import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AccountError, createClerkAccount, listClerkAccounts, resetPassword, setDisabled } from '../clerks/accounts';
import type { ClerkAccountSummary, NewClerkAccount } from '../clerks/accounts';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import type { ZodTypeProvider } from '../http/zod-schemas';
import { requireAdmin } from './admin-routes';

const ADMIN_MAX_BYTES = 4 * 1024;
/** Read field by field by server/clerks/accounts.ts, which names every wrong one in its refusal. */
const Fields = z.record(z.string(), z.unknown());

const STATUS: Readonly<Record<AccountError['code'], number>> = {
  invalid_account: 400,
  unknown_center: 400,
  login_taken: 409,
  unknown_account: 404,
};

async function answered<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AccountError) throw new HttpError(STATUS[error.code], error.code, error.message);
    throw error;
  }
}

const ref = (body: Record<string, unknown>) => ({ centerCode: body.centerCode as string, login: body.login as string });

/**
 * Clerk accounts, managed while the back office runs (`npm run server -- clerk add|reset|disable|enable|list`
 * calls these; docs/IT.md "Accounts"). Each change is published to the center's desks.
 */
export function clerkAdminRoutes(deps: ServerDeps): FastifyPluginAsync {
  const { storage, adminToken } = deps;
  return async (instance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    app.addHook('onRequest', async (request) => requireAdmin(request, adminToken));
    const options = { bodyLimit: ADMIN_MAX_BYTES, schema: { body: Fields } };
    app.post('/admin/clerks', options, async (request): Promise<{ id: string }> =>
      answered(createClerkAccount(storage, request.body as unknown as NewClerkAccount)),
    );
    app.post('/admin/clerks/reset', options, async (request): Promise<{ id: string }> => {
      const { password, pin } = request.body;
      return answered(resetPassword(storage, ref(request.body), password as string, (pin as string | undefined) ?? null));
    });
    app.post('/admin/clerks/disable', options, async (request): Promise<{ id: string; changed: boolean }> => {
      const { disabled } = request.body;
      if (typeof disabled !== 'boolean')
        throw new HttpError(400, 'invalid_account', 'disabled: true to disable the account, false to enable it');
      return answered(setDisabled(storage, ref(request.body), disabled));
    });
    app.post('/admin/clerks/list', options, async (request): Promise<{ accounts: ClerkAccountSummary[] }> => ({
      accounts: await answered(listClerkAccounts(storage, request.body.centerCode as string)),
    }));
  };
}
