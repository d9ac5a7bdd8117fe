import type { KioskTicket } from '../../../../shared/queue-protocol';
import type { Translator } from '../common/i18n';
import type { KioskKey } from './i18n';

/** The paper ticket's lines, in the order printed; `timeZone` fixes the clock shown (tests), else the kiosk's own. */
export interface TicketText {
  number: string;
  queue: string;
  windows: string;
  ahead: string;
  notices: string[];
  issuedAt: string;
}

export function ticketText(ticket: KioskTicket, { t, lang }: Translator<KioskKey>, timeZone?: string): TicketText {
  const time = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'uk-UA', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(ticket.issuedAt));
  const notices: string[] = [];
  if (ticket.priority) notices.push(t('priorityTicket'));
  if (ticket.late) notices.push(t('lateBooking'));
  return {
    number: ticket.number,
    queue: t('queue', { name: lang === 'en' ? ticket.queueNameEn : ticket.queueNameUk }),
    windows: ticket.windows.length > 0 ? t('windows', { list: ticket.windows.join(', ') }) : t('anyWindow'),
    ahead: ticket.waitingAhead === 0 ? t('aheadNone') : t('ahead', { n: ticket.waitingAhead }),
    notices,
    issuedAt: t('issuedAt', { time }),
  };
}

const KNOWN_ERRORS = [
  'network',
  'bad_answer',
  'unknown_service',
  'series_exhausted',
  'queue_not_configured',
  'booking_not_found',
  'booking_not_open',
  'check_in_too_early',
  'rate_limited',
] as const;

/** The sentence for an error code the kiosk's calls can answer with (429 from the rate limit included). */
export function errorText(code: string, { t }: Translator<KioskKey>): string {
  const known = KNOWN_ERRORS.find((k) => k === code || (k === 'rate_limited' && code === 'http_429'));
  return known ? t(`error_${known}`) : t('error_other', { code });
}
