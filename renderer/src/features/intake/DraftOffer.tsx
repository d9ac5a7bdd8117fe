import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { discardDraft, resumeDraft, useIntakeStore } from './intake-store';

/** A draft left by a closed window or a crash: continue it, or abandon it — only by an explicit choice. */
export function DraftOffer() {
  const t = useT();
  const offered = useIntakeStore((state) => state.offered);
  const resume = useRef<HTMLButtonElement>(null);
  useEffect(() => resume.current?.focus(), []);
  if (!offered) return null;
  const a = offered.form.applicant;
  const who = a.summary?.displayName ?? ([a.fields.surname, a.fields.givenName, a.fields.legalName].filter(Boolean).join(' ') || t('intake.draft.noName'));
  return (
    <div className="notice draft-offer" role="region" aria-labelledby="draft-offer-title">
      <p id="draft-offer-title" className="notice-lead">
        {t('intake.draft.offerTitle')}
      </p>
      <p>
        {t('intake.draft.offerBody', { who, time: offered.updatedAt ? formatDateTime(offered.updatedAt) : '—' })}
        {offered.form.service && ` · ${offered.form.service.code}`}
      </p>
      <div className="button-row">
        <button ref={resume} type="button" className="button button-primary" onClick={() => void resumeDraft()}>
          {t('intake.draft.resume')}
        </button>
        <button type="button" className="button" onClick={() => void discardDraft()}>
          {t('intake.draft.discard')}
        </button>
      </div>
    </div>
  );
}
