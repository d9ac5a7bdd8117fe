import { z } from 'zod';
import { currentLines, initialReceipt, ReceiptItem, ReceiptVersion } from '../../../shared/domain/receipt';
import { canTransition, roleMayMove } from '../../../shared/domain/application-status';
import type { Role } from '../../../shared/roles';
import { moveStatus, representativeMayReceive } from './status-move';
import { parsePayload } from '../../../shared/sync-mutations';
import { StatusHistory } from '../../../shared/domain/application-history';
import type { StatusStep } from '../../../shared/domain/application-history';
import type { EntityData } from '../entity-store';
import type { ApplyContext, Outcome } from './outcome';
import { invalidPayload, rejected, wrongCenter } from './outcome';
import { updateWithMerge } from './update-with-merge';

async function register(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('application.register', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const existing = await ctx.store.load('application', ctx.id);
  if (existing)
    return existing.centerCode === ctx.device.centerCode
      ? rejected('already_exists', `Application ${ctx.id} is already registered`)
      : wrongCenter();
  const { actorName, ...p } = parsed.data;
  const holder = await ctx.store.regNumberHolder(ctx.device.centerCode, p.regNumber);
  if (holder !== null) {
    return rejected('reg_number_taken', `Registration number ${p.regNumber} is already used by application ${holder} in this center`, [
      { path: ['payload', 'regNumber'], message: 'already used in this center' },
    ]);
  }
  const first = step(ctx, {
    from: null,
    to: 'registered',
    reason: null,
    receivedBy: null,
    at: p.registeredAt,
    actorName: ctx.clerk.fullName,
  });
  const data: EntityData = {
    ...p,
    representative: p.representative ?? null,
    notes: p.notes ?? null,
    ticketId: p.ticketId ?? null,
    snapshot: p.snapshot ?? null,
    // опис №1, as the desk issued it at registration; a desk of an earlier build names no clerk and numbers no receipts.
    // The clerk's name is the account's: a desk says who, the back office says what they are called.
    receipts: actorName
      ? [initialReceipt({ registeredAt: p.registeredAt, clerkId: ctx.mutation.actor, clerkName: ctx.clerk.fullName, items: p.items })]
      : [],
    status: 'registered',
    clerkId: ctx.mutation.actor,
    centerCode: ctx.device.centerCode,
    deskCode: ctx.device.deskCode,
    statusHistory: [first],
  };
  ctx.store.save('application', { id: ctx.id, centerCode: ctx.device.centerCode, version: 1, data });
  recordStatus(ctx, first);
  return { status: 'applied', version: 1 };
}

/**
 * The roles a desk's push acts with: its one local account (clerk and supervisor) until sign-in
 * lands. Provider-side moves of a synced center are made on the back office's provider endpoints,
 * never pushed by a desk.
 */
const DESK_ROLES: readonly Role[] = ['clerk', 'supervisor'];

/**
 * A status move, checked by the desk's own status machine. The desk's `from` is its base for
 * the status field: if the server's status moved since, the two moves overlap → conflict.
 */
async function changeStatus(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('application.status', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const current = await ctx.store.load('application', ctx.id);
  if (!current) return rejected('not_found', `No application ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  if (current.data.status !== parsed.data.from)
    return { status: 'conflict', fields: ['status'], server: current.data, version: current.version };
  const { from, to, at } = parsed.data;
  if (canTransition(from, to) && !roleMayMove(from, to, DESK_ROLES)) {
    return rejected('role_forbidden', `A desk does not move an application from ${from} to ${to}: that is the provider's`, [
      { path: ['payload', 'to'], message: 'status.role_forbidden' },
    ]);
  }
  const data = moveStatus(current.data, parsed.data, {
    representativeMayReceive: representativeMayReceive(current.data),
    // The desk checked its configured waiting time; the back office keeps no such setting of its own yet.
    unclaimedAfterDays: 0,
    // The desk checked the grounds against its copy of the service card.
    refusalGrounds: null,
  });
  if (!data.ok) {
    const code = data.problems.some((p) => p.path[0] === 'to') ? 'transition_forbidden' : 'invalid_payload';
    return rejected(
      code,
      `An application that is ${from} cannot become ${to} this way`,
      data.problems.map((p) => ({ ...p, path: ['payload', ...p.path] })),
    );
  }
  const version = current.version + 1;
  const next = step(ctx, {
    from,
    to,
    reason: parsed.data.reason,
    receivedBy: parsed.data.receivedBy,
    at,
    actorName: ctx.clerk.fullName,
    ...(parsed.data.correctionReason === undefined ? {} : { correctionReason: parsed.data.correctionReason }),
  });
  ctx.store.save('application', { ...current, version, data: { ...data.record, statusHistory: [...historyOf(current.data), next] } });
  recordStatus(ctx, next);
  return { status: 'applied', version };
}

