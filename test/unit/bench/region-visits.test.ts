import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ticketEventResult } from '../../../shared/domain/ticket-status';
import type { TicketEvent, TicketStatus } from '../../../shared/domain/ticket-status';
import { PROTOCOL_VERSION, PushRequest } from '../../../shared/sync-protocol';
import type { Mutation } from '../../../shared/sync-protocol';
import { visitScript } from '../../bench/region-visits';
import type { Pushed } from '../../bench/region-visits';

const desk = {
  centerCode: 'R01',
  deskCode: 'D1',
  clerkId: 'clerk-r01',
  clerkName: 'Клерк стенду',
  sessionId: '0193a0b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b',
};

function run(pushes: number): Pushed[] {
  const next = visitScript(desk, () => new Date('2026-12-04T09:00:00.000Z'));
  return Array.from({ length: pushes }, () => next());
}

const count = (mutations: readonly Mutation[], kind: string) => mutations.filter((m) => m.kind === kind).length;

describe("the region bench's visit script", () => {
  it('pushes batches the protocol takes, each mutation in a legal order after its predecessor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), (pushes) => {
        const batches = run(pushes);
        const seen = new Map<string, Mutation>();
        const tickets = new Map<string, TicketStatus>();
        const applications = new Map<string, string>();
        for (const { mutations, records } of batches) {
          expect(mutations.length).toBeGreaterThanOrEqual(1);
          expect(mutations.length).toBeLessThanOrEqual(3);
          expect(PushRequest.safeParse({ protocol: PROTOCOL_VERSION, mutations }).success).toBe(true);
          for (const m of mutations) {
            expect(m.actor).toBe(desk.clerkId);
            expect(m.sessionId).toBe(desk.sessionId);
            // A predecessor was pushed before (the back office answers retry_later otherwise), on the same aggregate.
            if (m.prevMutationId !== null) expect(seen.get(m.prevMutationId)?.aggregate).toBe(m.aggregate);
            seen.set(m.mutationId, m);
            const id = String(m.payload.id);
            if (m.kind === 'ticket.issue') tickets.set(id, 'waiting');
            else if (m.kind.startsWith('ticket.')) {
              const next = ticketEventResult(tickets.get(id)!, m.kind.slice('ticket.'.length) as TicketEvent);
              expect(next, `${m.kind} from ${tickets.get(id)}`).not.toBeNull();
              tickets.set(id, next!);
            } else if (m.kind === 'application.register') applications.set(id, 'registered');
            else if (m.kind === 'application.status') {
              expect(applications.get(id)).toBe(m.payload.from);
              applications.set(id, String(m.payload.to));
            }
          }
          // Each record the driver waits for in other desks' pulls is one this batch writes.
          for (const record of records) {
            const [entity, id] = record.split(':');
            expect(mutations.some((m) => m.aggregate === `${entity}:${id}`)).toBe(true);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it("keeps a region's day in proportion: every 3 visits, 12 queue events, 4 registrations handed off, a new applicant every other visit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (cycles) => {
        // 3 visits take 5 + 5 + 6 pushes (the third registers twice).
        const mutations = run(16 * cycles).flatMap((b) => b.mutations);
        const queueEvents = mutations.filter((m) => m.kind.startsWith('ticket.')).length;
        expect(queueEvents).toBe(12 * cycles);
        expect(count(mutations, 'ticket.service_ended')).toBe(3 * cycles);
        expect(count(mutations, 'application.register')).toBe(4 * cycles);
        expect(count(mutations, 'application.status')).toBe(4 * cycles);
        expect(count(mutations, 'applicant.create')).toBe(Math.ceil((3 * cycles) / 2));
      }),
    );
  });
});
