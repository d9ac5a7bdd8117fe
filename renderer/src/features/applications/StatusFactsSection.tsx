import type { Application } from '../../../../shared/domain/application';
import { useT } from '../../i18n/use-t';
import { formatDay } from '../../lib/format';
import { useCardGrounds } from './use-card-grounds';

/**
 * What the status moves left on the case (docs/ARCHITECTURE.md §6.1): the provider's decision,
 * who received the result or where it was sent, a transfer or withdrawal, the suspensions, and
 * the original and current due date when a suspension moved it.
 */
export function StatusFactsSection({ application: a }: { application: Application }) {
  const t = useT();
  const o = a.outcome;
  // The decision keeps the card's codes; the clerk reads the grounds as the card words them.
  const cardGrounds = useCardGrounds(a.service.id);
  const groundText = (code: string) => cardGrounds?.find((g) => g.code === code)?.label ?? code;
  return (
    <>
      {a.originalDueDate !== a.dueDate && (
        <>
          <dt>{t('status.originalDue')}</dt>
          <dd>{formatDay(a.originalDueDate)}</dd>
        </>
      )}
      {o && (
        <>
          <dt>{t('decision.title')}</dt>
          <dd>
            {[
              t(o.kind === 'positive' ? 'decision.positive' : 'decision.negative'),
              o.decisionNumber ? t('decision.numbered', { number: o.decisionNumber }) : null,
              o.decisionDate ? t('decision.dated', { date: formatDay(o.decisionDate) }) : null,
              o.kind === 'negative' ? t('decision.groundsList', { grounds: o.grounds.map(groundText).join('; ') }) : null,
              o.comment ?? null,
            ]
              .filter((part): part is string => part !== null)
              .join(' · ')}
          </dd>
        </>
      )}
      {a.receiver && (
        <>
          <dt>{t('status.receiver')}</dt>
          <dd>
            {a.receiver.name} · {a.receiver.document}
          </dd>
        </>
      )}
      {a.trackingNumber && (
        <>
          <dt>{t('status.trackingNumber')}</dt>
          <dd>{a.trackingNumber}</dd>
        </>
      )}
      {a.transferTo && (
        <>
          <dt>{t('status.transferTo')}</dt>
          <dd>{a.transferTo}</dd>
        </>
      )}
      {a.withdrawal && (
        <>
          <dt>{t('status.withdrawal')}</dt>
          <dd>{t('status.withdrawalText', { number: a.withdrawal.requestNumber, date: formatDay(a.withdrawal.requestDate) })}</dd>
        </>
      )}
      {a.suspensions.length > 0 && (
        <>
          <dt>{t('status.suspensions')}</dt>
          <dd>
            <ul className="card-suspensions">
              {a.suspensions.map((s, index) => (
                <li key={index}>
                  {s.to === null
                    ? t('status.suspendedSince', { from: formatDay(s.from) })
                    : t('status.suspendedFromTo', { from: formatDay(s.from), to: formatDay(s.to) })}
                  {s.reason && ` — ${s.reason}`}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </>
  );
}
