/**
 * What a desk's queue panel shows (DeskQueueState): its current ticket, what it may call best
 * first (the same heads and call order as call-next, so the top of the list is what call-next takes),
 * its parked tickets, and where a ticket may be transferred.
 */
import type { QueueConfig } from '../../shared/domain/queue-config';
import type { DeskQueueState } from '../../shared/queue-protocol';
import type { Sql } from '../storage/storage';
import { toInt } from '../storage/storage';
import { deskOf, readHeads, sortForDesk } from './call-next';
import { TICKET_COLUMNS, toQueueTicket } from './tickets';
import type { TicketRow } from './tickets';

/** Enough for a clerk to see who is coming; more would make every desk's re-read after each call heavier. */
const SHOWN = 50;

export async function deskState(sql: Sql, config: QueueConfig, centerCode: string, deskCode: string, now: Date): Promise<DeskQueueState> {
  const desk = deskOf(config, centerCode, deskCode);
  const queueCodes = JSON.stringify(desk.profile.queues.map((entry) => entry.queueCode));
  const [held, heads, [total], [paused]] = await Promise.all([
    sql.query<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM queue_tickets WHERE center_code = $1 AND desk_code = $2 AND status IN ('called', 'serving', 'parked')
       ORDER BY updated_at LIMIT ${SHOWN + 1}`,
      [centerCode, deskCode],
    ),
    readHeads(sql, centerCode, desk, now, SHOWN),
    sql.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM queue_tickets WHERE center_code = $1 AND status = 'waiting'
         AND (target_desk_code = $3 OR (target_desk_code IS NULL AND queue_code IN (SELECT json_array_elements_text($2::json))))`,
      [centerCode, queueCodes, deskCode],
    ),
    sql.query<{ paused: boolean }>('SELECT paused FROM queue_desks WHERE center_code = $1 AND desk_code = $2', [centerCode, deskCode]),
  ]);
  const current = held.find((row) => row.status !== 'parked');
  return {
    deskCode,
    window: desk.window,
    paused: paused?.paused ?? false,
    current: current ? toQueueTicket(current, config) : null,
    waiting: sortForDesk(heads, desk, now)
      .slice(0, SHOWN)
      .map((row) => toQueueTicket(row, config)),
    waitingTotal: toInt(total!.n),
    parked: held
      .filter((row) => row.status === 'parked')
      .slice(0, SHOWN)
      .map((row) => toQueueTicket(row, config)),
    queues: config.queues.map((q) => ({ code: q.code, nameUk: q.nameUk, nameEn: q.nameEn })),
    desks: config.desks.map((d) => ({ deskCode: d.deskCode, window: d.window })),
    recallsBeforeNoShow: config.recallsBeforeNoShow,
    localPrefix: config.localPrefix,
    serverTime: now.toISOString(),
  };
}
