import { useEffect, useRef } from 'react';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { useT } from '../../i18n/use-t';
import { DraftOffer } from './DraftOffer';
import { IntakeFormView } from './IntakeFormView';
import { openIntake, useIntakeStore } from './intake-store';
import { RegisteredPanel } from './RegisteredPanel';

export function IntakeScreen() {
  const t = useT();
  const phase = useIntakeStore((state) => state.phase);
  const loadError = useIntakeStore((state) => state.loadError);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The heading first, for screen readers; the applicant search takes focus once the form is there.
    if (useIntakeStore.getState().phase !== 'editing') heading.current?.focus();
    void openIntake();
  }, []);
  return (
    <section className="screen screen-wide" aria-labelledby="screen-title">
      <h2 id="screen-title" className="screen-title" tabIndex={-1} ref={heading}>
        {t('intake.title')}
      </h2>
      {loadError && <ErrorNotice error={loadError} context="intake.loadFailed" onRetry={() => void openIntake()} />}
      {(phase === 'idle' || phase === 'loading') && !loadError && <p className="muted">{t('app.loading')}</p>}
      {phase === 'offer' && <DraftOffer />}
      {(phase === 'editing' || phase === 'registering') && <IntakeFormView />}
      {phase === 'done' && <RegisteredPanel />}
    </section>
  );
}
