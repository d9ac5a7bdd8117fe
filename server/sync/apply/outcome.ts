import type { Device } from '../../auth/devices';
import type { Mutation, MutationResult } from '../../../shared/sync-protocol';
import type { Sql } from '../../storage/storage';
import type { EntityStore } from '../entity-store';
import type { VerifiedClerk } from '../../clerks/session-check';

/** What an entity policy is given: the mutation, who sent it, and the batch's records to read and write. */
export interface ApplyContext {
  store: EntityStore;
  /** The batch's transaction, for policies that write their own tables (queue tickets: docs/ARCHITECTURE.md §6.8). */
  tx: Sql;
  device: Device;
  mutation: Mutation;
  /** The clerk behind the mutation, as the back office's account names them (the session check verified it). */
  clerk: VerifiedClerk;
  /** The aggregate's id (after `application:` etc.). */
  id: string;
  /** The version the mutation's predecessor produced: the base when `baseVersion` is null. */
  predecessorVersion: number | null;
  /**
   * The versions of this aggregate that this device's own applied mutations produced (logged
   * earlier or earlier in this batch), ascending: what the desk had on top of its base.
   */
  ownVersions: () => Promise<number[]>;
}

export type FieldErrors = Extract<MutationResult, { status: 'rejected' }>['fieldErrors'];

/** Policies answer without the mutation id; push adds it. */
export type Outcome =
  | { status: 'applied'; version: number }
  | { status: 'conflict'; fields: string[]; server: Record<string, unknown>; version: number }
  | { status: 'rejected'; code: string; message: string; fieldErrors: FieldErrors }
  | { status: 'retry_later'; reason: 'predecessor_missing' | 'blob_missing' };

export function rejected(code: string, message: string, fieldErrors: FieldErrors = []): Outcome {
  return { status: 'rejected', code, message, fieldErrors };
}

/** A payload that fails its schema: rejected with the schema's field errors. */
export function invalidPayload(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Outcome {
  return rejected(
    'invalid_payload',
    'The mutation payload does not match its kind',
    issues.map((issue) => ({
      path: ['payload', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
      message: issue.message,
    })),
  );
}

/** The record exists but belongs to another center: a desk writes only its own center's data. */
export function wrongCenter(): Outcome {
  return rejected('wrong_center', "This record belongs to another center; a desk writes only its own center's data");
}
