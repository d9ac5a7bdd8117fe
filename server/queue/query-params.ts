import type { z } from 'zod';
import { HttpError } from '../http/http-error';

/** The public routes of the kiosk and booking (config, slots, check-in): one hall's screens stay far below this per address. */
export const PUBLIC_RATE = { max: 120, timeWindow: '1 minute' };

/** A query string checked against its schema: 400 invalid_query with every problem. */
export function checkedQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(query)'}: ${issue.message}`);
    throw new HttpError(400, 'invalid_query', `The query does not match the protocol: ${issues.join('; ')}`);
  }
  return parsed.data;
}
