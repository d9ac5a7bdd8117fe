import { useEffect, useRef, useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import type { PaymentRecord } from '../../../../shared/domain/payment';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import type { Translate } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { TextInput } from '../../kit/TextInput';
import { formatDateTime, formatDay, formatUah } from '../../lib/format';
import { COMPONENT_TEXT, issueProblem } from './payment-entry';
import type { PaymentProblem } from './payment-entry';

/** One entry as a line of text, in the clerk's language. */
export function describeEntry(t: Translate, record: PaymentRecord): string {
  const e = record.entry;
  if (e.type === 'payment') {
    const line = t('payments.entry.payment', {
      component: t(COMPONENT_TEXT[e.component]),
      uah: formatUah(e.amountKopecks),
      reference: e.reference,
      day: formatDay(e.paidOn),
    });
    return e.payer ? `${line}; ${t('payments.entry.payer', { payer: e.payer })}` : line;
  }
  const line = t('payments.entry.exemption', {
    component: e.component ? t(COMPONENT_TEXT[e.component]) : t('payments.wholeFee'),
    reason: e.reason,
  });
  return e.document ? `${line}; ${t('payments.entry.document', { document: e.document })}` : line;
}

/** Cancelling one entry: a reason, then «Скасувати запис»; the entry stays, marked. */
function CancelEntry({
  application,
  record,
  onChanged,
  onDone,
}: {
  application: Application;
  record: PaymentRecord;
  onChanged(updated: Application, said: string): void;
  onDone(): void;
}) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<PaymentProblem | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);

  async function cancel(): Promise<void> {
    if (reason.trim() === '') {
      setProblem({ field: 'cancelReason', key: 'payments.err.cancelReason' });
      field.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api.call('applications.cancelPayment', { applicationId: application.id, paymentId: record.id, reason });
    setBusy(false);
    if (result.ok) {
      onChanged(result.value, t('payments.cancelled'));
      return;
    }
    const mapped = (result.error.details?.issues ?? []).map(issueProblem).find((p) => p !== null);
    if (mapped) setProblem(mapped);
    else setError(result.error);
  }

  const id = `payment-cancel-${record.id}`;
  return (
    <form
      className="payment-cancel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void cancel();
      }}
    >
      <TextInput
        id={id}
        textareaRef={field}
        label={t('payments.cancelReason')}
        hint={t('payments.cancelHint')}
        rows={2}
        size="long"
        maxLength={1000}
        required
        value={reason}
        error={problem ? t(problem.key) : undefined}
        onChange={setReason}
      />
      {error && <ErrorNotice error={error} context="payments.failed" />}
      <div className="kit-button-row">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('payments.cancelConfirm')}
        </Button>
        <Button onClick={onDone}>{t('payments.cancelKeep')}</Button>
      </div>
    </form>
  );
}

/** Every payment and exemption of the case, cancelled ones too (struck through, with why). */
export function PaymentList({ application, onChanged }: { application: Application; onChanged(updated: Application, said: string): void }) {
  const t = useT();
  const [cancelling, setCancelling] = useState<string | null>(null);
  if (application.payments.length === 0) return <p className="muted">{t('payments.none')}</p>;
  return (
    <ul className="payment-list">
      {application.payments.map((record) => {
        const text = describeEntry(t, record);
        return (
          <li key={record.id} className={record.cancelled ? 'payment-cancelled' : undefined}>
            <span className="payment-text">{text}</span>{' '}
            <span className="muted">({t('payments.entry.at', { at: formatDateTime(record.at) })})</span>
            {record.cancelled && (
              <p className="payment-cancel-note">
                {t('payments.entry.cancelled', { at: formatDateTime(record.cancelled.at), reason: record.cancelled.reason })}
              </p>
            )}
            {!record.cancelled &&
              (cancelling === record.id ? (
                <CancelEntry
                  application={application}
                  record={record}
                  onChanged={(updated, said) => {
                    setCancelling(null);
                    onChanged(updated, said);
                  }}
                  onDone={() => setCancelling(null)}
                />
              ) : (
                <Button variant="quiet" aria-label={t('payments.cancelOf', { entry: text })} onClick={() => setCancelling(record.id)}>
                  {t('payments.cancel')}
                </Button>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
