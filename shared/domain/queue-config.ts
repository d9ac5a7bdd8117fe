/**
 * How a center runs its electronic queue, as data (docs/ARCHITECTURE.md §6.8): the kiosk's areas
 * (сфери), the queues with their number series and the services they serve, the priority
 * categories and their own series, each desk's work profile, and booking by a reception schedule
 * (separate from the working-day calendar that counts legal deadlines). An admin publishes it to the
 * back office (`npm run server -- queue configure`, `POST /admin/queue-config`); desks never edit it.
 */
import { z } from 'zod';
import { PlaceCode } from '../place-code';

const Code = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'use 1–40 Latin letters, digits, _ or -');
const Name = z.string().trim().min(1).max(200);
/** A ticket number's letters: Cyrillic or Latin capitals, shown on the board before the digits. */
const Prefix = z.string().regex(/^[A-ZА-ЯҐЄІЇ]{1,3}$/u, 'use 1–3 capital letters');
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');

/** What the citizen came for, chosen at the kiosk. `other`: a request that is not an administrative service. */
export const TICKET_PURPOSES = ['consultation', 'submit', 'collect', 'other'] as const;
export const TicketPurpose = z.enum(TICKET_PURPOSES);
export type TicketPurpose = z.infer<typeof TicketPurpose>;

/** A number series: `prefix` + the number padded to the width of `last` (А001 … А999), restarting daily. */
export const NumberSeries = z
  .object({ prefix: Prefix, first: z.number().int().min(0).max(9998).default(1), last: z.number().int().min(1).max(9999).default(999) })
  .strict()
  .refine((s) => s.first < s.last, { message: 'first must be below last', path: ['last'] });
export type NumberSeries = z.infer<typeof NumberSeries>;

export const QueueArea = z.object({ code: Code, nameUk: Name, nameEn: Name, serviceCodes: z.array(Code).min(1).max(500) }).strict();
export type QueueArea = z.infer<typeof QueueArea>;

export const QueueDefinition = z
  .object({
    code: Code,
    nameUk: Name,
    nameEn: Name,
    series: NumberSeries,
    /** The services whose tickets go to this queue; a service belongs to one queue. */
    serviceCodes: z.array(Code).max(500),
    /** Whether tickets for purposes with no service (`other`) land here; exactly one queue takes them. */
    takesOtherRequests: z.boolean().default(false),
  })
  .strict();
export type QueueDefinition = z.infer<typeof QueueDefinition>;

export const PriorityCategory = z.object({ code: Code, nameUk: Name, nameEn: Name }).strict();
export type PriorityCategory = z.infer<typeof PriorityCategory>;

/**
 * A desk's work profile. `longest_wait`: the ticket that waited longest, a queue's waiting time
 * counted `weight` times; `in_order`: the first queue of the list that has someone waiting.
 * Booked visitors within their slot come first, then priority tickets, whatever the strategy.
 */
export const WorkProfile = z
  .object({
    strategy: z.enum(['longest_wait', 'in_order']).default('longest_wait'),
    queues: z
      .array(z.object({ queueCode: Code, weight: z.number().int().min(1).max(10).default(1) }).strict())
      .min(1)
      .max(50),
  })
  .strict();
export type WorkProfile = z.infer<typeof WorkProfile>;

export const QueueDesk = z.object({ deskCode: PlaceCode, window: z.string().trim().min(1).max(20), profile: WorkProfile }).strict();
export type QueueDesk = z.infer<typeof QueueDesk>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours for booking, per weekday; a missing day is closed. Times are the center's (its time zone). */
export const ReceptionSchedule = z.partialRecord(
  z.enum(WEEKDAYS),
  z
    .array(
      z
        .object({ from: Clock, to: Clock })
        .strict()
        .refine((h) => h.from < h.to, { message: 'from must be before to' }),
    )
    .max(4),
);
export type ReceptionSchedule = z.infer<typeof ReceptionSchedule>;

export const BookingRules = z
  .object({
    series: NumberSeries,
    slotMinutes: z.number().int().min(5).max(240).default(15),
    /** Bookings one slot of one service takes. */
    perSlot: z.number().int().min(1).max(50).default(1),
    schedule: ReceptionSchedule,
    /** Services that can be booked; empty: every service some queue serves. */
    serviceCodes: z.array(Code).max(500).default([]),
    /** Checked in later than this after the slot's start: the visitor drops to the live queue. */
    lateMinutes: z.number().int().min(0).max(120).default(2),
    /** Called and not confirmed within this: the booking closes as a no-show. */
    noAnswerMinutes: z.number().int().min(1).max(120).default(2),
  })
  .strict();
