/** Which policy a pushed mutation reaches (server/sync/apply/policies.ts): what a desk is answered before any record is read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicantPolicies } from '../../../../../server/sync/apply/applicant';
import { applicationPolicies } from '../../../../../server/sync/apply/application';
import { documentPolicies } from '../../../../../server/sync/apply/document';
import { resolvePolicy } from '../../../../../server/sync/apply/policies';
import { ticketPolicies } from '../../../../../server/sync/apply/ticket';
import { SYNC_MUTATIONS } from '../../../../../shared/sync-mutations';

const refused = (code: string, message: string) => ({ ok: false, code, message });

describe('resolvePolicy', () => {
  it('hands an edit of an application to the application policy of its kind', () => {
    expect(resolvePolicy('application:a-17', 'application.update', { id: 'a-17' })).toEqual({
      ok: true,
      entity: 'application',
      id: 'a-17',
      policy: applicationPolicies['application.update'],
    });
  });

  it('reads a document or a ticket by the field its kind names, and keeps every character of the id after the first colon', () => {
    expect(resolvePolicy('application:a-1', 'document.attach', { id: 'd-1', applicationId: 'a-1' })).toMatchObject({
      ok: true,
      entity: 'application',
      id: 'a-1',
      policy: documentPolicies['document.attach'],
    });
    expect(resolvePolicy('ticket:C1:2026-11-02:А-001', 'ticket.called', { id: 'C1:2026-11-02:А-001' })).toMatchObject({
      ok: true,
      entity: 'ticket',
      id: 'C1:2026-11-02:А-001',
      policy: ticketPolicies['ticket.called'],
    });
    expect(resolvePolicy('applicant:p', 'applicant.create', { id: 'p' })).toMatchObject({
      ok: true,
      id: 'p',
      policy: applicantPolicies['applicant.create'],
    });
  });

  it('refuses an aggregate no desk writes, or one that is not `<entity>:<id>` from its first character to its last', () => {
    for (const aggregate of [
      'clerk:c-1',
      'service:s-1',
      'catalog:x',
      'application',
      'application:',
      ':a-1',
      'Application:a-1',
      'xapplication:a-1',
      'application:a-1\nb',
    ])
      expect(resolvePolicy(aggregate, 'application.update', { id: 'a-1' }), aggregate).toEqual(
        refused('unknown_aggregate', `No desk writes ${aggregate}`),
      );
  });

  it('refuses a kind that does not exist, or one that writes another entity than the aggregate names', () => {
    expect(resolvePolicy('application:a-1', 'application.delete', { id: 'a-1' })).toEqual(
      refused('unknown_kind', 'No mutation application.delete on application'),
    );
    expect(resolvePolicy('application:a-1', 'applicant.update', { id: 'a-1' })).toEqual(
      refused('unknown_kind', 'No mutation applicant.update on application'),
    );
    expect(resolvePolicy('ticket:t-1', 'application.status', { id: 't-1' })).toEqual(
      refused('unknown_kind', 'No mutation application.status on ticket'),
    );
    // Names every object has: never a policy, however the tables are looked up.
    for (const kind of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(resolvePolicy('application:a-1', kind, { id: 'a-1' })).toEqual(refused('unknown_kind', `No mutation ${kind} on application`));
  });

  it('refuses a payload naming another record than its aggregate', () => {
    expect(resolvePolicy('application:a-1', 'application.update', { id: 'a-2' })).toEqual(
      refused('aggregate_mismatch', "payload.id is not the aggregate's id a-1"),
    );
    // A document's own id is not its application's: the kind says which field must match.
    expect(resolvePolicy('application:a-1', 'document.attach', { id: 'a-1', applicationId: 'a-2' })).toEqual(
      refused('aggregate_mismatch', "payload.applicationId is not the aggregate's id a-1"),
    );
    expect(resolvePolicy('application:a-1', 'application.update', {})).toMatchObject({ code: 'aggregate_mismatch' });
  });

  it('resolves every kind a desk may send, on its own entity', () => {
    for (const [kind, spec] of Object.entries(SYNC_MUTATIONS)) {
      const resolved = resolvePolicy(`${spec.entity}:x-1`, kind, { [spec.idField]: 'x-1' });
      expect(resolved, kind).toMatchObject({ ok: true, entity: spec.entity, id: 'x-1' });
      expect(resolved.ok && typeof resolved.policy, kind).toBe('function');
    }
  });

  it('agrees with a model of the rule on any aggregate, kind and payload id', () => {
    const kinds = Object.keys(SYNC_MUTATIONS);
    const entity = fc.constantFrom(
      'application',
      'applicant',
      'ticket',
      'calendar',
      'clerk',
      'service',
      'Application',
      'app-lication',
      'X-ticket',
      '',
    );
    const id = fc.oneof(fc.constantFrom('a-1', 'a:1', 'a\n1', ''), fc.string({ maxLength: 5 }));
    const kind = fc.oneof(fc.constantFrom(...kinds), fc.constantFrom('toString', 'application.delete'), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(entity, id, kind, fc.boolean(), (e, i, k, sameId) => {
        const aggregate = `${e}:${i}`;
        const spec = Object.hasOwn(SYNC_MUTATIONS, k) ? SYNC_MUTATIONS[k as keyof typeof SYNC_MUTATIONS] : undefined;
        const payload = { [spec?.idField ?? 'id']: sameId ? i : `${i}-other` };
        const writable = ['application', 'applicant', 'ticket', 'calendar'].includes(e) && i.length > 0 && !/[\n\r\u2028\u2029]/.test(i);
        const expected = !writable ? 'unknown_aggregate' : spec?.entity !== e ? 'unknown_kind' : !sameId ? 'aggregate_mismatch' : 'ok';
        const resolved = resolvePolicy(aggregate, k, payload);
        expect(resolved.ok ? 'ok' : resolved.code).toBe(expected);
        if (resolved.ok) expect([resolved.entity, resolved.id]).toEqual([e, i]);
      }),
      { numRuns: 500 },
    );
  });
});
