import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { methods } from '../../../shared/contract';
import type { Handlers, MethodSpec } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { createDispatcher } from '../../../main/backend/dispatch';
import type { CallContext } from '../../../main/backend/dispatch';
import { memoryLogger } from '../../helpers/memory-logger';

const anonymous: CallContext = { session: null };

/** A contract table of our own, to exercise every branch of the gate. */
const table = {
  'demo.echo': {
    input: z.object({ text: z.string().min(1).max(5), n: z.number().int().optional() }).strict(),
    output: z.object({ text: z.string() }),
    role: 'public',
  },
  'demo.clerkOnly': { input: z.object({}).strict(), output: z.literal('ok'), role: 'clerk' },
  'demo.supervisorOnly': { input: z.object({}).strict(), output: z.literal('ok'), role: 'supervisor' },
  'demo.expected': { input: z.object({}).strict(), output: z.null(), role: 'public' },
  'demo.crash': { input: z.object({}).strict(), output: z.null(), role: 'public' },
  'demo.badOutput': { input: z.object({}).strict(), output: z.object({ count: z.number() }), role: 'public' },
  /** An input check that throws, as `JSON.stringify` in a refine does on a BigInt. */
  'demo.throwingCheck': {
    input: z.object({ data: z.unknown() }).refine((input) => JSON.stringify(input).length > 0),
    output: z.null(),
    role: 'public',
  },
} as const satisfies Record<string, MethodSpec>;

function setup() {
  const logger = memoryLogger();
  let handled = 0;
  const handlers: Handlers<CallContext, typeof table> = {
    'demo.echo': ({ text }) => {
      handled += 1;
      return { text };
    },
    'demo.clerkOnly': () => 'ok',
    'demo.supervisorOnly': () => 'ok',
    'demo.expected': () => {
      throw new AppError('NOT_FOUND', 'No application 42', [{ path: ['id'], message: 'not found' }]);
    },
    'demo.crash': () => {
      throw new Error('secret stack detail at /home/clerk/db.ts:12');
    },
    'demo.badOutput': () => ({ count: 'three' }) as unknown as { count: number },
    'demo.throwingCheck': () => null,
  };
  return { dispatch: createDispatcher(table, handlers, logger), logger, handledCount: () => handled };
}

describe('the call gate', () => {
  it('passes a good call to its handler and wraps the answer', async () => {
    const { dispatch } = setup();
    expect(await dispatch('demo.echo', { text: 'ok' }, anonymous)).toEqual({ ok: true, value: { text: 'ok' } });
  });

  it.each([
    ['a missing field', {}, ['text']],
    ['a wrong type', { text: 5 }, ['text']],
    ['a too-long string', { text: 'abcdef' }, ['text']],
    ['an extra field', { text: 'a', admin: true }, ['admin']],
    ['a non-integer number', { text: 'a', n: 1.5 }, ['n']],
    ['not an object', 'hello', []],
    ['null', null, []],
  ])('rejects %s with VALIDATION and the offending path, before the handler runs', async (_label, input, path) => {
    const { dispatch, handledCount } = setup();
    const result = await dispatch('demo.echo', input, anonymous);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.details?.issues?.[0]?.path).toEqual(path);
    expect(handledCount()).toBe(0);
  });

  it('rejects an unknown method, including prototype names', async () => {
    const { dispatch } = setup();
    for (const name of ['demo.nope', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(name, {}, anonymous);
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['method'] }] } } });
    }
  });

  it('asks for a session, then for the role', async () => {
    const { dispatch } = setup();
    expect(await dispatch('demo.clerkOnly', {}, anonymous)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const clerk: CallContext = { session: { clerkId: 'c1', roles: ['clerk'] } };
    expect(await dispatch('demo.clerkOnly', {}, clerk)).toEqual({ ok: true, value: 'ok' });
    expect(await dispatch('demo.supervisorOnly', {}, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps the code of an expected failure', async () => {
    const { dispatch } = setup();
    expect(await dispatch('demo.expected', {}, anonymous)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No application 42', details: { issues: [{ path: ['id'], message: 'not found' }] } },
    });
  });

  it('turns a crash into INTERNAL with a correlation id that is logged with the stack, never sent', async () => {
    const { dispatch, logger } = setup();
    const result = await dispatch('demo.crash', {}, anonymous);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INTERNAL');
    const id = result.error.details?.correlationId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(result)).not.toContain('secret stack detail');
    const logged = logger.entries.find((e) => e.fields.correlationId === id);
    expect(logged?.level).toBe('error');
    expect(String(logged?.fields.error)).toContain('secret stack detail');
  });

  it('treats an answer that breaks the output schema as INTERNAL', async () => {
    const { dispatch, logger } = setup();
    expect(await dispatch('demo.badOutput', {}, anonymous)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logger.entries).toHaveLength(1);
  });

  it('answers INTERNAL, logged, when an input check throws, instead of leaving the call unanswered', async () => {
    const { dispatch, logger } = setup();
    await expect(dispatch('demo.throwingCheck', { data: 10n }, anonymous)).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(String(logger.entries[0]?.fields.error)).toContain('BigInt');
  });
});

describe('the app contract', () => {
  it('takes no fields for app.info and app.health', () => {
    expect(methods['app.info'].input.safeParse({}).success).toBe(true);
    expect(methods['app.info'].input.safeParse({ x: 1 }).success).toBe(false);
    expect(methods['app.health'].input.safeParse(undefined).success).toBe(false);
  });

  it('names every method domain.verb and gives it a role', () => {
    for (const [name, spec] of Object.entries(methods)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(['public', 'clerk', 'supervisor', 'admin']).toContain(spec.role);
    }
  });
});
