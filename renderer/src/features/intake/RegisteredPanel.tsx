import { useEffect, useRef } from 'react';
import { ReceiptActions } from '../../components/ReceiptActions';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { dueText } from '../terms/terms-text';
import { startNewIntake, useIntakeStore } from './intake-store';

/** After Register: the number to tell the citizen, the due date, the receipt, and the next intake. */
export function RegisteredPanel() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const application = useIntakeStore((state) => state.registered);
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  if (!application) return null;
  return (
    <section className="registered" aria-labelledby="registered-title">
      <p id="registered-title" className="registered-title" tabIndex={-1} ref={heading} role="status">
        {t('intake.done.title')}
      </p>
      <dl className="registered-facts">
        <div>
          <dt>{t('intake.done.number')}</dt>
          <dd className="reg-number">{application.regNumber}</dd>
        </div>
        <div>
          <dt>{t(application.dueDate === null ? 'terms.term' : 'intake.done.due')}</dt>
          <dd className="due-date">{dueText(language, application.dueDate, application.terms?.deadline ?? null)}</dd>
        </div>
        <div>
          <dt>{t('intake.done.applicant')}</dt>
          <dd>{application.applicant.displayName}</dd>
        </div>
        <div>
          <dt>{t('intake.done.service')}</dt>
          <dd>
            {application.service.code} · {language === 'uk' ? application.service.nameUk : application.service.nameEn}
          </dd>
        </div>
      </dl>
      <ReceiptActions applicationId={application.id} />
      <div className="kit-button-row">
        <Button size="large" onClick={startNewIntake}>
          {t('intake.done.next')}
        </Button>
      </div>
    </section>
  );
}
