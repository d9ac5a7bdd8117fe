/**
 * Queue statistics derived from the stored events the way Qmatic derives them (docs/ARCHITECTURE.md
 * §6.8): the last call counts. The back office computes them from its queue tables, a desk without
 * one from its own tickets (the supervisor's review). Waiting is issue → the ticket's last call (a recall, a return from
 * parking or the call after a transfer moves it); service is that last call → service ended. A
 * transferred ticket is counted once, for the desk, clerk and queue of its last call, its time at the
 * first desk inside its waiting. Percentile: nearest rank (the ⌈0.9·n⌉-th smallest value).
 */
import type { TicketPurpose } from './domain/queue-config';
import type { QueueStatistics, QueueStatisticsRow } from './queue-protocol';

export interface StatisticsTicket {
  id: string;
  queueCode: string;
  serviceCode: string | null;
  purpose: TicketPurpose;
  issuedAt: Date;
}

export interface StatisticsEvent {
  ticketId: string;
  event: string;
  at: Date;
  deskCode: string | null;
  clerkId: string | null;
}

/** What one ticket's events come to. */
interface Visit {
  ticket: StatisticsTicket;
  lastCall: StatisticsEvent | null;
  waitingSeconds: number | null;
  serviceSeconds: number | null;
  noShow: boolean;
}

/** The row key for tickets with no service (purpose `other`). */
const NO_SERVICE = '-';
const CALLS = new Set(['called', 'recalled']);

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

function visit(ticket: StatisticsTicket, events: readonly StatisticsEvent[]): Visit {
  let lastCall: StatisticsEvent | null = null;
  let ended: StatisticsEvent | null = null;
  let noShow = false;
  for (const event of events) {
    if (CALLS.has(event.event)) {
      lastCall = event;
      ended = null;
    } else if (event.event === 'service_ended') ended = event;
    else if (event.event === 'no_show') noShow = true;
  }
  return {
    ticket,
    lastCall,
    waitingSeconds: lastCall ? seconds(ticket.issuedAt, lastCall.at) : null,
    serviceSeconds: lastCall && ended ? seconds(lastCall.at, ended.at) : null,
    noShow,
  };
}

/** The ⌈p·n⌉-th smallest value (nearest rank); null for no values. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function times(values: readonly number[]) {
  return {
    count: values.length,
    avgSeconds: values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length,
    p90Seconds: nearestRank(values, 0.9),
  };
}

function row(key: string, visits: readonly Visit[]): QueueStatisticsRow {
  const waiting = visits.flatMap((v) => (v.waitingSeconds === null ? [] : [v.waitingSeconds]));
  const service = visits.flatMap((v) => (v.serviceSeconds === null ? [] : [v.serviceSeconds]));
  return {
    key,
    tickets: visits.length,
    served: service.length,
    noShows: visits.filter((v) => v.noShow).length,
    waiting: times(waiting),
    service: times(service),
  };
}

/** Rows per key, by key; visits whose key is null (a desk for a ticket never called) are left out. */
function rowsBy(visits: readonly Visit[], keyOf: (visit: Visit) => string | null): QueueStatisticsRow[] {
  const groups = new Map<string, Visit[]>();
  for (const v of visits) {
    const key = keyOf(v);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, group]) => row(key, group));
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function hourOf(at: Date, timeZone: string): string {
  let format = hourFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormats.set(timeZone, format);
  }
  return format.format(at);
}

/** Statistics of the tickets given (those issued in [from, to)) from their events, in any order. */
export function queueStatistics(input: {
  from: Date;
  to: Date;
  timeZone: string;
  tickets: readonly StatisticsTicket[];
  events: readonly StatisticsEvent[];
}): QueueStatistics {
  const eventsOf = new Map<string, StatisticsEvent[]>();
  for (const event of input.events) eventsOf.set(event.ticketId, [...(eventsOf.get(event.ticketId) ?? []), event]);
  // Stable: events at the same instant keep the order they were stored in.
  const visits = input.tickets.map((ticket) =>
    visit(
      ticket,
      (eventsOf.get(ticket.id) ?? []).toSorted((a, b) => a.at.getTime() - b.at.getTime()),
    ),
  );
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    total: row('total', visits),
    byQueue: rowsBy(visits, (v) => v.ticket.queueCode),
    byService: rowsBy(visits, (v) => v.ticket.serviceCode ?? NO_SERVICE),
    byDesk: rowsBy(visits, (v) => v.lastCall?.deskCode ?? null),
    byClerk: rowsBy(visits, (v) => v.lastCall?.clerkId ?? null),
    byHour: rowsBy(visits, (v) => hourOf(v.ticket.issuedAt, input.timeZone)),
    byPurpose: rowsBy(visits, (v) => v.ticket.purpose),
  };
}
