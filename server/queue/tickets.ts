/**
 * Queue tickets in the back office (docs/ARCHITECTURE.md §6.8): issuing one (its number from the
 * center's daily series), recording each queue event, and reading rows as the protocol's QueueTicket.
 */
import { randomUUID } from 'node:crypto';
import { queueForService, ticketNumber } from '../../shared/domain/queue-config';
import type { NumberSeries, QueueConfig, TicketPurpose } from '../../shared/domain/queue-config';
import type { TicketEvent, TicketStatus } from '../../shared/domain/ticket-status';
import type { CallCandidate } from '../../shared/domain/call-order';
import { QUEUE_ERRORS } from '../../shared/queue-protocol';
import type { QueueTicket } from '../../shared/queue-protocol';
import { HttpError } from '../http/http-error';
import type { Sql } from '../storage/storage';
import { toInt } from '../storage/storage';

export interface TicketRow {
  id: string;
  center_code: string;
  number: string;
  queue_code: string;
  service_code: string | null;
  purpose: TicketPurpose;
  priority_category: string | null;
  priority_reason: string | null;
  booking_code: string | null;
  booked_slot_start: Date | string | null;
  booking_late: boolean;
  status: TicketStatus;
  desk_code: string | null;
  target_desk_code: string | null;
  note: string | null;
  reg_number: string | null;
  local: boolean;
  issued_at: Date | string;
  called_at: Date | string | null;
  recalls: unknown;
  version: unknown;
}

/** The SELECT list every ticket read uses, so rows always map to TicketRow. */
export const TICKET_COLUMNS =
  'id, center_code, number, queue_code, service_code, purpose, priority_category, priority_reason, booking_code, booked_slot_start, ' +
  'booking_late, status, desk_code, target_desk_code, note, reg_number, local, issued_at, called_at, recalls, version';

/** Both drivers read timestamptz as Date; a string is accepted too so callers never care. */
export function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** The window a desk sits at, from the configuration (null for a desk not in it, e.g. a removed one). */
export function windowOf(config: QueueConfig, deskCode: string | null): string | null {
  return config.desks.find((desk) => desk.deskCode === deskCode)?.window ?? null;
}

export function toQueueTicket(row: TicketRow, config: QueueConfig): QueueTicket {
  return {
    id: row.id,
    number: row.number,
    queueCode: row.queue_code,
    serviceCode: row.service_code,
    purpose: row.purpose,
    priorityCategory: row.priority_category,
    priorityReason: row.priority_reason,
    booking:
      row.booking_code === null || row.booked_slot_start === null
        ? null
        : { code: row.booking_code, slotStart: iso(row.booked_slot_start), late: row.booking_late },
    status: row.status,
    deskCode: row.desk_code,
    window: windowOf(config, row.desk_code),
    targetDeskCode: row.target_desk_code,
    note: row.note,
    regNumber: row.reg_number,
    local: row.local,
    issuedAt: iso(row.issued_at),
    calledAt: isoOrNull(row.called_at),
    recalls: toInt(row.recalls),
  };
}

/** What call order needs of a row: a late check-in waits in the live queue, so its slot does not count. */
export function toCandidate(row: TicketRow): CallCandidate {
  return {
    id: row.id,
    queueCode: row.queue_code,
    priority: row.priority_category !== null,
    bookedSlotStart: row.booked_slot_start === null || row.booking_late ? null : iso(row.booked_slot_start),
    issuedAt: iso(row.issued_at),
    targetDeskCode: row.target_desk_code,
  };
}

/** The center-local calendar day of `at` (YYYY-MM-DD): series restart at the center's midnight, not UTC's. */
export function centerDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * The next number of a series for the day. One UPSERT takes it: the row lock it holds until commit
 * makes concurrent issuers wait their turn, so two tickets never share a number; a refused issue
 * rolls back and gives its number back.
 */
async function nextNumber(tx: Sql, centerCode: string, day: string, series: NumberSeries): Promise<string> {
  const [row] = await tx.query<{ last: unknown }>(
    `INSERT INTO queue_series (center_code, day, prefix, last) VALUES ($1, $2, $3, $4)
     ON CONFLICT (center_code, day, prefix) DO UPDATE SET last = queue_series.last + 1 RETURNING last`,
    [centerCode, day, series.prefix, series.first],
  );
  const n = toInt(row!.last);
  if (n > series.last)
    throw new HttpError(409, QUEUE_ERRORS.seriesExhausted, `The series ${series.prefix} ran out for ${day} (last is ${series.last})`);
  return ticketNumber(series, n);
}

