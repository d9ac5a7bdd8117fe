import type { QueuePanel, RefusalReason } from '../../../../shared/queue-panel';
import { TICKET_EVENTS } from '../../../../shared/domain/ticket-status';
import type { TicketEvent } from '../../../../shared/domain/ticket-status';
import { Notice } from '../../kit/Notice';
import type { Translate } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { isQueueErrorCode, queueErrorKey } from './queue-errors';

const SENTENCE = {
  offline: 'queue.conn.offline',
  standalone: 'queue.conn.standalone',
  not_configured: 'queue.conn.notConfigured',
} as const;

function isTicketEvent(event: string): event is TicketEvent {
  return (TICKET_EVENTS as readonly string[]).includes(event);
}

/** Why the back office refused, in words: a ticket that moved names its status now; a known queue code its sentence. */
function reasonText(t: Translate, reason: RefusalReason): string {
  if (reason.kind === 'moved')
    return reason.ticketStatus === null
      ? t('queue.refused.moved')
      : t('queue.refused.movedTo', { status: t(`queue.status.${reason.ticketStatus}`) });
  return isQueueErrorCode(reason.code) ? t(queueErrorKey(reason.code)) : t('queue.refused.other', { message: reason.message });
}

/** The refused action in words: a known event is translated, anything else shown as sent. */
function refusedParts(t: Translate, event: string, reason: RefusalReason): { action: string; reason: string } {
  return {
    action: isTicketEvent(event) ? t(`queue.event.${event}`) : event === 'issued' ? t('queue.event.issued') : event,
    reason: reasonText(t, reason),
  };
}

/** When the panel is not the back office's live view: one sentence on what works, what waits, and what was refused. */
export function ConnectionNotice({ panel }: { panel: QueuePanel }) {
  const t = useT();
  const { connection } = panel;
  return (
    <>
      {connection !== 'online' && (
        <Notice tone="warning" announce={false} className="queue-connection">
          <p>{t(SENTENCE[connection])}</p>
          {connection === 'offline' && panel.lastContactAt !== null && (
            <p>{t('queue.conn.lastContact', { time: formatDateTime(panel.lastContactAt) })}</p>
          )}
          {panel.localPending > 0 && <p>{t('queue.conn.pending', { count: panel.localPending })}</p>}
        </Notice>
      )}
      {panel.refused.length > 0 && (
        <Notice tone="error" announce={false} title={t('queue.refused.heading')} className="queue-refused">
          <ul>
            {panel.refused.map((item) => (
              <li key={item.mutationId}>
                {t('queue.refused.item', {
                  number: item.ticketNumber,
                  time: formatDateTime(item.at),
                  ...refusedParts(t, item.event, item.reason),
                })}
              </li>
            ))}
          </ul>
        </Notice>
      )}
    </>
  );
}
