import type { DeskQueueState, QueueTicket } from '../../../../shared/queue-protocol';
import { DataTable } from '../../kit/DataTable';
import type { Column } from '../../kit/DataTable';
import { Button } from '../../kit/Button';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../../lib/format';
import type { DeskSituation } from './panel-actions';
import { callAvailability } from './panel-actions';
import { act, useQueueStore } from './queue-store';
import { serviceText } from './ticket-text';
import { useServices } from './use-services';
import { waitedSeconds, waitText } from './wait-time';

interface ListProps {
  tickets: readonly QueueTicket[];
  situation: DeskSituation;
  now: number;
}

function useColumns(kind: 'waiting' | 'parked', situation: DeskSituation, now: number): Column<QueueTicket>[] {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const services = useServices();
  const sending = useQueueStore((state) => state.sending !== null);
  return [
    { key: 'number', header: t('queue.col.number'), rowHeader: true, cell: (ticket) => ticket.number },
    {
      key: 'service',
      header: t('queue.col.service'),
      cell: (ticket) => (
        <>
          {serviceText(t, language, services, ticket)}
          {ticket.priorityCategory !== null && <span className="queue-mark">{t('queue.priorityMark')}</span>}
          {ticket.booking && !ticket.booking.late && (
            <span className="queue-mark">{t('queue.bookedMark', { time: formatTime(ticket.booking.slotStart) })}</span>
          )}
        </>
      ),
    },
    { key: 'purpose', header: t('queue.col.purpose'), cell: (ticket) => t(`queue.purpose.${ticket.purpose}`) },
    kind === 'waiting'
      ? { key: 'waited', header: t('queue.col.waited'), cell: (ticket) => waitText(t, waitedSeconds(ticket.issuedAt, now)) }
      : { key: 'note', header: t('queue.col.note'), cell: (ticket) => ticket.note ?? '' },
    {
      key: 'actions',
      header: t('queue.col.actions'),
      headerHidden: true,
      cell: (ticket) => (
        <Button
          disabled={sending || !callAvailability(situation, ticket).enabled}
          onClick={() => void act({ action: 'call', ticketId: ticket.id })}
        >
          {t(kind === 'waiting' ? 'queue.action.call' : 'queue.action.return', { number: ticket.number })}
        </Button>
      ),
    },
  ];
}

/** This desk's waiting tickets, best first as the back office orders them; each can be called out of turn. */
export function WaitingList({ tickets, situation, now, total }: ListProps & { total: number }) {
  const t = useT();
  const columns = useColumns('waiting', situation, now);
  return (
    <section className="queue-list" aria-labelledby="queue-waiting-heading">
      <h3 id="queue-waiting-heading" className="queue-section-title">
        {t('queue.waiting.heading', { count: total })}
      </h3>
      <DataTable
        caption={{ labelledBy: 'queue-waiting-heading' }}
        columns={columns}
        rows={tickets}
        rowKey={(ticket) => ticket.id}
        empty={t('queue.waiting.empty')}
      />
      {total > tickets.length && <p className="muted">{t('queue.waiting.more', { shown: tickets.length, total })}</p>}
    </section>
  );
}

/** Tickets this desk parked (the citizen stepped away for a document): returned to the window when back. */
export function ParkedList({ tickets, situation, now }: ListProps) {
  const t = useT();
  const columns = useColumns('parked', situation, now);
  return (
    <section className="queue-list" aria-labelledby="queue-parked-heading">
      <h3 id="queue-parked-heading" className="queue-section-title">
        {t('queue.parked.heading', { count: tickets.length })}
      </h3>
      <DataTable
        caption={{ labelledBy: 'queue-parked-heading' }}
        columns={columns}
        rows={tickets}
        rowKey={(ticket) => ticket.id}
        empty={t('queue.parked.empty')}
      />
    </section>
  );
}

/** The two lists beside the ticket at the window. */
export function TicketLists({ desk, situation, now }: { desk: DeskQueueState; situation: DeskSituation; now: number }) {
  return (
    <div className="queue-lists">
      <WaitingList tickets={desk.waiting} total={desk.waitingTotal} situation={situation} now={now} />
      <ParkedList tickets={desk.parked} situation={situation} now={now} />
    </div>
  );
}
