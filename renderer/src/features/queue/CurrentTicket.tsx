import type { QueueTicket } from '../../../../shared/queue-protocol';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../../lib/format';
import { serviceText } from './ticket-text';
import { useServices } from './use-services';
import { waitedSeconds, waitText } from './wait-time';

interface CurrentTicketProps {
  ticket: QueueTicket | null;
  now: number;
}

/** The ticket at the window, large: who is here and for what, so the clerk needs nothing else to start. */
export function CurrentTicket({ ticket, now }: CurrentTicketProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const services = useServices();
  return (
    <section className="queue-current" aria-labelledby="queue-current-heading">
      <h3 id="queue-current-heading" className="queue-section-title">
        {t('queue.current.heading')}
      </h3>
      {ticket === null ? (
        <p className="queue-current-none">{t('queue.current.none')}</p>
      ) : (
        <>
          <p className="queue-current-number" data-testid="queue-current-number">
            {ticket.number}
          </p>
          <dl className="queue-current-facts">
            <dt>{t('queue.current.status')}</dt>
            <dd>
              {t(`queue.status.${ticket.status}`)}
              {ticket.local && ` · ${t('queue.current.local')}`}
            </dd>
            <dt>{t('queue.current.service')}</dt>
            <dd>{serviceText(t, language, services, ticket)}</dd>
            <dt>{t('queue.current.purpose')}</dt>
            <dd>{t(`queue.purpose.${ticket.purpose}`)}</dd>
            {ticket.priorityCategory !== null && (
              <>
                <dt>{t('queue.current.priority')}</dt>
                <dd>{ticket.priorityReason ?? ticket.priorityCategory}</dd>
              </>
            )}
            {ticket.booking && (
              <>
                <dt>{t('queue.current.booking')}</dt>
                <dd>
                  {ticket.booking.late
                    ? t('queue.current.bookingLate', { time: formatTime(ticket.booking.slotStart) })
                    : t('queue.current.bookingAt', { time: formatTime(ticket.booking.slotStart) })}
                </dd>
              </>
            )}
            {ticket.note !== null && (
              <>
                <dt>{t('queue.current.note')}</dt>
                <dd>{ticket.note}</dd>
              </>
            )}
            <dt>{t('queue.current.waited')}</dt>
            {/* Issued → called: what the citizen waited, not the time at the window. */}
            <dd>{waitText(t, waitedSeconds(ticket.issuedAt, ticket.calledAt === null ? now : Date.parse(ticket.calledAt)))}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
