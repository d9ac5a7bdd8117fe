import type { FastifySchemaCompiler, FastifyTypeProvider } from 'fastify';
import type { z } from 'zod';
import { HttpError } from './http-error';

/**
 * Route schemas are the protocol's zod schemas themselves (shared/*-protocol.ts), so a route and
 * the desk that calls it cannot disagree; Fastify's JSON Schema (ajv) would be a second copy.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

function problems(error: z.ZodError, whole: string): string {
  return error.issues
    .slice(0, 20)
    .map((issue) => `${issue.path.join('.') || whole}: ${issue.message}`)
    .join('; ');
}

/**
 * The body reaches validation as the text the server read (see server.ts), so a route that takes
 * no body never fails on one, and one that does tells malformed JSON (`malformed_json`) from a
 * body that does not match (`invalid_body`). A query string that does not match is `invalid_query`.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  if (httpPart === 'body') {
    return (text: unknown) => {
      let value: unknown;
      try {
        value = JSON.parse(typeof text === 'string' ? text : '');
      } catch (error) {
        return {
          error: new HttpError(
            400,
            'malformed_json',
            `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
          ),
        };
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) return { value: parsed.data };
      return { error: new HttpError(400, 'invalid_body', `The body does not match the protocol: ${problems(parsed.error, '(body)')}`) };
    };
  }
  const code = httpPart === 'querystring' ? 'invalid_query' : `invalid_${httpPart ?? 'request'}`;
  return (data: unknown) => {
    const parsed = schema.safeParse(data ?? {});
    if (parsed.success) return { value: parsed.data };
    return { error: new HttpError(400, code, problems(parsed.error, `(${httpPart ?? 'request'})`)) };
  };
};
