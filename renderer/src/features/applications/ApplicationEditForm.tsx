import { useEffect, useRef, useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { SelectInput } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import { correctionInput, DELIVERIES, DELIVERY_TEXT } from './correction';
import type { Delivery } from './correction';

/**
 * A small correction after registration: how the result is received and the notes. Only the
 * changed fields travel, so the back office merges them with edits made elsewhere.
 */
export function ApplicationEditForm({ application, onChanged }: { application: Application; onChanged(updated: Application): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [delivery, setDelivery] = useState(application.resultDelivery);
  // The service card's channels, fetched when the form opens: a correction offers only those.
  const [channels, setChannels] = useState<readonly Delivery[]>(DELIVERIES);
  const [notes, setNotes] = useState(application.notes ?? '');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  // Where focus goes when the form opens or closes: its first field, or back to the button that opened it.
  const [focusTarget, setFocusTarget] = useState<'form' | 'button' | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (focusTarget === 'form') firstField.current?.focus();
    if (focusTarget === 'button') openButton.current?.focus();
  }, [focusTarget, open]);

  function close(): void {
    setOpen(false);
    setFocusTarget('button');
  }

  function start(): void {
    setDelivery(application.resultDelivery);
    setNotes(application.notes ?? '');
    setError(null);
    setDone('');
    setOpen(true);
    setFocusTarget('form');
    void api.call('catalog.get', { id: application.service.id }).then((result) => {
      if (result.ok) setChannels(result.value.deliveryChannels);
    });
  }

  async function save(): Promise<void> {
    const input = correctionInput(application, { resultDelivery: delivery, notes });
    if (!input) {
      setDone(t('applications.edit.unchanged'));
      close();
      return;
    }
    setBusy(true);
    const result = await api.call('applications.update', input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    close();
    setDone(t('applications.edit.saved'));
    onChanged(result.value);
  }

  return (
    <section className="edit-section" aria-labelledby="edit-form-title">
      <h4 id="edit-form-title" className="card-subtitle">
        {t('applications.edit.title')}
      </h4>
      <p className="edit-done" role="status">
        {done}
      </p>
      {open ? (
        <form
          className="edit-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <SelectInput
            id="edit-delivery"
            inputRef={firstField}
            label={t('intake.delivery.label')}
            value={delivery}
            options={DELIVERIES.filter((d) => channels.includes(d) || d === application.resultDelivery).map((d) => ({
              value: d,
              label: t(DELIVERY_TEXT[d]),
            }))}
            onChange={(d) => setDelivery(d)}
          />
          <TextInput
            id="edit-notes"
            label={t('intake.notes.label')}
            size="long"
            rows={3}
            maxLength={2000}
            value={notes}
            onChange={setNotes}
          />
          {error && <ErrorNotice error={error} context="applications.edit.failed" />}
          <div className="kit-button-row">
            <Button type="submit" variant="primary" disabled={busy}>
              {t('applications.edit.save')}
            </Button>
            <Button onClick={close}>{t('applications.edit.cancel')}</Button>
          </div>
        </form>
      ) : (
        <Button ref={openButton} aria-describedby="edit-form-title" onClick={start}>
          {t('applications.edit.open')}
        </Button>
      )}
    </section>
  );
}
