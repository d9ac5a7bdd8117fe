/**
 * Tickets a desk issued or moved while the back office was unreachable, applied into the queue's
 * own tables (docs/ARCHITECTURE.md §6.8) so they count in the statistics like any other. Tickets are
 * first-wins: an action the ticket's current status forbids, or on a ticket now held by another
 * desk (served elsewhere meanwhile), is a conflict — the desk shows it refused and never retries it.
 */
import { ticketEventResult } from '../../../shared/domain/ticket-status';
import { TICKET_EVENTS } from '../../../shared/domain/ticket-status';
import type { TicketEvent } from '../../../shared/domain/ticket-status';
import type { QueueConfig } from '../../../shared/domain/queue-config';
import { QUEUE_ERRORS } from '../../../shared/queue-protocol';
import { parsePayload } from '../../../shared/sync-mutations';
import { HttpError } from '../../http/http-error';
import { markCalled } from '../../queue/call-next';
import { loadQueueConfig } from '../../queue/config';
import { issueTicket, toQueueTicket } from '../../queue/tickets';
import type { TicketRow } from '../../queue/tickets';
import { lockTicket, transition } from '../../queue/transition';
import { toInt } from '../../storage/storage';
import type { ApplyContext, Outcome } from './outcome';
import { invalidPayload, rejected, wrongCenter } from './outcome';

const notConfigured = (ctx: ApplyContext) =>
  rejected(QUEUE_ERRORS.notConfigured, `Center ${ctx.device.centerCode} has no queue configuration for its tickets`);

/** A refusal the queue core throws (unknown service, unknown queue) becomes the mutation's rejection; anything else is a fault. */
async function refusalsRejected(run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HttpError && error.status < 500) return rejected(error.code, error.message);
    throw error;
  }
}

async function issue(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('ticket.issue', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const [existing] = await ctx.tx.query<{ center_code: string }>('SELECT center_code FROM queue_tickets WHERE id = $1', [ctx.id]);
  if (existing)
    return existing.center_code === ctx.device.centerCode ? rejected('already_exists', `Ticket ${ctx.id} already exists`) : wrongCenter();
  const config = await loadQueueConfig(ctx.tx, ctx.device.centerCode);
  if (!config) return notConfigured(ctx);
  const { data } = parsed;
  return refusalsRejected(async () => {
    await issueTicket(ctx.tx, {
      centerCode: ctx.device.centerCode,
      config,
      serviceCode: data.serviceCode,
      purpose: data.purpose,
      ...(data.priorityReason === undefined ? {} : { priorityReason: data.priorityReason }),
      now: new Date(data.at),
      local: { id: ctx.id, number: data.number, deskCode: ctx.device.deskCode, clerkId: ctx.mutation.actor },
    });
    return { status: 'applied', version: 1 };
  });
}

function conflict(row: TicketRow, config: QueueConfig): Outcome {
  return { status: 'conflict', fields: ['status'], server: toQueueTicket(row, config), version: toInt(row.version) };
}

/** A counter action the desk took offline, at the desk's time. */
async function event(ctx: ApplyContext, name: TicketEvent): Promise<Outcome> {
  const parsed = parsePayload(`ticket.${name}`, ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const row = await lockTicket(ctx.tx, ctx.device.centerCode, ctx.id);
  if (!row) {
    const [elsewhere] = await ctx.tx.query('SELECT 1 FROM queue_tickets WHERE id = $1', [ctx.id]);
    return elsewhere ? wrongCenter() : rejected('not_found', `No ticket ${ctx.id}`);
  }
  const config = await loadQueueConfig(ctx.tx, ctx.device.centerCode);
  if (!config) return notConfigured(ctx);
  const actor = {
    centerCode: ctx.device.centerCode,
    config,
    deskCode: ctx.device.deskCode,
    clerkId: ctx.mutation.actor,
    now: new Date(parsed.data.at),
  };
  if (name === 'called') {
    if (ticketEventResult(row.status, 'called') === null) return conflict(row, config);
    const called = await markCalled(ctx.tx, actor, row.id);
    return { status: 'applied', version: toInt(called.row.version) };
  }
  if (row.desk_code !== ctx.device.deskCode) return conflict(row, config);
  const { note, toQueueCode, toDeskCode } = parsed.data;
  if (toQueueCode !== undefined && !config.queues.some((q) => q.code === toQueueCode))
    return rejected('unknown_queue', `No queue ${toQueueCode}`);
  const moved = await transition(ctx.tx, actor, row, name, { note, toQueueCode, toDeskCode });
  return moved ? { status: 'applied', version: toInt(moved.row.version) } : conflict(row, config);
}

export const ticketPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'ticket.issue': issue,
  ...Object.fromEntries(TICKET_EVENTS.map((name) => [`ticket.${name}`, (ctx: ApplyContext) => event(ctx, name)])),
};
