/**
 * How long a ticket has waited, as the panel shows it: whole minutes under an hour, hours and
 * minutes after. The clock is the back office's (its `serverTime`), so a desk whose own clock is
 * off does not show people waiting minus two minutes.
 */
import type { Translate } from '../../i18n/dictionary';

export interface WaitParts {
  hours: number;
  minutes: number;
}

/** Whole seconds from `sinceIso` to `nowMs`; never negative (a ticket issued "in the future" by clock skew waited 0). */
export function waitedSeconds(sinceIso: string, nowMs: number): number {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return 0;
  return Math.max(0, Math.floor((nowMs - since) / 1000));
}

export function waitParts(seconds: number): WaitParts {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/**
 * The back office's clock as this desk sees it: the offset between its `serverTime` and the local
 * clock when the state arrived, applied to the local clock now.
 */
export function clockOffsetMs(serverTimeIso: string | undefined, receivedAtMs: number): number {
  if (serverTimeIso === undefined) return 0;
  const server = Date.parse(serverTimeIso);
  return Number.isNaN(server) ? 0 : server - receivedAtMs;
}

/** The waited time in the clerk's language: "менше хвилини", "12 хв", "1 год 05 хв". */
export function waitText(t: Translate, seconds: number): string {
  const { hours, minutes } = waitParts(seconds);
  if (hours > 0) return t('queue.wait.hours', { hours, minutes: String(minutes).padStart(2, '0') });
  return minutes === 0 ? t('queue.wait.underMinute') : t('queue.wait.minutes', { minutes });
}
