/**
 * The electronic queue's HTTP protocol (docs/ARCHITECTURE.md §6.8, §8): the back office owns the
 * queue; desks (device token), the hall's kiosk and board (public, per center, no personal data)
 * and the admin speak these bodies. Checked with zod on both ends.
 */
import { z } from 'zod';
import { PlaceCode } from './place-code';
import { TicketPurpose } from './domain/queue-config';
import { TicketStatus } from './domain/ticket-status';

const Id = z.string().min(1).max(64);
const Iso = z.iso.datetime({ offset: true });
const ServiceCode = z.string().min(1).max(40);
const Note = z.string().trim().min(1).max(500);

/** Error codes the queue routes answer with (`{"error": {"code", "message"}}`, as every route). */
export const QUEUE_ERRORS = {
  /** Another desk called (or served, or closed) the ticket first. 409. */
  alreadyCalled: 'ticket_already_called',
  ticketNotFound: 'ticket_not_found',
  /** The ticket machine does not allow the action from the ticket's status. 409. */
  notAllowed: 'action_not_allowed',
  /** No-show before the required recalls. 409. */
  recallFirst: 'recall_first',
  nothingWaiting: 'nothing_waiting',
  deskPaused: 'desk_paused',
  /** The desk already has a ticket at its window: finish, park or transfer it first. 409. */
  deskBusy: 'desk_busy',
  /** This desk is not in the center's queue configuration, or the center has none. 404. */
  notConfigured: 'queue_not_configured',
  /** The kiosk asked for a service no queue serves. 400. */
  unknownService: 'unknown_service',
  /** A series ran out for the day (А999 was issued). 409. */
  seriesExhausted: 'series_exhausted',
  bookingNotFound: 'booking_not_found',
  /** Check-in of a booking already used, closed, or for another day. 409. */
  bookingNotOpen: 'booking_not_open',
  /** Check-in more than an hour before the booked slot. 409. */
  checkInTooEarly: 'check_in_too_early',
  slotFull: 'slot_full',
} as const;
export type QueueErrorCode = (typeof QUEUE_ERRORS)[keyof typeof QUEUE_ERRORS];

/** On the desk's contract a queue refusal carries its code as the message of the one issue at this path. */
export const QUEUE_ERROR_PATH = 'action';

/** A ticket as desks see it; the kiosk and the board get far less (no service, no note). */
export const QueueTicket = z
  .object({
    id: Id,
    number: z.string().min(1).max(20),
    queueCode: z.string().min(1).max(40),
    serviceCode: ServiceCode.nullable(),
    purpose: TicketPurpose,
    priorityCategory: z.string().max(40).nullable(),
    priorityReason: z.string().max(200).nullable(),
    booking: z
      .object({ code: z.string().min(1).max(20), slotStart: Iso, late: z.boolean() })
      .strict()
      .nullable(),
    status: TicketStatus,
    deskCode: PlaceCode.nullable(),
    window: z.string().max(20).nullable(),
    targetDeskCode: PlaceCode.nullable(),
    /** Written at transfer; travels with the ticket to the next desk. */
    note: z.string().max(500).nullable(),
    /** For `collect`: the registration number the citizen typed at the kiosk, if any. */
    regNumber: z.string().max(40).nullable(),
    /** Issued by a desk while the back office was unreachable (walk-in), synced later. */
    local: z.boolean(),
    issuedAt: Iso,
    calledAt: Iso.nullable(),
    recalls: z.number().int().nonnegative(),
  })
  .strict();
export type QueueTicket = z.infer<typeof QueueTicket>;

