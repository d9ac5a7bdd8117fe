import { useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import { allowedTransitions } from '../../../../shared/domain/application-status';
import type { ApplicationStatus } from '../../../../shared/domain/application-status';
import { owedOnHandOver } from '../../../../shared/domain/payment';
import type { ErrorBody } from '../../../../shared/errors';
import type { Role } from '../../../../shared/roles';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { SelectInput } from '../../kit/SelectInput';
import { localToday } from '../../app/center-today';
import { defaultReceiver, EMPTY_DRAFT, fieldsNeeded, isIrreversible, statusChangeInput } from './status-change';
import type { StatusChangeDraft, StatusChangeProblem } from './status-change';
import { StatusMoveFields } from './StatusMoveFields';
import { useCardGrounds } from './use-card-grounds';
import { UnpaidHandOver } from './UnpaidHandOver';
import { STATUS_ACTION } from './status-text';

const NO_ROLES: readonly Role[] = [];

/**
 * The moves the caller's roles may make from where the case stands, each asking for what it
 * needs; a move that closes the case asks to confirm and says it cannot be undone; handing over a
 * result whose fee is not settled says what is owed and asks to confirm that too.
 */
export function StatusChangeForm({ application, onChanged }: { application: Application; onChanged(updated: Application): void }) {
  const t = useT();
  const roles = useShellStore((state) => state.clerk?.roles);
  const allowed = allowedTransitions(application.status, roles ?? NO_ROLES);
  const [draft, setDraft] = useState<StatusChangeDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<StatusChangeProblem[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const grounds = useCardGrounds(application.service.id);
  const owed = owedOnHandOver(application.balance, draft.to);
  if (allowed.length === 0) {
    return <p className="muted">{t(allowedTransitions(application.status).length === 0 ? 'applications.final' : 'status.notYours')}</p>;
  }

  async function submit(): Promise<void> {
    const checked = statusChangeInput(application, draft, localToday(), grounds && grounds.map((ground) => ground.code));
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
    setDraft(EMPTY_DRAFT);
    setProblems([]);
    setError(null);
    onChanged(result.value);
  }

  const choose = (to: ApplicationStatus | '') => {
    setDraft({ ...EMPTY_DRAFT, ...(fieldsNeeded(application.status, to).includes('receiver') ? defaultReceiver(application) : {}), to });
    setProblems([]);
  };
  return (
    <form
      className="status-form"
      noValidate
      aria-labelledby="status-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        // Enter in a field never closes a case: that takes the confirmation's "yes".
        if (!isIrreversible(draft.to)) void submit();
      }}
    >
      <h4 id="status-form-title" className="card-subtitle">
        {t('applications.change')}
      </h4>
      <SelectInput<ApplicationStatus | ''>
        id="status-to"
        label={t('applications.newStatus')}
        value={draft.to}
        error={problems.includes('to') ? t('applications.err.to') : undefined}
        options={[
          { value: '', label: t('applications.chooseStatus') },
          ...allowed.map((status) => ({ value: status, label: t(STATUS_ACTION[status]) })),
        ]}
        onChange={choose}
      />
      {draft.to !== '' && (
        <StatusMoveFields
          application={application}
          needs={fieldsNeeded(application.status, draft.to)}
          draft={draft}
          problems={problems}
          refusalGrounds={grounds}
          onChange={(next) => setDraft({ ...draft, ...next })}
        />
      )}
      {owed !== null && (
        <UnpaidHandOver
          owedKopecks={owed}
          confirmed={draft.unpaidConfirmed}
          missing={problems.includes('unpaidConfirmed')}
          onChange={(unpaidConfirmed) => setDraft({ ...draft, unpaidConfirmed })}
        />
      )}
      {error && <ErrorNotice error={error} context="applications.changeFailed" />}
      {isIrreversible(draft.to) ? (
        <Button
          variant="danger"
          disabled={busy}
          confirm={{ question: t('status.confirmFinal'), yes: t('status.confirmYes'), no: t('status.confirmNo') }}
          onClick={() => void submit()}
        >
          {t('applications.apply')}
        </Button>
      ) : (
        <Button type="submit" variant="primary" disabled={busy || draft.to === ''}>
          {t('applications.apply')}
        </Button>
      )}
    </form>
  );
}
