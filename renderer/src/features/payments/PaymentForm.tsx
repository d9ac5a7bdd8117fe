import { useEffect, useRef, useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import type { FeeComponentKind } from '../../../../shared/domain/fee-rule';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DateInput } from '../../kit/DateInput';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { SelectInput } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import { formatDay, formatUah } from '../../lib/format';
import { localToday } from '../../app/center-today';
import { checkPaymentDraft, COMPONENT_TEXT, issueProblem } from './payment-entry';
import type { PaymentDraft, PaymentField, PaymentProblem } from './payment-entry';

const ALL_COMPONENTS = Object.keys(COMPONENT_TEXT) as FeeComponentKind[];

/**
 * A new payment offers the components the case owes first (none known: all of them), the first
 * unsettled one chosen with what it still owes, and today's date: the usual case is one keystroke.
 */
function startDraft(application: Application, type: PaymentDraft['type']): PaymentDraft {
  const open = application.balance.components.find((c) => !c.settled);
  const owed = open ? open.dueKopecks - open.paidKopecks : 0;
  return {
    type,
    component: type === 'exemption' ? '' : (open?.kind ?? application.balance.components[0]?.kind ?? 'admin_fee'),
    amount: type === 'payment' && owed > 0 ? formatUah(owed) : '',
    reference: '',
    paidOn: formatDay(localToday()),
    payer: '',
    reason: '',
    document: '',
  };
}

/** The components to offer: the case's own, or every kind when the case has no recorded fee. */
function componentsOf(application: Application): FeeComponentKind[] {
  const own = application.balance.components.map((c) => c.kind);
  return own.length > 0 ? own : ALL_COMPONENTS;
}

export function PaymentForm({
  application,
  type,
  onSaved,
  onClose,
}: {
  application: Application;
  type: PaymentDraft['type'];
  onSaved(updated: Application, said: string): void;
  onClose(): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<PaymentDraft>(() => startDraft(application, type));
  const [problems, setProblems] = useState<PaymentProblem[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const id = (field: PaymentField) => `payment-${field}`;
  const problem = (field: PaymentField) => {
    const found = problems.find((p) => p.field === field);
    return found ? t(found.key) : undefined;
  };
  const set = (patch: Partial<PaymentDraft>) => setDraft({ ...draft, ...patch });

  function show(found: PaymentProblem[]): void {
    setProblems(found);
    if (found[0]) document.getElementById(id(found[0].field))?.focus();
  }

  async function save(): Promise<void> {
    const checked = checkPaymentDraft(draft, localToday());
    if (!checked.ok) {
      show(checked.problems);
      return;
    }
    setBusy(true);
    const result = await api.call('applications.addPayment', { applicationId: application.id, entry: checked.entry });
    setBusy(false);
    if (result.ok) {
      onSaved(result.value, t(type === 'payment' ? 'payments.saved' : 'payments.exemptionSaved'));
      return;
    }
    const mapped = (result.error.details?.issues ?? []).map(issueProblem).filter((p) => p !== null);
    if (mapped.length > 0) show(mapped);
    else setError(result.error);
  }

  const components = componentsOf(application);
  return (
    <form
      className="payment-form"
      noValidate
      aria-labelledby="payment-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h5 id="payment-form-title" className="card-subtitle">
        {t(type === 'payment' ? 'payments.form.payment' : 'payments.form.exemption')}
      </h5>
      <div className="kit-field-row">
        <SelectInput<FeeComponentKind | ''>
          id={id('component')}
          inputRef={first}
          label={t('payments.field.component')}
          value={draft.component}
          error={problem('component')}
          options={[
            ...(type === 'exemption' ? [{ value: '' as const, label: t('payments.wholeFee') }] : []),
            ...components.map((kind) => ({ value: kind, label: t(COMPONENT_TEXT[kind]) })),
          ]}
          onChange={(component) => set({ component })}
        />
        {type === 'payment' && (
          <>
            <TextInput
              id={id('amount')}
              label={t('payments.field.amount')}
              hint={t('payments.field.amountHint')}
              size="short"
              inputMode="text"
              required
              value={draft.amount}
              error={problem('amount')}
              onChange={(amount) => set({ amount })}
            />
            <DateInput
              id={id('paidOn')}
              label={t('payments.field.paidOn')}
              required
              value={draft.paidOn}
              error={problem('paidOn')}
              onChange={(paidOn) => set({ paidOn })}
            />
          </>
        )}
      </div>
      {type === 'payment' ? (
        <div className="kit-field-row">
          <TextInput
            id={id('reference')}
            label={t('payments.field.reference')}
            required
            maxLength={100}
            value={draft.reference}
            error={problem('reference')}
            onChange={(reference) => set({ reference })}
          />
          <TextInput
            id={id('payer')}
            label={t('payments.field.payer')}
            maxLength={300}
            value={draft.payer}
            error={problem('payer')}
            onChange={(payer) => set({ payer })}
          />
        </div>
      ) : (
        <>
          <TextInput
            id={id('reason')}
            label={t('payments.field.reason')}
            size="long"
            rows={2}
            required
            maxLength={500}
            value={draft.reason}
            error={problem('reason')}
            onChange={(reason) => set({ reason })}
          />
          <TextInput
            id={id('document')}
            label={t('payments.field.document')}
            size="long"
            maxLength={300}
            value={draft.document}
            error={problem('document')}
            onChange={(document) => set({ document })}
          />
        </>
      )}
      {error && <ErrorNotice error={error} context="payments.failed" />}
      <div className="kit-button-row">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('payments.save')}
        </Button>
        <Button onClick={onClose}>{t('payments.close')}</Button>
      </div>
    </form>
  );
}
