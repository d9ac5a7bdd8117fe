import { applicantPolicies } from './applicant';
import { applicationPolicies } from './application';
import { documentPolicies } from './document';
import type { EntityName } from '../entity-store';
import type { ApplyContext, Outcome } from './outcome';
import { ticketPolicies } from './ticket';

type Policy = (ctx: ApplyContext) => Promise<Outcome>;

interface AggregatePolicies {
  entity: EntityName;
  /** Where the aggregate's id is in the payload; it must equal the aggregate's. */
  idField: (kind: string) => string;
  byKind: Readonly<Record<string, Policy>>;
}

/**
 * Aggregates desks may write. Catalog and clerk accounts are server-owned: no desk mutation
 * names them, they flow to desks by pull only.
 */
const AGGREGATES: Readonly<Record<string, AggregatePolicies>> = {
  application: {
    entity: 'application',
    idField: (kind) => (kind.startsWith('document.') ? 'applicationId' : 'id'),
    byKind: { ...applicationPolicies, ...documentPolicies },
  },
  applicant: { entity: 'applicant', idField: () => 'id', byKind: applicantPolicies },
  ticket: { entity: 'ticket', idField: () => 'id', byKind: ticketPolicies },
};

export type Resolved = { ok: true; entity: EntityName; id: string; policy: Policy } | { ok: false; code: string; message: string };

/** The policy for a mutation, checking its aggregate names a writable entity and matches its payload. */
export function resolvePolicy(aggregate: string, kind: string, payload: Record<string, unknown>): Resolved {
  const match = /^([a-z_]+):(.+)$/.exec(aggregate);
  const entity = match?.[1];
  const id = match?.[2];
  const policies = entity === undefined ? undefined : AGGREGATES[entity];
  if (!policies || id === undefined) return { ok: false, code: 'unknown_aggregate', message: `No desk writes ${aggregate}` };
  const policy = policies.byKind[kind];
  if (!policy) return { ok: false, code: 'unknown_kind', message: `No mutation ${kind} on ${entity}` };
  const field = policies.idField(kind);
  if (payload[field] !== id) return { ok: false, code: 'aggregate_mismatch', message: `payload.${field} is not the aggregate's id ${id}` };
  return { ok: true, entity: policies.entity, id, policy };
}
