import { appendAudit } from '../audit/audit-log';
import type { AuditEntry } from '../audit/audit-log';
import type { DeskConfig } from '../config/desk-config';
import { enqueueMutation } from '../outbox/enqueue';
import type { Mutation } from '../outbox/enqueue';
import type { MutationKind } from '../../../shared/sync-mutations';
import type { Db } from '../db/open';
import type { Role } from '../../../shared/roles';
import { refuseWritesIfDamaged } from '../db/full-check';
import { asStorageError } from '../db/storage-errors';

/** What every command needs besides its input: the database, who acts (and in which roles), when, and where. */
export interface CommandEnv {
  db: Db;
  clerkId: string;
  roles: readonly Role[];
  /** The clerk's sign-in session, stamped on each outbox mutation (the back office checks the clerk by it); none for the desk's own background work. */
  sessionId?: string;
  now: () => Date;
  desk: DeskConfig;
}

/**
 * Runs `work` as one IMMEDIATE transaction (the write lock is taken up front, so it never fails
 * half-way on a lock upgrade): all of its rows are committed, or none. Storage failures come
 * out as STORAGE errors. Inside another runCommand it is a savepoint of that transaction, so a
 * command made of commands (intake/register-intake.ts) still commits whole or not at all.
 * On a database the background check found damaged it refuses before writing anything.
 */
export function runCommand<T>(db: Db, work: () => T): T {
  refuseWritesIfDamaged(db);
  try {
    return db.transaction(work).immediate();
  } catch (error) {
    throw asStorageError(error);
  }
}

/**
 * The two rows every state change writes next to its domain rows (docs/ARCHITECTURE.md §5.2):
 * the outbox mutation that carries it to the back office and the audit event. Call inside
 * runCommand; a payload its kind's schema refuses throws and so rolls the command back.
 */
export function recordChange<K extends MutationKind>(
  env: CommandEnv,
  at: string,
  mutation: Omit<Mutation<K>, 'actor'>,
  audit: Omit<AuditEntry, 'at' | 'actor'>,
): string {
  const mutationId = enqueueMutation(env.db, { ...mutation, actor: env.clerkId, sessionId: env.sessionId ?? null }, at);
  appendAudit(env.db, { ...audit, at, actor: env.clerkId, details: { ...audit.details, mutationId } });
  return mutationId;
}
