import { z } from 'zod';
import { isTicketEvent, TICKET_EFFECTS } from '../../../shared/domain/ticket-status';
import type { ApplyContext, Outcome } from './outcome';
import { invalidPayload, rejected, wrongCenter } from './outcome';

const IssuePayload = z
  .object({ id: z.string().min(1).max(64), number: z.string().min(1).max(20), queueCode: z.string().min(1).max(20), priorityReason: z.string().max(200).optional(), at: z.string() })
  .strict();
const EventPayload = z.object({ id: z.string(), event: z.string(), at: z.string(), details: z.record(z.string(), z.unknown()).nullable() }).strict();

async function issue(ctx: ApplyContext): Promise<Outcome> {
  const parsed = IssuePayload.safeParse(ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const existing = await ctx.store.load('ticket', ctx.id);
  if (existing) return existing.centerCode === ctx.device.centerCode ? rejected('already_exists', `Ticket ${ctx.id} already exists`) : wrongCenter();
  const data = { ...parsed.data, priorityReason: parsed.data.priorityReason ?? null, status: 'waiting', deskCode: ctx.device.deskCode, centerCode: ctx.device.centerCode };
  ctx.store.save('ticket', { id: ctx.id, centerCode: ctx.device.centerCode, version: 1, data });
  return { status: 'applied', version: 1 };
}

/** A counter action. Tickets are first-wins: an action another desk's earlier one made impossible is a conflict. */
async function event(ctx: ApplyContext): Promise<Outcome> {
  const parsed = EventPayload.safeParse(ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const effect = isTicketEvent(parsed.data.event) ? TICKET_EFFECTS[parsed.data.event] : undefined;
  if (!effect || ctx.mutation.kind !== `ticket.${parsed.data.event}`) return rejected('unknown_kind', `No ticket action ${ctx.mutation.kind}`);
  const current = await ctx.store.load('ticket', ctx.id);
  if (!current) return rejected('not_found', `No ticket ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  const status = z.string().parse(current.data.status);
  if (!effect.from.some((s) => s === status)) return { status: 'conflict', fields: ['status'], server: current.data, version: current.version };
  const version = current.version + 1;
  ctx.store.save('ticket', { ...current, version, data: { ...current.data, status: effect.to, deskCode: ctx.device.deskCode } });
  return { status: 'applied', version };
}

export const ticketPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'ticket.issue': issue,
  ...Object.fromEntries(Object.keys(TICKET_EFFECTS).map((name) => [`ticket.${name}`, event])),
};
