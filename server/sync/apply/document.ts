import type { ApplyContext, Outcome } from './outcome';
import { rejected } from './outcome';

/**
 * Documents wait for their file. There is no blob store yet, so the server never has the
 * file and an attach always waits; the desk keeps it `blocked_on_blob` and everything else flows.
 */
async function attach(): Promise<Outcome> {
  return { status: 'retry_later', reason: 'blob_missing' };
}

/** No document reaches the server before the blob store exists, so there is none to detach. */
async function detach(ctx: ApplyContext): Promise<Outcome> {
  return rejected('not_found', `No document ${String(ctx.mutation.payload.id)} on the server`);
}

export const documentPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'document.attach': attach,
  'document.detach': detach,
};
