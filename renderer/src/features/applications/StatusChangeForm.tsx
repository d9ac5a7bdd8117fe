import { useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import { allowedTransitions } from '../../../../shared/domain/application-status';
import type { ApplicationStatus } from '../../../../shared/domain/application-status';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { SelectInput } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import { needsReason, needsReceiver, statusChangeInput } from './status-change';
import type { StatusChangeDraft, StatusChangeProblem } from './status-change';
import { STATUS_ACTION } from './status-text';

/**
 * Who is offered as receiving the result: the representative when their authority covers it (one
 * stored by an earlier version acted on a power of attorney and was offered as before), else the applicant.
 */
export function defaultReceiver(a: Application): string {
  if (a.representative?.authority.mayReceiveResult) return a.representative.displayName;
  return a.legacyRepresentative?.fullName ?? a.applicant.displayName;
}

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

  const receiverDefault = defaultReceiver(application);
  const problem = (which: StatusChangeProblem, key: PlainMessageKey) => (problems.includes(which) ? t(key) : undefined);
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
      <div className="kit-field-row">
        <SelectInput<ApplicationStatus | ''>
          id="status-to"
          label={t('applications.newStatus')}
          value={draft.to}
          error={problem('to', 'applications.err.to')}
          options={[
            { value: '', label: t('applications.chooseStatus') },
            ...allowed.map((status) => ({ value: status, label: t(STATUS_ACTION[status]) })),
          ]}
          onChange={(to) => {
            setDraft({ ...draft, to, receivedBy: to === 'issued' && draft.receivedBy === '' ? receiverDefault : draft.receivedBy });
            setProblems([]);
          }}
        />
        {needsReceiver(draft.to) && (
          <TextInput
            id="status-receivedBy"
            label={t('applications.receivedByLabel')}
            value={draft.receivedBy}
            required
            error={problem('receivedBy', 'applications.err.receivedBy')}
            onChange={(receivedBy) => setDraft({ ...draft, receivedBy })}
          />
        )}
      </div>
      {draft.to !== '' && (
        <TextInput
          id="status-reason"
          label={t('applications.reason')}
          size="long"
          rows={2}
          value={draft.reason}
          required={needsReason(draft.to)}
          error={problem('reason', 'applications.err.reason')}
          onChange={(reason) => setDraft({ ...draft, reason })}
        />
      )}
      {error && <ErrorNotice error={error} context="applications.changeFailed" />}
      <Button type="submit" variant="primary" disabled={busy || draft.to === ''}>
        {t('applications.apply')}
      </Button>
    </form>
  );
}
