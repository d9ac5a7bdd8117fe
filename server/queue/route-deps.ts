/** What the queue's route groups share: the server's deps plus the one live hub every group of a process publishes to. */
import type { z } from 'zod';
import { PlaceCode } from '../../shared/place-code';
import { QUEUE_ERRORS } from '../../shared/queue-protocol';
import { HttpError } from '../http/http-error';
import type { ServerDeps } from '../http/server-deps';
import type { QueueHub } from './hub';

export interface QueueRouteDeps extends ServerDeps {
  queueHub: QueueHub;
}

/** A body Fastify parsed as JSON, checked against the protocol: 400 invalid_body with every problem. */
export function checkedBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    throw new HttpError(400, 'invalid_body', `The body does not match the protocol: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** The `:center` of a public URL: a code that cannot be one is a center with no queue. */
export function centerParam(params: unknown): string {
  const parsed = PlaceCode.safeParse((params as { center?: unknown }).center);
  if (!parsed.success) throw new HttpError(404, QUEUE_ERRORS.notConfigured, 'No such center');
  return parsed.data;
}
