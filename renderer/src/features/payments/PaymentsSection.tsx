import { useRef, useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { PaymentBalanceView, PaymentFlag } from './PaymentBalanceView';
import { PaymentForm } from './PaymentForm';
import { PaymentList } from './PaymentList';

/**
 * The case's fee and what was paid against it (docs/ARCHITECTURE.md §6.7): paid and still to pay,
 * a visible flag while it is not settled, every entry with its cancellation, and the forms to
 * enter a payment or an exemption. Registration never waits for payment.
 */
export function PaymentsSection({ application, onChanged }: { application: Application; onChanged(updated: Application): void }) {
  const t = useT();
  const [form, setForm] = useState<'payment' | 'exemption' | null>(null);
  const [said, setSaid] = useState('');
  const opener = useRef<HTMLButtonElement>(null);

  function open(which: 'payment' | 'exemption'): void {
    setSaid('');
    setForm(which);
  }

  function changed(updated: Application, message: string): void {
    setForm(null);
    setSaid(message);
    onChanged(updated);
    opener.current?.focus();
  }

  return (
    <section className="payments-section" aria-labelledby="payments-title">
      <h4 id="payments-title" className="card-subtitle">
        {t('payments.title')} <PaymentFlag balance={application.balance} />
      </h4>
      <PaymentBalanceView balance={application.balance} />
      <h5 className="card-subtitle">{t('payments.listTitle')}</h5>
      <PaymentList application={application} onChanged={changed} />
      <p className="edit-done" role="status">
        {said}
      </p>
      {form ? (
        <PaymentForm
          key={form}
          application={application}
          type={form}
          onSaved={changed}
          onClose={() => {
            setForm(null);
            opener.current?.focus();
          }}
        />
      ) : (
        <div className="kit-button-row">
          <Button ref={opener} onClick={() => open('payment')}>
            {t('payments.addPayment')}
          </Button>
          <Button onClick={() => open('exemption')}>{t('payments.addExemption')}</Button>
        </div>
      )}
    </section>
  );
}
