/** How the back office reads a push's mutations one by one (server/sync/push-request.ts): what a desk is answered for one it cannot read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../../server/http/http-error';
import { checkMutations, PushEnvelope } from '../../../../server/sync/push-request';
import { PUSH_MAX_MUTATIONS } from '../../../../shared/sync-protocol';

const good = {
  mutationId: '0b5e3c1a-7c55-4b7e-9a36-3d5b1f0c2a11',
  aggregate: 'application:a-1',
  prevMutationId: null,
  baseVersion: 2,
  kind: 'application.update',
  payload: { id: 'a-1', notes: 'Принесе довідку' },
  actor: 'clerk-1',
  createdAt: '2026-11-02T09:00:00.000Z',
};

const rejectedAs = (mutationId: string) => ({
  ok: false,
  result: { mutationId, status: 'rejected', code: 'invalid_mutation', message: 'This server cannot read the mutation' },
});

function refusal(raw: unknown[]): HttpError {
  try {
    checkMutations(raw);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('checkMutations accepted what it should refuse');
}

describe('checkMutations', () => {
  it('passes every readable mutation through as read, in order', () => {
    const second = { ...good, mutationId: '1b5e3c1a-7c55-4b7e-9a36-3d5b1f0c2a11', baseVersion: null };
    expect(checkMutations([good, second])).toEqual([
      { ok: true, mutation: good },
      { ok: true, mutation: second },
    ]);
  });

  it('answers one it cannot read as rejected in its place, naming each field the schema refused, and reads the rest', () => {
    const broken = { ...good, mutationId: 'not-a-uuid-but-an-id', baseVersion: -1, createdAt: 7 };
    const checked = checkMutations([good, broken]);
    expect(checked[0]).toEqual({ ok: true, mutation: good });
    expect(checked[1]).toMatchObject(rejectedAs('not-a-uuid-but-an-id'));
    const fieldErrors = checked[1]?.ok === false && checked[1].result.status === 'rejected' ? checked[1].result.fieldErrors : [];
    expect(fieldErrors.map((e) => e.path)).toEqual([['mutationId'], ['baseVersion'], ['createdAt']]);
    for (const error of fieldErrors) expect(error.message).not.toBe('');
  });

  it('names an unknown field of a mutation among its field errors', () => {
    const [checked] = checkMutations([{ ...good, extra: 1 }]);
    expect(checked).toMatchObject({
      ...rejectedAs(good.mutationId),
      result: { fieldErrors: [{ path: [], message: expect.stringContaining('extra') }] },
    });
  });

  it('fails the whole request (400) for a mutation without an id to answer it by, naming its place', () => {
    for (const [raw, index] of [
      [null, 1],
      ['application.update', 1],
      [42, 1],
      [{ ...good, mutationId: undefined }, 1],
      [{ ...good, mutationId: 12 }, 1],
      [{ ...good, mutationId: '' }, 1],
      [{ ...good, mutationId: 'x'.repeat(101) }, 1],
    ] as const) {
      const error = refusal([good, raw]);
      expect([error.status, error.code, error.message], JSON.stringify(raw)).toEqual([
        400,
        'invalid_body',
        `mutations.${index} has no mutationId to answer it by`,
      ]);
    }
  });

  it('answers by an id up to 100 characters even when it is not a UUID', () => {
    const id = 'x'.repeat(100);
    expect(checkMutations([{ ...good, mutationId: id }])[0]).toMatchObject(rejectedAs(id));
    expect(checkMutations([{ ...good, mutationId: 'm' }])[0]).toMatchObject(rejectedAs('m'));
  });

  it('agrees with a model of the rule on any value a desk could send', () => {
    const value = fc.oneof(
      fc.constant(good),
      fc.record({
        ...Object.fromEntries(Object.entries(good).map(([k, v]) => [k, fc.constant(v)])),
        mutationId: fc.oneof(fc.string({ maxLength: 120 }), fc.integer(), fc.constant(null)),
      }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(value, (raw) => {
        const id =
          typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { mutationId?: unknown }).mutationId : undefined;
        const answerable = typeof id === 'string' && id.length >= 1 && id.length <= 100;
        let outcome: string;
        try {
          const [checked] = checkMutations([raw]);
          outcome = checked?.ok ? 'read' : `rejected ${checked?.result.mutationId}`;
        } catch (error) {
          outcome = error instanceof HttpError && error.status === 400 ? 'refused' : `threw ${String(error)}`;
        }
        const readable =
          raw === good || (typeof raw === 'object' && raw !== null && (raw as { mutationId?: unknown }).mutationId === good.mutationId);
        expect(outcome).toBe(readable ? 'read' : answerable ? `rejected ${String(id)}` : 'refused');
      }),
      { numRuns: 300 },
    );
  });
});

describe('PushEnvelope', () => {
  const envelope = { protocol: 2, mutations: [good] };
  it('reads a push body, leaving its mutations and sessions unread', () => {
    expect(PushEnvelope.parse({ ...envelope, mutations: [1, 'x'], sessions: [null] })).toEqual({
      protocol: 2,
      mutations: [1, 'x'],
      sessions: [null],
    });
  });
  it('refuses an empty or oversized batch, a protocol that is not a positive integer and unknown fields', () => {
    for (const body of [
      { ...envelope, mutations: [] },
      { ...envelope, mutations: Array.from({ length: PUSH_MAX_MUTATIONS + 1 }, () => good) },
      { ...envelope, sessions: Array.from({ length: PUSH_MAX_MUTATIONS + 1 }, () => null) },
      { ...envelope, protocol: 0 },
      { ...envelope, protocol: 1.5 },
      { ...envelope, cursor: 3 },
    ])
      expect(PushEnvelope.safeParse(body).success).toBe(false);
    expect(PushEnvelope.safeParse({ ...envelope, mutations: Array.from({ length: PUSH_MAX_MUTATIONS }, () => good) }).success).toBe(true);
  });
});
