import { z } from 'zod';
import { Mutation, PUSH_MAX_MUTATIONS } from '../../shared/sync-protocol';
import type { MutationResult } from '../../shared/sync-protocol';
import { HttpError } from '../http/http-error';

/** The push body with each mutation still unread, so one the schema refuses is answered alone. */
export const PushEnvelope = z
  .object({
    protocol: z.number().int().positive(),
    mutations: z.array(z.unknown()).min(1).max(PUSH_MAX_MUTATIONS),
    /** Read one by one too (server/clerks/session-check.ts): a malformed assertion refuses only the mutations naming it. */
    sessions: z.array(z.unknown()).max(PUSH_MAX_MUTATIONS).optional(),
  })
  .strict();

export type Checked = { ok: true; mutation: Mutation } | { ok: false; result: MutationResult };

/**
 * Each mutation checked on its own: one this server cannot read is `rejected` in its place
 * (the desk sets it aside for the supervisor) and the rest are applied. Only a mutation without
 * a readable id cannot be answered, and fails the request (400).
 */
export function checkMutations(raw: readonly unknown[]): Checked[] {
  return raw.map((value, index) => {
    const parsed = Mutation.safeParse(value);
    if (parsed.success) return { ok: true, mutation: parsed.data };
    const mutationId = typeof value === 'object' && value !== null ? (value as { mutationId?: unknown }).mutationId : undefined;
    if (typeof mutationId !== 'string' || mutationId.length === 0 || mutationId.length > 100) {
      throw new HttpError(400, 'invalid_body', `mutations.${index} has no mutationId to answer it by`);
    }
    return {
      ok: false,
      result: {
        mutationId,
        status: 'rejected',
        code: 'invalid_mutation',
        message: 'This server cannot read the mutation',
        fieldErrors: parsed.error.issues
          .slice(0, 20)
          .map((issue) => ({ path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))), message: issue.message })),
      },
    };
  });
}
