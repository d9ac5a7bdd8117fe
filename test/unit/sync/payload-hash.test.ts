import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mutationHash } from '../../../server/sync/payload-hash';
import type { Mutation } from '../../../shared/sync-protocol';

const mutation: Mutation = {
  mutationId: 'm-1',
  aggregate: 'application:a-1',
  prevMutationId: null,
  baseVersion: 3,
  kind: 'application.update',
  actor: 'clerk-1',
  createdAt: '2026-11-02T09:00:00.000Z',
  payload: { id: 'a-1', notes: 'Принесе довідку', items: [{ name: 'Заява', sheets: 1, original: true }] },
};

describe('mutationHash', () => {
  it('stays what servers already stored in mutation_log (a change would turn every resend into mutation_id_reused)', () => {
    expect(mutationHash(mutation)).toBe('5085b8f89d51966e3fb3c266d6806cb287a16c2ee8c054f620146242f5ddf842');
  });

  it('does not depend on the order keys arrive in, at any depth', () => {
    const reordered = JSON.parse(
      '{"payload":{"items":[{"original":true,"sheets":1,"name":"Заява"}],"notes":"Принесе довідку","id":"a-1"},"createdAt":"2026-11-02T09:00:00.000Z","actor":"clerk-1","kind":"application.update","baseVersion":3,"prevMutationId":null,"aggregate":"application:a-1","mutationId":"m-1"}',
    ) as Mutation;
    expect(mutationHash(reordered)).toBe(mutationHash(mutation));
  });

  it('orders integer-like keys as strings, as the stored hashes were made', () => {
    const withDetails: Mutation = {
      ...mutation,
      kind: 'ticket.called',
      payload: { id: 't-1', event: 'called', details: { '10': 'a', '9': 'b', x: 1 } },
    };
    expect(mutationHash(withDetails)).toBe(
      createHash('sha256')
        .update(
          '{"actor":"clerk-1","aggregate":"application:a-1","baseVersion":3,"createdAt":"2026-11-02T09:00:00.000Z","kind":"ticket.called","mutationId":"m-1","payload":{"details":{"10":"a","9":"b","x":1},"event":"called","id":"t-1"},"prevMutationId":null}',
        )
        .digest('hex'),
    );
  });

  it('changes with any value, and keeps array order', () => {
    expect(mutationHash({ ...mutation, baseVersion: 4 })).not.toBe(mutationHash(mutation));
    const items = [
      { name: 'Б', sheets: 1, original: true },
      { name: 'А', sheets: 2, original: false },
    ];
    expect(mutationHash({ ...mutation, payload: { ...mutation.payload, items } })).not.toBe(
      mutationHash({ ...mutation, payload: { ...mutation.payload, items: [...items].reverse() } }),
    );
  });
});
