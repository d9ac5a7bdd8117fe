import { applicantPolicies } from './applicant';
import { applicationPolicies } from './application';
import { calendarPolicies } from './calendar';
import { documentPolicies } from './document';
import { paymentPolicies } from './payment';
import { isMutationKind, SYNC_MUTATIONS } from '../../../shared/sync-mutations';
import type { EntityName } from '../entity-store';
import type { ApplyContext, Outcome } from './outcome';
import { ticketPolicies } from './ticket';

type Policy = (ctx: ApplyContext) => Promise<Outcome>;

const WRITABLE: ReadonlySet<string> = new Set(Object.values(SYNC_MUTATIONS).map((spec) => spec.entity));

/**
 * The policy of each kind desks may write. Which aggregate a kind belongs to and where its id
 * is in the payload come from shared/sync-mutations.ts. Catalog and clerk accounts are
 * server-owned: no desk mutation names them, they flow to desks by pull only.
 */
const POLICIES: Readonly<Record<string, Policy>> = {
  ...applicationPolicies,
  ...documentPolicies,
  ...paymentPolicies,
  ...applicantPolicies,
  ...ticketPolicies,
  ...calendarPolicies,
};

export type Resolved = { ok: true; entity: EntityName; id: string; policy: Policy } | { ok: false; code: string; message: string };

/** The policy for a mutation, checking its aggregate names the entity its kind writes and matches its payload. */
export function resolvePolicy(aggregate: string, kind: string, payload: Record<string, unknown>): Resolved {
  const match = /^([a-z_]+):(.+)$/.exec(aggregate);
  const entity = match?.[1];
  const id = match?.[2];
  if (entity === undefined || id === undefined || !WRITABLE.has(entity))
    return { ok: false, code: 'unknown_aggregate', message: `No desk writes ${aggregate}` };
  const policy = POLICIES[kind];
  if (!isMutationKind(kind) || !policy || SYNC_MUTATIONS[kind].entity !== entity)
    return { ok: false, code: 'unknown_kind', message: `No mutation ${kind} on ${entity}` };
  const field = SYNC_MUTATIONS[kind].idField;
  if (payload[field] !== id) return { ok: false, code: 'aggregate_mismatch', message: `payload.${field} is not the aggregate's id ${id}` };
  return { ok: true, entity: SYNC_MUTATIONS[kind].entity, id, policy };
}