export type BookingRules = z.infer<typeof BookingRules>;

export const QueueConfig = z
  .object({
    centerCode: PlaceCode,
    /** The center's name as the kiosk and the hall's board show it; the code when not given. */
    centerName: Name.optional(),
    timeZone: z.string().min(1).max(64).default('Europe/Kyiv'),
    areas: z.array(QueueArea).min(1).max(50),
    queues: z.array(QueueDefinition).min(1).max(50),
    priority: z.object({ series: NumberSeries, categories: z.array(PriorityCategory).min(1).max(30) }).strict(),
    desks: z.array(QueueDesk).min(1).max(200),
    booking: BookingRules.nullable().default(null),
    /** Walk-ins a desk serves while the back office is unreachable are numbered from this prefix (Л001 …). */
    localPrefix: Prefix.default('Л'),
    /** Calls again before the clerk may mark a no-show. */
    recallsBeforeNoShow: z.number().int().min(0).max(5).default(1),
    /** Targets the statistics compare against (no Ukrainian norm: the center sets them). */
    targets: z
      .object({ waitMinutes: z.number().int().min(1).max(600).default(15), bookedWaitMinutes: z.number().int().min(1).max(600).default(5) })
      .strict()
      .default({ waitMinutes: 15, bookedWaitMinutes: 5 }),
  })
  .strict()
  .superRefine((config, ctx) => {
    const queueCodes = new Set<string>();
    const queueOfService = new Map<string, string>();
    config.queues.forEach((queue, i) => {
      if (queueCodes.has(queue.code))
        ctx.addIssue({ code: 'custom', path: ['queues', i, 'code'], message: `queue ${queue.code} is defined twice` });
      queueCodes.add(queue.code);
      queue.serviceCodes.forEach((service, j) => {
        const other = queueOfService.get(service);
        if (other !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['queues', i, 'serviceCodes', j],
            message: `service ${service} is already served by queue ${other}`,
          });
        queueOfService.set(service, queue.code);
      });
    });
    if (config.queues.filter((q) => q.takesOtherRequests).length !== 1)
      ctx.addIssue({ code: 'custom', path: ['queues'], message: 'exactly one queue must take other requests (takesOtherRequests)' });
    config.areas.forEach((area, i) =>
      area.serviceCodes.forEach((service, j) => {
        if (!queueOfService.has(service))
          ctx.addIssue({ code: 'custom', path: ['areas', i, 'serviceCodes', j], message: `no queue serves service ${service}` });
      }),
    );
    const desks = new Set<string>();
    config.desks.forEach((desk, i) => {
      if (desks.has(desk.deskCode))
        ctx.addIssue({ code: 'custom', path: ['desks', i, 'deskCode'], message: `desk ${desk.deskCode} is listed twice` });
      desks.add(desk.deskCode);
      desk.profile.queues.forEach((entry, j) => {
        if (!queueCodes.has(entry.queueCode))
          ctx.addIssue({ code: 'custom', path: ['desks', i, 'profile', 'queues', j, 'queueCode'], message: `no queue ${entry.queueCode}` });
      });
    });
    const prefixes = [...config.queues.map((q) => q.series.prefix), config.priority.series.prefix, config.localPrefix];
    if (config.booking) prefixes.push(config.booking.series.prefix);
    if (new Set(prefixes).size !== prefixes.length)
      ctx.addIssue({ code: 'custom', path: ['queues'], message: 'every series (queues, priority, booking, local) needs its own prefix' });
  });
export type QueueConfig = z.infer<typeof QueueConfig>;

/** The queue a service's tickets go to (`other` requests: the queue that takes them); null when no queue serves it. */
export function queueForService(config: QueueConfig, serviceCode: string | null): QueueDefinition | null {
  if (serviceCode === null) return config.queues.find((q) => q.takesOtherRequests) ?? null;
  return config.queues.find((q) => q.serviceCodes.includes(serviceCode)) ?? null;
}

/** `prefix` + `n` padded to the width of the series' last number: А007. */
export function ticketNumber(series: NumberSeries, n: number): string {
  return `${series.prefix}${String(n).padStart(String(series.last).length, '0')}`;
}