export type QueueEventName = 'issued' | TicketEvent;

export interface QueueEventInput {
  centerCode: string;
  ticketId: string;
  event: QueueEventName;
  at: Date;
  deskCode: string | null;
  clerkId: string | null;
  queueCode: string;
  serviceCode: string | null;
  details?: Record<string, unknown> | null;
}

/** Stores one queue event (statistics derive from these); answers its seq, which the board shows calls by. */
export async function recordEvent(tx: Sql, input: QueueEventInput): Promise<number> {
  const [row] = await tx.query<{ seq: unknown }>(
    `INSERT INTO queue_events (center_code, ticket_id, event, at, desk_code, clerk_id, queue_code, service_code, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING seq`,
    [
      input.centerCode,
      input.ticketId,
      input.event,
      input.at.toISOString(),
      input.deskCode,
      input.clerkId,
      input.queueCode,
      input.serviceCode,
      input.details ? JSON.stringify(input.details) : null,
    ],
  );
  return toInt(row!.seq);
}

export interface IssueInput {
  centerCode: string;
  config: QueueConfig;
  serviceCode: string | null;
  purpose: TicketPurpose;
  priorityCategory?: string;
  priorityReason?: string;
  booking?: { code: string; slotStart: Date; late: boolean };
  regNumber?: string;
  now: Date;
  /** A walk-in a desk served offline: its id, its local number (Л001) and who issued it; `now` is the desk's time. */
  local?: { id: string; number: string; deskCode: string; clerkId: string };
}

/**
 * Which series numbers a ticket: a booking checked in on time has the booking series, a priority
 * ticket the priority series, everyone else their queue's.
 */
function seriesFor(input: IssueInput, queueSeries: NumberSeries): NumberSeries {
  const { config } = input;
  if (input.booking && !input.booking.late) {
    if (!config.booking) throw new HttpError(409, QUEUE_ERRORS.notConfigured, `Center ${input.centerCode} takes no bookings`);
    return config.booking.series;
  }
  if (input.priorityCategory !== undefined) return config.priority.series;
  return queueSeries;
}

/** Issues a waiting ticket and records its `issued` event, in the caller's transaction. */
export async function issueTicket(tx: Sql, input: IssueInput): Promise<QueueTicket> {
  const { config } = input;
  const queue = queueForService(config, input.serviceCode);
  if (!queue) throw new HttpError(400, QUEUE_ERRORS.unknownService, `No queue of center ${input.centerCode} serves ${input.serviceCode}`);
  if (input.priorityCategory !== undefined && !config.priority.categories.some((c) => c.code === input.priorityCategory))
    throw new HttpError(400, 'unknown_priority', `No priority category ${input.priorityCategory}`);
  const day = centerDay(input.now, config.timeZone);
  const number = input.local ? input.local.number : await nextNumber(tx, input.centerCode, day, seriesFor(input, queue.series));
  const [row] = await tx.query<TicketRow>(
    `INSERT INTO queue_tickets (id, center_code, day, number, queue_code, service_code, purpose, priority_category, priority_reason,
       booking_code, booked_slot_start, booking_late, status, desk_code, clerk_id, reg_number, local, issued_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'waiting', $13, $14, $15, $16, $17, $17)
     RETURNING ${TICKET_COLUMNS}`,
    [
      input.local?.id ?? randomUUID(),
      input.centerCode,
      day,
      number,
      queue.code,
      input.serviceCode,
      input.purpose,
      input.priorityCategory ?? null,
      input.priorityReason ?? null,
      input.booking?.code ?? null,
      input.booking?.slotStart.toISOString() ?? null,
      input.booking?.late ?? false,
      input.local?.deskCode ?? null,
      input.local?.clerkId ?? null,
      input.regNumber ?? null,
      input.local !== undefined,
      input.now.toISOString(),
    ],
  );
  await recordEvent(tx, {
    centerCode: input.centerCode,
    ticketId: row!.id,
    event: 'issued',
    at: input.now,
    deskCode: input.local?.deskCode ?? null,
    clerkId: input.local?.clerkId ?? null,
    queueCode: queue.code,
    serviceCode: input.serviceCode,
    details: { purpose: input.purpose, priorityCategory: input.priorityCategory ?? null, bookingCode: input.booking?.code ?? null },
  });
  return toQueueTicket(row!, config);
}
