import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Handlers, MethodSpec } from '../../shared/contract';
import { AppError, fail, ok } from '../../shared/errors';
import type { Envelope, FieldIssue } from '../../shared/errors';
import type { Session } from '../../shared/roles';
import { asStorageError } from './db/storage-errors';
import type { Logger } from './log/logger';

export interface CallContext {
  session: Session | null;
}

export type Dispatch = (method: string, input: unknown, ctx: CallContext) => Promise<Envelope<unknown>>;

/** Zod issues as field paths; an unexpected key is reported at its own path, so the caller sees which. */
function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((i) => {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (i.code === 'unrecognized_keys') return i.keys.map((key) => ({ path: [...path, key], message: 'unexpected field' }));
    return [{ path, message: i.message }];
  });
}

/**
 * The one gate every call passes, whatever the transport: known method, valid input, allowed
 * role, then the handler; its output is checked against the contract too. Expected failures
 * (AppError) keep their code, SQLite storage failures become STORAGE; anything else is INTERNAL with a correlation id that is logged
 * with the stack, which never leaves the backend.
 */
export function createDispatcher<T extends Record<string, MethodSpec>>(
  table: T,
  handlers: Handlers<CallContext, T>,
  logger: Logger,
): Dispatch {
  return async (method, input, ctx) => {
    if (!Object.hasOwn(table, method)) {
      return fail('VALIDATION', `Unknown method "${method}"`, { issues: [{ path: ['method'], message: 'unknown method' }] });
    }
    const spec = table[method] as MethodSpec;
    const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown;
    // Parsing is inside the try: a schema's check that throws must answer the call, not leave it hanging.
    try {
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) {
        return fail('VALIDATION', `Invalid input for ${method}`, { issues: issuesOf(parsed.error) });
      }
      if (spec.role !== 'public') {
        if (!ctx.session) return fail('UNAUTHENTICATED', `${method} needs a signed-in clerk`);
        if (!ctx.session.roles.includes(spec.role)) return fail('FORBIDDEN', `${method} needs the ${spec.role} role`);
      }
      const value = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        throw new Error(`Output of ${method} breaks the contract: ${JSON.stringify(issuesOf(checked.error))}`);
      }
      return ok(checked.data);
    } catch (thrown) {
      const error = asStorageError(thrown);
      if (error instanceof AppError) {
        if (error.code === 'STORAGE') logger.log('warn', `Storage failure in ${method}`, { error: error.message });
        return fail(error.code, error.message, error.issues ? { issues: error.issues } : undefined);
      }
      const correlationId = randomUUID();
      logger.log('error', `Handler of ${method} failed`, {
        correlationId,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return fail('INTERNAL', `Internal error; quote ${correlationId} to support`, { correlationId });
    }
  };
}