export const DeskQueueState = z
  .object({
    deskCode: PlaceCode,
    window: z.string().max(20),
    paused: z.boolean(),
    /** The ticket at this window (called, serving); null when free. */
    current: QueueTicket.nullable(),
    /** What this desk may call, best first (its profile's order): the back office sends its best 50. */
    waiting: z.array(QueueTicket).max(200),
    waitingTotal: z.number().int().nonnegative(),
    parked: z.array(QueueTicket).max(200),
    /** Queues and desks a ticket may be transferred to. */
    queues: z.array(z.object({ code: z.string(), nameUk: z.string(), nameEn: z.string() }).strict()),
    desks: z.array(z.object({ deskCode: PlaceCode, window: z.string() }).strict()),
    recallsBeforeNoShow: z.number().int().nonnegative(),
    /** The center's prefix for walk-ins a desk numbers itself while the back office is unreachable (QueueConfig.localPrefix). */
    localPrefix: z.string().min(1).max(3),
    serverTime: Iso,
  })
  .strict();
export type DeskQueueState = z.infer<typeof DeskQueueState>;

/** What a desk asks of the queue. `commandId` makes a retry after a lost answer return the first answer, never a second call. */
export const QueueAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('call_next') }).strict(),
  /** Call this ticket (also "return a parked one"). */
  z.object({ action: z.literal('call'), ticketId: Id }).strict(),
  z.object({ action: z.literal('recall'), ticketId: Id }).strict(),
  z.object({ action: z.literal('arrived'), ticketId: Id }).strict(),
  z.object({ action: z.literal('no_show'), ticketId: Id }).strict(),
  z.object({ action: z.literal('park'), ticketId: Id, note: Note.optional() }).strict(),
  z
    .object({
      action: z.literal('transfer'),
      ticketId: Id,
      toQueueCode: z.string().min(1).max(40).optional(),
      toDeskCode: PlaceCode.optional(),
      note: Note.optional(),
    })
    .strict()
    .refine((a) => (a.toQueueCode === undefined) !== (a.toDeskCode === undefined), { message: 'transfer to one queue or one desk' }),
  z.object({ action: z.literal('finish'), ticketId: Id }).strict(),
  /** Someone served with no ticket: issued, called and started at this desk at once. */
  z.object({ action: z.literal('walk_in'), serviceCode: ServiceCode.nullable(), purpose: TicketPurpose }).strict(),
  z.object({ action: z.literal('pause') }).strict(),
  z.object({ action: z.literal('resume') }).strict(),
]);
export type QueueAction = z.infer<typeof QueueAction>;
export type QueueActionName = QueueAction['action'];

export const QueueCommand = z.object({ commandId: Id, command: QueueAction }).strict();
export type QueueCommand = z.infer<typeof QueueCommand>;

/** The answer to a command: the ticket it touched (null for pause/resume) and the desk's state after it. */
export const QueueCommandResult = z.object({ ticket: QueueTicket.nullable(), state: DeskQueueState }).strict();
export type QueueCommandResult = z.infer<typeof QueueCommandResult>;

/** `GET /queue/events` (desks) sends `changed` whenever the center's queue changed; the desk then reads its state. */
export const QueueChanged = z.object({ seq: z.number().int().nonnegative(), at: Iso }).strict();
export type QueueChanged = z.infer<typeof QueueChanged>;

// ---- Kiosk (public, per center, rate-limited) ----

const KioskService = z.object({ code: ServiceCode, nameUk: z.string(), nameEn: z.string() }).strict();
export const KioskConfig = z
  .object({
    centerCode: PlaceCode,
    centerName: z.string(),
    areas: z.array(z.object({ code: z.string(), nameUk: z.string(), nameEn: z.string(), services: z.array(KioskService) }).strict()),
    priorityCategories: z.array(z.object({ code: z.string(), nameUk: z.string(), nameEn: z.string() }).strict()),
    bookingEnabled: z.boolean(),
  })
  .strict();
export type KioskConfig = z.infer<typeof KioskConfig>;

