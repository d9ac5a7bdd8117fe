import { useT } from '../../i18n/use-t';
import { IntakeSelect, IntakeText } from './bound-fields';
import { RESULT_DELIVERIES } from './intake-form';
import type { ResultDelivery } from './intake-form';
import { setDelivery, setNotes, useIntakeStore } from './intake-store';

export function DeliverySection() {
  const t = useT();
  const delivery = useIntakeStore((state) => state.form.resultDelivery);
  const notes = useIntakeStore((state) => state.form.notes);
  // Only the channels the chosen service's card allows.
  const channels = useIntakeStore((state) => state.form.service?.deliveryChannels ?? RESULT_DELIVERIES);
  const labels: Record<ResultDelivery, string> = {
    in_person: t('intake.delivery.in_person'),
    post: t('intake.delivery.post'),
    email: t('intake.delivery.email'),
    electronic: t('intake.delivery.electronic'),
  };
  return (
    <section className="form-section" aria-labelledby="intake-delivery-heading">
      <h3 id="intake-delivery-heading" className="section-title">
        <span className="section-number" aria-hidden="true">
          5
        </span>
        {t('intake.delivery.title')}
      </h3>
      <div className="kit-field-grid">
        <div className="kit-field-row">
          <IntakeSelect<ResultDelivery>
            field="resultDelivery"
            label={t('intake.delivery.label')}
            value={delivery}
            options={channels.map((value) => ({ value, label: labels[value] }))}
            onChange={setDelivery}
          />
        </div>
        <div className="kit-field-row">
          <IntakeText field="notes" label={t('intake.notes.label')} value={notes} onChange={setNotes} rows={3} size="long" />
        </div>
      </div>
    </section>
  );
}
