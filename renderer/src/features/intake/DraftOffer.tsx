import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Notice } from '../../kit/Notice';
import { formatDateTime } from '../../lib/format';
import { focusFirstEmptySoon, INTAKE_FORM_ID } from './focus-field';
import { discardDraft, resumeDraft, useIntakeStore } from './intake-store';

/** A draft left by a closed window or a crash: continue it, or abandon it — only by an explicit choice. */
export function DraftOffer() {
  const t = useT();
  const offered = useIntakeStore((state) => state.offered);
  const resume = useRef<HTMLButtonElement>(null);
  useEffect(() => resume.current?.focus(), []);
  if (!offered) return null;
  const a = offered.form.applicant;
  const who =
    a.summary?.displayName ??
    ([a.fields.surname, a.fields.givenName, a.fields.legalName].filter(Boolean).join(' ') || t('intake.draft.noName'));
  return (
    <Notice
      tone="info"
      announce={false}
      className="draft-offer"
      title={t('intake.draft.offerTitle')}
      actions={
        <>
          <Button
            ref={resume}
            variant="primary"
            onClick={() => {
              void resumeDraft();
              // The offer (and the focused button) is gone: focus goes into the form, where Ctrl+Enter registers.
              focusFirstEmptySoon(INTAKE_FORM_ID);
            }}
          >
            {t('intake.draft.resume')}
          </Button>
          <Button onClick={() => void discardDraft()}>{t('intake.draft.discard')}</Button>
        </>
      }
    >
      <p>
        {t('intake.draft.offerBody', { who, time: offered.updatedAt ? formatDateTime(offered.updatedAt) : '—' })}
        {offered.form.service && ` · ${offered.form.service.code}`}
      </p>
    </Notice>
  );
}