export const KioskTicketRequest = z
  .object({
    /** null only with purpose `other`. */
    serviceCode: ServiceCode.nullable(),
    purpose: TicketPurpose,
    priorityCategory: z.string().min(1).max(40).optional(),
    regNumber: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
  .refine((r) => (r.serviceCode === null) === (r.purpose === 'other'), {
    message: 'a service is chosen for every purpose but other',
    path: ['serviceCode'],
  });
export type KioskTicketRequest = z.infer<typeof KioskTicketRequest>;

export const CheckInRequest = z.object({ code: z.string().trim().min(4).max(20) }).strict();
export type CheckInRequest = z.infer<typeof CheckInRequest>;

/** The paper ticket: number, queue, the windows that serve it, and how many wait before it. */
export const KioskTicket = z
  .object({
    number: z.string(),
    queueNameUk: z.string(),
    queueNameEn: z.string(),
    windows: z.array(z.string()),
    issuedAt: Iso,
    waitingAhead: z.number().int().nonnegative(),
    priority: z.boolean(),
    /** A booking checked in later than allowed: this ticket waits in the live queue. */
    late: z.boolean(),
  })
  .strict();
export type KioskTicket = z.infer<typeof KioskTicket>;

// ---- Board (public, per center) ----

export const BoardCall = z.object({ seq: z.number().int().nonnegative(), number: z.string(), window: z.string(), at: Iso }).strict();
export type BoardCall = z.infer<typeof BoardCall>;
/** `GET /board/:center/state`; `GET /board/:center/events` sends each `call` (a BoardCall) as it happens. */
export const BoardState = z.object({ centerName: z.string(), calls: z.array(BoardCall).max(20) }).strict();
export type BoardState = z.infer<typeof BoardState>;

// ---- Booking (admin creates; the kiosk checks in) ----

export const BookingRequest = z
  .object({
    centerCode: PlaceCode,
    serviceCode: ServiceCode,
    slotStart: Iso,
    /** For the clerk to greet; optional, kept with the booking only. */
    name: z.string().trim().min(1).max(200).optional(),
    phone: z.string().trim().min(5).max(30).optional(),
  })
  .strict();
export type BookingRequest = z.infer<typeof BookingRequest>;

export const BookingStatus = z.enum(['booked', 'checked_in', 'no_show', 'missed', 'cancelled']);
export const Booking = z
  .object({
    code: z.string(),
    centerCode: PlaceCode,
    serviceCode: ServiceCode,
    slotStart: Iso,
    slotMinutes: z.number().int().positive(),
    status: BookingStatus,
    name: z.string().nullable(),
  })
  .strict();
export type Booking = z.infer<typeof Booking>;

export const BookingSlot = z.object({ start: Iso, free: z.number().int().nonnegative() }).strict();
export type BookingSlot = z.infer<typeof BookingSlot>;

// ---- Statistics (derived from the stored events; the last call counts) ----

const Times = z
  .object({
    count: z.number().int().nonnegative(),
    avgSeconds: z.number().nonnegative().nullable(),
    p90Seconds: z.number().nonnegative().nullable(),
  })
  .strict();

export const QueueStatisticsRow = z
  .object({
    key: z.string(),
    tickets: z.number().int().nonnegative(),
    served: z.number().int().nonnegative(),
    noShows: z.number().int().nonnegative(),
    /** Issued → the last call. */
    waiting: Times,
    /** The last call → finish. */
    service: Times,
  })
  .strict();
export type QueueStatisticsRow = z.infer<typeof QueueStatisticsRow>;

export const QueueStatistics = z
  .object({
    from: Iso,
    to: Iso,
    total: QueueStatisticsRow,
    byQueue: z.array(QueueStatisticsRow),
    byService: z.array(QueueStatisticsRow),
    byDesk: z.array(QueueStatisticsRow),
    byClerk: z.array(QueueStatisticsRow),
    /** Keyed by the hour of the issue in the center's time zone, "09" … "20". */
    byHour: z.array(QueueStatisticsRow),
    byPurpose: z.array(QueueStatisticsRow),
  })
  .strict();
export type QueueStatistics = z.infer<typeof QueueStatistics>;
