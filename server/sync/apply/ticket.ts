import { TICKET_EVENTS, ticketEventResult, TicketStatus } from '../../../shared/domain/ticket-status';
import type { TicketEvent } from '../../../shared/domain/ticket-status';
import { parsePayload } from '../../../shared/sync-mutations';
import type { ApplyContext, Outcome } from './outcome';
import { invalidPayload, rejected, wrongCenter } from './outcome';

async function issue(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('ticket.issue', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const existing = await ctx.store.load('ticket', ctx.id);
  if (existing)
    return existing.centerCode === ctx.device.centerCode ? rejected('already_exists', `Ticket ${ctx.id} already exists`) : wrongCenter();
  const data = {
    ...parsed.data,
    priorityReason: parsed.data.priorityReason ?? null,
    status: 'waiting',
    deskCode: ctx.device.deskCode,
    centerCode: ctx.device.centerCode,
  };
  ctx.store.save('ticket', { id: ctx.id, centerCode: ctx.device.centerCode, version: 1, data });
  return { status: 'applied', version: 1 };
}

/** A counter action. Tickets are first-wins: an action another desk's earlier one made impossible is a conflict. */
async function event(ctx: ApplyContext, name: TicketEvent): Promise<Outcome> {
  const parsed = parsePayload(`ticket.${name}`, ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const current = await ctx.store.load('ticket', ctx.id);
  if (!current) return rejected('not_found', `No ticket ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  const to = ticketEventResult(TicketStatus.parse(current.data.status), name);
  if (to === null) return { status: 'conflict', fields: ['status'], server: current.data, version: current.version };
  const version = current.version + 1;
  ctx.store.save('ticket', { ...current, version, data: { ...current.data, status: to, deskCode: ctx.device.deskCode } });
  return { status: 'applied', version };
}

export const ticketPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'ticket.issue': issue,
  ...Object.fromEntries(TICKET_EVENTS.map((name) => [`ticket.${name}`, (ctx: ApplyContext) => event(ctx, name)])),
};
