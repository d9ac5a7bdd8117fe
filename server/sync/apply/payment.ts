import { z } from 'zod';
import { PaymentRecord } from '../../../shared/domain/payment';
import { parsePayload } from '../../../shared/sync-mutations';
import type { EntityRow } from '../entity-store';
import type { ApplyContext, Outcome } from './outcome';
import { invalidPayload, rejected, wrongCenter } from './outcome';

/**
 * Payments live in their application's record (`payments`), so desks pull them with it. A
 * malformed list throws rather than be rebuilt partial: every desk would then show the partial one.
 */
function paymentsOf(current: EntityRow): PaymentRecord[] {
  return z.array(PaymentRecord).default([]).parse(current.data.payments);
}

/** The application a payment names, when it exists and is this device's center's. */
async function ownApplication(ctx: ApplyContext): Promise<EntityRow | Outcome> {
  const current = await ctx.store.load('application', ctx.id);
  if (!current) return rejected('not_found', `No application ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  return current;
}

function save(ctx: ApplyContext, current: EntityRow, payments: PaymentRecord[]): Outcome {
  const version = current.version + 1;
  ctx.store.save('application', { ...current, version, data: { ...current.data, payments } });
  return { status: 'applied', version };
}

/** Payments from two desks on one case never conflict: each is its own entry, appended. */
async function add(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('payment.add', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const current = await ownApplication(ctx);
  if ('status' in current) return current;
  const payments = paymentsOf(current);
  const { id, entry, at } = parsed.data;
  if (payments.some((p) => p.id === id)) return rejected('already_exists', `Payment ${id} is already recorded`);
  return save(ctx, current, [...payments, { id, entry, at, clerkId: ctx.mutation.actor, cancelled: null }]);
}

/** A cancellation marks the entry, never removes it, so every desk keeps it in the case's history. */
async function cancel(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('payment.cancel', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const current = await ownApplication(ctx);
  if ('status' in current) return current;
  const { id, reason, at } = parsed.data;
  const payments = paymentsOf(current);
  const target = payments.find((p) => p.id === id);
  if (!target) return rejected('not_found', `No payment ${id} on the server`, [{ path: ['payload', 'id'], message: 'no such payment' }]);
  if (target.cancelled !== null) return rejected('already_cancelled', `Payment ${id} was cancelled already`);
  const cancelled = { at, reason, clerkId: ctx.mutation.actor };
  return save(
    ctx,
    current,
    payments.map((p) => (p.id === id ? { ...p, cancelled } : p)),
  );
}

export const paymentPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'payment.add': add,
  'payment.cancel': cancel,
};
