import { useEffect, useRef, useState } from 'react';
import type { Application, UpdateApplicationInput } from '../../../../shared/domain/application';
import { roleMayMove, TRANSITIONS } from '../../../../shared/domain/application-status';
import type { ApplicationStatus } from '../../../../shared/domain/application-status';
import type { ErrorBody } from '../../../../shared/errors';
import type { Role } from '../../../../shared/roles';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { SelectInput } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import { correctionInput, DELIVERIES, DELIVERY_TEXT } from './correction';
import type { Delivery } from './correction';
import { STATUS_TEXT } from './status-text';

type Part = 'fields' | 'status';

const NO_ROLES: readonly Role[] = [];

/**
 * «Виправлення керівника» (issue 15): a supervisor corrects the case's data or moves its status,
 * always with a reason the history and the audit log keep. Status moves offered are those the
 * supervisor's roles make that need nothing but a reason; the backend checks every move again.
 */
export function SupervisorCorrection({ application, onChanged }: { application: Application; onChanged(updated: Application): void }) {
  const t = useT();
  // The roles array itself (a fallback made here each time would loop zustand's change check).
  const roles = useShellStore((state) => state.clerk?.roles) ?? NO_ROLES;
  const [open, setOpen] = useState(false);
  const [part, setPart] = useState<Part>('fields');
  const [delivery, setDelivery] = useState<Delivery>(application.resultDelivery);
  const [notes, setNotes] = useState(application.notes ?? '');
  const [to, setTo] = useState<ApplicationStatus | ''>('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const first = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  if (!roles.includes('supervisor')) return null;
  const moves = TRANSITIONS.filter(
    (move) => move.from === application.status && move.needs.every((need) => need === 'reason') && roleMayMove(move.from, move.to, roles),
  );

  function start(): void {
    setDelivery(application.resultDelivery);
    setNotes(application.notes ?? '');
    setTo('');
    setReason('');
    setReasonError(false);
    setError(null);
    setDone('');
    setOpen(true);
  }

  async function save(): Promise<void> {
    const why = reason.trim();
    if (why.length < 5 || why.length > 500) return setReasonError(true);
    let change: { fields: Omit<UpdateApplicationInput, 'id'> } | { status: { to: ApplicationStatus } } | null = null;
    if (part === 'status') change = to === '' ? null : { status: { to } };
    else {
      const input = correctionInput(application, { resultDelivery: delivery, notes });
      if (input) {
        const { id: _id, ...fields } = input;
        change = { fields };
      }
    }
    if (!change) return setDone(t('applications.edit.unchanged'));
    setBusy(true);
    const result = await api.call('applications.correct', { applicationId: application.id, reason: why, ...change });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setOpen(false);
    setDone(t('correct.saved'));
    onChanged(result.value);
  }

  return (
    <section className="card-correction" aria-labelledby={`correct-${application.id}`}>
      <p role="status" className="sync-done">
        {done}
      </p>
      {!open ? (
        <Button onClick={start}>{t('correct.open')}</Button>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <h4 id={`correct-${application.id}`} className="card-subtitle">
            {t('correct.title')}
          </h4>
          <SelectInput<Part>
            id="correct-part"
            label={t('correct.what')}
            inputRef={first}
            value={part}
            options={[
              { value: 'fields', label: t('correct.fields') },
              ...(moves.length > 0 ? [{ value: 'status' as const, label: t('correct.status') }] : []),
            ]}
            onChange={setPart}
          />
          {part === 'fields' ? (
            <>
              <SelectInput<Delivery>
                id="correct-delivery"
                label={t('intake.delivery.label')}
                value={delivery}
                options={DELIVERIES.map((d) => ({ value: d, label: t(DELIVERY_TEXT[d]) }))}
                onChange={setDelivery}
              />
              <TextInput id="correct-notes" label={t('intake.notes.label')} rows={2} maxLength={2000} value={notes} onChange={setNotes} />
            </>
          ) : (
            <SelectInput<ApplicationStatus | ''>
              id="correct-to"
              label={t('correct.to')}
              value={to}
              options={[
                { value: '', label: t('applications.chooseStatus') },
                ...moves.map((move) => ({ value: move.to, label: t(STATUS_TEXT[move.to]) })),
              ]}
              onChange={setTo}
            />
          )}
          <TextInput
            id="correct-reason"
            label={t('correct.reason')}
            hint={t('correct.reasonHint')}
            rows={2}
            maxLength={500}
            required
            value={reason}
            error={reasonError ? t('correct.err.reason') : undefined}
            onChange={(value) => {
              setReason(value);
              setReasonError(false);
            }}
          />
          {error && <ErrorNotice error={error} context="correct.failed" />}
          <div className="kit-button-row">
            <Button type="submit" variant="primary" disabled={busy}>
              {t('correct.save')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('correct.cancel')}</Button>
          </div>
        </form>
      )}
    </section>
  );
}
