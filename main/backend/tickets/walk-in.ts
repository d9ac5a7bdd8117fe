import type { TicketPurpose } from '../../../shared/domain/queue-config';
import { QUEUE_ERRORS } from '../../../shared/queue-protocol';
import { localDay } from '../../../shared/local-day';
import { runCommand } from '../commands/unit-of-work';
import type { CommandEnv } from '../commands/unit-of-work';
import { statement } from '../db/statements';
import { queueError } from './queue-error';
import { issueTicket, recordTicketEvent } from './record-ticket-event';

/** The queue code of walk-ins the desk numbered itself; the back office files them by their service. */
export const LOCAL_QUEUE_CODE = 'local';
/** Local numbers run Л001 … Л999 per desk and day, as a queue series' default does. */
const LOCAL_LAST = 999;

/** The next free local number of the desk's day: `<prefix><NNN>`. */
export function nextLocalNumber(env: CommandEnv, prefix: string, day: string): string {
  const numbers = statement(env.db, 'SELECT number FROM tickets WHERE local = 1 AND local_day = ?').pluck().all(day) as string[];
  const used = numbers.filter((n) => n.startsWith(prefix)).map((n) => Number(n.slice(prefix.length)));
  const next = Math.max(0, ...used.filter(Number.isInteger)) + 1;
  if (next > LOCAL_LAST)
    throw queueError(QUEUE_ERRORS.seriesExhausted, `Local numbers ${prefix}001–${prefix}${LOCAL_LAST} are used up today`);
  return `${prefix}${String(next).padStart(String(LOCAL_LAST).length, '0')}`;
}

/**
 * Someone served with no ticket while the back office is unreachable (or on a standalone desk):
 * a local ticket is issued, called and started here at once — one transaction, three queued
 * mutations that the back office later files into its queue for the statistics.
 */
export function issueWalkIn(env: CommandEnv, input: { serviceCode: string | null; purpose: TicketPurpose; localPrefix: string }): string {
  return runCommand(env.db, () => {
    const day = localDay(env.now(), env.desk.timeZone);
    const id = issueTicket(env, {
      number: nextLocalNumber(env, input.localPrefix, day),
      queueCode: LOCAL_QUEUE_CODE,
      serviceCode: input.serviceCode,
      purpose: input.purpose,
      localDay: day,
    });
    recordTicketEvent(env, id, 'called');
    recordTicketEvent(env, id, 'arrived');
    return id;
  });
}

/** Offline there is no kiosk queue: call-next takes the longest-waiting local ticket (one parked or transferred back). */
export function callNextLocal(env: CommandEnv): string {
  return runCommand(env.db, () => {
    const id = statement(
      env.db,
      "SELECT id FROM tickets WHERE local = 1 AND status = 'waiting' AND deleted_at IS NULL ORDER BY issued_at, id LIMIT 1",
    )
      .pluck()
      .get() as string | undefined;
    if (id === undefined) throw queueError(QUEUE_ERRORS.nothingWaiting, 'No local ticket waits (the kiosk queue needs the back office)');
    recordTicketEvent(env, id, 'called');
    return id;
  });
}
