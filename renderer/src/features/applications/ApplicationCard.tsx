import { useEffect, useRef, useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { formatDateTime } from '../../lib/format';
import { dueText } from '../terms/terms-text';
import { PaymentsSection } from '../payments/PaymentsSection';
import { SyncBadge } from '../sync/SyncBadge';
import { ApplicationEditForm } from './ApplicationEditForm';
import { CaseTermsSection } from './CaseTermsSection';
import { DELIVERY_TEXT } from './correction';
import { PartyFacts } from './PartyFacts';
import { ReceiptsSection } from './ReceiptsSection';
import { RecordSection } from './RecordSection';
import { StatusChangeForm } from './StatusChangeForm';
import { SupervisorCorrection } from './SupervisorCorrection';
import { StatusFactsSection } from './StatusFactsSection';
import { AcknowledgementActions } from './AcknowledgementActions';
import { StatusFlagBadges } from './StatusFlagBadges';
import { STATUS_TEXT } from './status-text';
import { StatusHistoryList } from './StatusHistoryList';

interface ApplicationCardProps {
  id: string;
  onChanged(): void;
  onClose(): void;
}

/** One application: what was received, its status history, and the moves the status machine allows. */
export function ApplicationCard({ id, onChanged, onClose }: ApplicationCardProps) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [application, setApplication] = useState<Application | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let alive = true;
    void api.call('applications.get', { id }).then((result) => {
      if (!alive) return;
      if (result.ok) setApplication(result.value);
      else setError(result.error);
    });
    return () => {
      alive = false;
    };
  }, [id]);

  // Focus moves to the card when it first shows, not after each status change.
  const loadedId = application?.id;
  useEffect(() => {
    if (loadedId) title.current?.focus();
  }, [loadedId]);

  if (error) return <ErrorNotice error={error} context="applications.cardFailed" />;
  if (!application) return <p className="muted">{t('app.loading')}</p>;
  const a = application;
  const overdue = a.flags.overdue;
  return (
    <article className="application-card" aria-labelledby="application-card-title">
      <div className="card-head">
        <h3 id="application-card-title" className="card-title" tabIndex={-1} ref={title}>
          {t('applications.card', { number: a.regNumber })}
        </h3>
        <Button variant="quiet" onClick={onClose}>
          {t('applications.close')}
        </Button>
      </div>
      <p className="card-status">
        <span className={`status-badge status-${a.status}`}>{t(STATUS_TEXT[a.status])}</span>
        <StatusFlagBadges flags={a.flags} />
        <SyncBadge sync={a.sync} />
      </p>
      <dl className="card-facts">
        <dt>{t('intake.done.applicant')}</dt>
        <dd>{a.applicant.displayName}</dd>
        <PartyFacts application={a} />
        <dt>{t('intake.done.service')}</dt>
        <dd>
          {a.service.code} · {language === 'uk' ? a.service.nameUk : a.service.nameEn}
        </dd>
        <dt>{t('applications.registeredAt')}</dt>
        <dd>{formatDateTime(a.registeredAt)}</dd>
        <dt>{t(a.dueDate === null ? 'terms.term' : 'intake.done.due')}</dt>
        <dd className={overdue ? 'overdue-text' : undefined}>{dueText(language, a.dueDate, a.terms?.deadline ?? null)}</dd>
        <StatusFactsSection application={a} />
        <dt>{t('intake.delivery.label')}</dt>
        <dd>{t(DELIVERY_TEXT[a.resultDelivery])}</dd>
        {a.notes && (
          <>
            <dt>{t('intake.notes.label')}</dt>
            <dd className="card-notes">{a.notes}</dd>
          </>
        )}
      </dl>
      <CaseTermsSection application={a} />
      <RecordSection application={a} />
      <PaymentsSection
        application={a}
        onChanged={(updated) => {
          setApplication(updated);
          onChanged();
        }}
      />
      <h4 className="card-subtitle">{t('applications.history')}</h4>
      <StatusHistoryList history={a.history} />
      <StatusChangeForm
        application={a}
        onChanged={(updated) => {
          setApplication(updated);
          onChanged();
        }}
      />
      <ApplicationEditForm
        application={a}
        onChanged={(updated) => {
          setApplication(updated);
          onChanged();
        }}
      />
      <SupervisorCorrection
        application={a}
        onChanged={(updated) => {
          setApplication(updated);
          onChanged();
        }}
      />
      {a.status === 'issued' && <AcknowledgementActions applicationId={a.id} />}
      <ReceiptsSection
        application={a}
        onChanged={(updated) => {
          setApplication(updated);
          onChanged();
        }}
      />
    </article>
  );
}
