/**
 * Eight desks calling next at once on 1,000 waiting tickets (priorities, begun and future bookings,
 * late check-ins, overlapping weighted and in-order profiles): every ticket called exactly once, no
 * deadlock, and each desk's calls in its profile's order (so never back to a better call class, and
 * first-in first-out within a queue and class).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callClass, callComparator } from '../../../shared/domain/call-order';
import type { CallCandidate } from '../../../shared/domain/call-order';
import { HttpError } from '../../../server/http/http-error';
import { runQueueCommand } from '../../../server/queue/commands';
import { QueueHub } from '../../../server/queue/hub';
import { issueTicket } from '../../../server/queue/tickets';
import type { QueueTicket } from '../../../shared/queue-protocol';
import { STORAGES } from '../server/harness';
import { sampleConfig, useQueueStorage } from './queue-storage';

const CENTER = 'Q1';
const config = sampleConfig(CENTER);
const CALL_AT = new Date('2026-12-07T10:00:00.000Z');
const TICKETS = 1000;

/** A deterministic mix: index i decides service, priority and booking. */
function issueInput(i: number) {
  const services = ['PASS', 'LAND', null] as const;
  const serviceCode = services[(i * 7) % 3]!;
  const issuedAt = new Date(CALL_AT.getTime() - (TICKETS - i) * 20_000);
  const booked = i % 23 === 0;
  const slotStart = new Date(CALL_AT.getTime() + (i % 2 === 0 ? -30 : 30) * 60_000 - i * 1000);
  return {
    centerCode: CENTER,
    config,
    serviceCode,
    purpose: serviceCode === null ? ('other' as const) : ('submit' as const),
    ...(i % 9 === 0 ? { priorityCategory: 'disability', priorityReason: 'група I' } : {}),
    ...(booked ? { booking: { code: `B${i}`, slotStart, late: i % 3 === 0 } } : {}),
    now: issuedAt,
  };
}

const candidate = (t: QueueTicket): CallCandidate => ({
  id: t.id,
  queueCode: t.queueCode,
  priority: t.priorityCategory !== null,
  bookedSlotStart: t.booking && !t.booking.late ? t.booking.slotStart : null,
  issuedAt: t.issuedAt,
  targetDeskCode: t.targetDeskCode,
});

describe.each(STORAGES)('call-next across 8 desks on %s', (kind) => {
  const db = useQueueStorage(kind);

  it('calls every ticket exactly once, each desk in its profile order', { timeout: 300_000 }, async () => {
    const { storage } = db;
    await storage.transaction(async (tx) => {
      for (let i = 0; i < TICKETS; i += 1) await issueTicket(tx, issueInput(i));
    });
    const hub = new QueueHub(() => CALL_AT);
    const calls = new Map<string, QueueTicket[]>();
    const command = (deskCode: string, command: Parameters<typeof runQueueCommand>[3]['command']) =>
      runQueueCommand(
        storage,
        hub,
        { centerCode: CENTER, config, deskCode, clerkId: `clerk-${deskCode}`, deviceId: `dev-${deskCode}`, now: CALL_AT },
        { commandId: randomUUID(), command },
      );
    const desk = async (deskCode: string) => {
      const mine: QueueTicket[] = [];
      calls.set(deskCode, mine);
      for (;;) {
        let ticket: QueueTicket | null;
        try {
          ticket = await command(deskCode, { action: 'call_next' });
        } catch (error) {
          if (error instanceof HttpError && error.code === 'nothing_waiting') return;
          throw error;
        }
        mine.push(ticket!);
        await command(deskCode, { action: 'arrived', ticketId: ticket!.id });
        await command(deskCode, { action: 'finish', ticketId: ticket!.id });
      }
    };
    await Promise.all(config.desks.map((d) => desk(d.deskCode)));

    const called = [...calls.values()].flat();
    expect(called).toHaveLength(TICKETS);
    expect(new Set(called.map((t) => t.id)).size).toBe(TICKETS);
    const [counts] = await storage.query<{ called: unknown; done: unknown }>(
      `SELECT (SELECT count(*) FROM queue_events WHERE event = 'called') AS called,
              (SELECT count(*) FROM queue_tickets WHERE status = 'done') AS done`,
    );
    expect(Number(counts!.called)).toBe(TICKETS);
    expect(Number(counts!.done)).toBe(TICKETS);
    // Every desk got work: the calls really ran side by side.
    expect([...calls.values()].every((mine) => mine.length > 0)).toBe(true);

    for (const [deskCode, mine] of calls) {
      const profile = config.desks.find((d) => d.deskCode === deskCode)!.profile;
      expect(mine.every((t) => profile.queues.some((q) => q.queueCode === t.queueCode))).toBe(true);
      // Whatever a desk called later was still waiting when it called earlier (nobody else took it,
      // and all were issued before the first call), so its calls must be in its profile's order.
      const compare = callComparator(profile, CALL_AT);
      const ids = mine.map((t) => t.id);
      expect(ids).toEqual([...mine].sort((a, b) => compare(candidate(a), candidate(b))).map((t) => t.id));
      const classes = mine.map((t) => callClass(candidate(t), CALL_AT));
      expect(classes).toEqual([...classes].sort((a, b) => a - b));
    }
  });
});
