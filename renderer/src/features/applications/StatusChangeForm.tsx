import { useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import { allowedTransitions } from '../../../../shared/domain/application-status';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/use-t';
import { needsReason, needsReceiver, statusChangeInput } from './status-change';
import type { StatusChangeDraft, StatusChangeProblem } from './status-change';
import { STATUS_ACTION } from './status-text';

export function StatusChangeForm({ application, onChanged }: { application: Application; onChanged(updated: Application): void }) {
  const t = useT();
  const allowed = allowedTransitions(application.status);
  const [draft, setDraft] = useState<StatusChangeDraft>({ to: '', reason: '', receivedBy: '' });
  const [problems, setProblems] = useState<StatusChangeProblem[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  if (allowed.length === 0) return <p className="muted">{t('applications.final')}</p>;

  async function submit(): Promise<void> {
    const checked = statusChangeInput(application.id, application.status, draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      document.getElementById(`status-${checked.problems[0]}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await api.call('applications.changeStatus', checked.input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDraft({ to: '', reason: '', receivedBy: '' });
    setProblems([]);
    setError(null);
    onChanged(result.value);
  }

  const receiverDefault = application.representative?.fullName ?? application.applicant.displayName;
  return (
    <form
      className="status-form"
      noValidate
      aria-labelledby="status-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h4 id="status-form-title" className="card-subtitle">
        {t('applications.change')}
      </h4>
      <div className="field-row">
        <div className="field field-medium">
          <label htmlFor="status-to" className="field-label">
            {t('applications.newStatus')}
          </label>
          <select
            id="status-to"
            className="input"
            value={draft.to}
            aria-invalid={problems.includes('to') || undefined}
            onChange={(event) => {
              const to = allowed.find((s) => s === event.target.value) ?? '';
              setDraft({ ...draft, to, receivedBy: to === 'issued' && draft.receivedBy === '' ? receiverDefault : draft.receivedBy });
              setProblems([]);
            }}
          >
            <option value="">{t('applications.chooseStatus')}</option>
            {allowed.map((status) => (
              <option key={status} value={status}>
                {t(STATUS_ACTION[status])}
              </option>
            ))}
          </select>
          {problems.includes('to') && <p className="field-error">{t('applications.err.to')}</p>}
        </div>
        {needsReceiver(draft.to) && (
          <div className="field field-medium">
            <label htmlFor="status-receivedBy" className="field-label">
              {t('applications.receivedByLabel')}
            </label>
            <input
              id="status-receivedBy"
              className="input"
              value={draft.receivedBy}
              aria-invalid={problems.includes('receivedBy') || undefined}
              aria-describedby={problems.includes('receivedBy') ? 'status-receivedBy-error' : undefined}
              onChange={(event) => setDraft({ ...draft, receivedBy: event.target.value })}
            />
            {problems.includes('receivedBy') && (
              <p id="status-receivedBy-error" className="field-error">
                {t('applications.err.receivedBy')}
              </p>
            )}
          </div>
        )}
      </div>
      {(needsReason(draft.to) || draft.to !== '') && (
        <div className="field field-long">
          <label htmlFor="status-reason" className="field-label">
            {needsReason(draft.to) ? t('applications.reasonRequired') : t('applications.reason')}
          </label>
          <textarea
            id="status-reason"
            className="input"
            rows={2}
            value={draft.reason}
            aria-required={needsReason(draft.to) || undefined}
            aria-invalid={problems.includes('reason') || undefined}
            aria-describedby={problems.includes('reason') ? 'status-reason-error' : undefined}
            onChange={(event) => setDraft({ ...draft, reason: event.target.value })}
          />
          {problems.includes('reason') && (
            <p id="status-reason-error" className="field-error">
              {t('applications.err.reason')}
            </p>
          )}
        </div>
      )}
      {error && <ErrorNotice error={error} context="applications.changeFailed" />}
      <button type="submit" className="button button-primary" disabled={busy || draft.to === ''}>
        {t('applications.apply')}
      </button>
    </form>
  );
}
