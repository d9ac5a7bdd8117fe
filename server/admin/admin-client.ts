import { z } from 'zod';
import { ErrorResponse } from '../../shared/sync-protocol';
import type { DeskPlace } from '../auth/enrollment';
import {
  AdminDevicesResponse,
  AdminEnrollResponse,
  AdminRevokeResponse,
  PublishResultSchema,
  QueueConfigPublishedSchema,
} from './admin-protocol';
import type { QueueConfigPublished } from '../queue/publish-config';
import type { CatalogDocumentInput } from '../../shared/catalog-document';
import type { PublishResult } from '../catalog/publish-catalog';
import { ProviderTokenResponse } from '../../shared/provider-protocol';
import type { Instance } from './instance-file';
import { instanceFetch } from './instance-fetch';
import { ClerkAccountSummary } from '../clerks/accounts';
import type { AccountRef, NewClerkAccount } from '../clerks/accounts';

/** Calls an admin route of the back office running on this machine, with the token from its instance file. */
async function call<T>(instance: Instance, path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
  if (instance.url === null) throw new Error(`The back office (process ${instance.pid}) is still starting; try again in a moment`);
  let response: Response;
  try {
    response = await instanceFetch(instance)(`${instance.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${instance.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new Error(`The back office at ${instance.url} did not answer: ${(error as Error).message}`, { cause: error });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const failure = ErrorResponse.safeParse(json);
    throw new Error(failure.success ? failure.data.error.message : `The back office answered HTTP ${response.status}`);
  }
  return schema.parse(json);
}

export function enrollThrough(instance: Instance, place: DeskPlace): Promise<AdminEnrollResponse> {
  return call(instance, '/admin/enrollment-codes', place, AdminEnrollResponse);
}

export function publishCatalogThrough(instance: Instance, doc: CatalogDocumentInput): Promise<PublishResult> {
  return call(instance, '/admin/catalog', doc, PublishResultSchema);
}

/** The document as read from queue.json: the server fills its defaults again. */
export function configureQueueThrough(instance: Instance, config: unknown): Promise<QueueConfigPublished> {
  return call(instance, '/admin/queue-config', config, QueueConfigPublishedSchema);
}

export function listDevicesThrough(instance: Instance, centerCode: string | null): Promise<AdminDevicesResponse> {
  return call(instance, '/admin/devices/list', { centerCode }, AdminDevicesResponse);
}

export function revokeThrough(instance: Instance, deviceId: string): Promise<AdminRevokeResponse> {
  return call(instance, '/admin/devices/revoke', { deviceId }, AdminRevokeResponse);
}

export function providerTokenThrough(instance: Instance, edrpou: string): Promise<ProviderTokenResponse> {
  return call(instance, '/admin/provider-tokens', { edrpou }, ProviderTokenResponse);
}

const AccountId = z.object({ id: z.string() });

export function addClerkThrough(instance: Instance, account: NewClerkAccount): Promise<{ id: string }> {
  return call(instance, '/admin/clerks', account, AccountId);
}

export function resetClerkThrough(instance: Instance, ref: AccountRef, password: string, pin: string | null): Promise<{ id: string }> {
  return call(instance, '/admin/clerks/reset', { ...ref, password, ...(pin === null ? {} : { pin }) }, AccountId);
}

export function disableClerkThrough(instance: Instance, ref: AccountRef, disabled: boolean): Promise<{ id: string; changed: boolean }> {
  return call(instance, '/admin/clerks/disable', { ...ref, disabled }, AccountId.extend({ changed: z.boolean() }));
}

export async function listClerksThrough(instance: Instance, centerCode: string): Promise<ClerkAccountSummary[]> {
  return (await call(instance, '/admin/clerks/list', { centerCode }, z.object({ accounts: z.array(ClerkAccountSummary) }))).accounts;
}