function step(ctx: ApplyContext, fields: Omit<StatusStep, 'actorId' | 'mutationId'>): StatusStep {
  return { ...fields, actorId: ctx.mutation.actor, mutationId: ctx.mutation.mutationId };
}

/**
 * The history the record carries, which each status step extends. Records stored before it
 * existed were given theirs by migration 0004; a malformed one throws rather than be rebuilt
 * partial, since every desk would then show the partial one.
 */
function historyOf(data: EntityData): StatusStep[] {
  return StatusHistory.default([]).parse(data.statusHistory);
}

/** Each step also goes to application_status_history, the back office's own log of them. */
function recordStatus(ctx: ApplyContext, { from, to, reason, receivedBy, at, actorId, mutationId }: StatusStep): void {
  ctx.store.recordStatus({ applicationId: ctx.id, from, to, reason, receivedBy, at, clerkId: actorId, mutationId });
}

async function update(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('application.update', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const current = await ctx.store.load('application', ctx.id);
  if (!current) return rejected('not_found', `No application ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  const { id: _id, correctionReason, ...fields } = parsed.data;
  if (correctionReason === undefined) return updateWithMerge(ctx, 'application', current, fields);
  // A supervisor's correction of fields is a step of the history that keeps the status: who, when and why.
  const status = z.string().parse(current.data.status) as StatusStep['to'];
  const corrected = step(ctx, {
    from: status,
    to: status,
    reason: correctionReason,
    receivedBy: null,
    at: ctx.mutation.createdAt,
    actorName: null,
    correctionReason,
  });
  const outcome = await updateWithMerge(ctx, 'application', current, fields, (merged) => ({
    ...merged,
    statusHistory: [...historyOf(merged), corrected],
  }));
  if (outcome.status === 'applied') recordStatus(ctx, corrected);
  return outcome;
}

/** The receipts the record carries; records stored before receipts were numbered have none. */
function receiptsOf(data: EntityData): ReceiptVersion[] {
  return z.array(ReceiptVersion).default([]).parse(data.receipts);
}

/**
 * A receipt the desk issued (an additional опис or a corrected version) appended to the record.
 * Receipts are append-only: a number or version already there (another desk issued it first)
 * is refused for the supervisor to resolve, never overwritten. The record's `items` stay the
 * current lines, for desks that read only those.
 */
async function issueReceipt(ctx: ApplyContext, kind: 'application.addDocuments' | 'application.correctLine'): Promise<Outcome> {
  const parsed = parsePayload(kind, ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  // Who issued it is the session's clerk, named as the account names them, whatever the desk printed.
  const receipt = { ...parsed.data.receipt, clerkId: ctx.mutation.actor, clerkName: ctx.clerk.fullName };
  const current = await ctx.store.load('application', ctx.id);
  if (!current) return rejected('not_found', `No application ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  const receipts = receiptsOf(current.data);
  if (receipts.some((r) => r.number === receipt.number && r.version === receipt.version)) {
    return rejected('receipt_taken', `Receipt №${receipt.number} v${receipt.version} of application ${ctx.id} is already issued`, [
      { path: ['payload', 'receipt', 'number'], message: 'already issued' },
    ]);
  }
  // A record stored before receipts were numbered holds none of its опис: the desk's backfilled one is the base then.
  const known = receipts.filter((r) => r.number === receipt.number);
  if (kind === 'application.correctLine' && known.length > 0 && !known.some((r) => r.version === receipt.version - 1)) {
    return rejected('receipt_unknown', `Application ${ctx.id} has no receipt №${receipt.number} v${receipt.version - 1} to correct`, [
      { path: ['payload', 'receipt', 'version'], message: 'no such receipt' },
    ]);
  }
  const next = [...receipts, receipt];
  const items = next.some((r) => r.number === 1)
    ? currentLines(next)
    : // A record stored before receipts were numbered: its lines plus the new опис's.
      [...ReceiptLines.parse(current.data.items), ...receipt.lines];
  const version = current.version + 1;
  ctx.store.save('application', { ...current, version, data: { ...current.data, receipts: next, items } });
  return { status: 'applied', version };
}

const ReceiptLines = z.array(ReceiptItem).default([]);

/** Application policies by mutation kind. */
export const applicationPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'application.register': register,
  'application.status': changeStatus,
  'application.update': update,
  'application.addDocuments': (ctx) => issueReceipt(ctx, 'application.addDocuments'),
  'application.correctLine': (ctx) => issueReceipt(ctx, 'application.correctLine'),
};
