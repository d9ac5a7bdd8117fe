import { useEffect, useRef, useState } from 'react';
import type { Application } from '../../../../shared/domain/application';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/use-t';
import { correctionInput, DELIVERIES, DELIVERY_TEXT } from './correction';

/**
 * A small correction after registration: how the result is received and the notes. Only the
 * changed fields travel, so the back office merges them with edits made elsewhere.
 */
export function ApplicationEditForm({ application, onChanged }: { application: Application; onChanged(updated: Application): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [delivery, setDelivery] = useState(application.resultDelivery);
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
          <div className="field field-medium">
            <label htmlFor="edit-delivery" className="field-label">
              {t('intake.delivery.label')}
            </label>
            <select
              id="edit-delivery"
              ref={firstField}
              className="input"
              value={delivery}
              onChange={(event) => setDelivery(DELIVERIES.find((d) => d === event.target.value) ?? delivery)}
            >
              {DELIVERIES.map((d) => (
                <option key={d} value={d}>
                  {t(DELIVERY_TEXT[d])}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-long">
            <label htmlFor="edit-notes" className="field-label">
              {t('intake.notes.label')}
            </label>
            <textarea id="edit-notes" className="input" rows={3} maxLength={2000} value={notes} onChange={(event) => setNotes(event.target.value)} />
          </div>
          {error && <ErrorNotice error={error} context="applications.edit.failed" />}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('applications.edit.save')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('applications.edit.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" ref={openButton} className="button" aria-describedby="edit-form-title" onClick={start}>
          {t('applications.edit.open')}
        </button>
      )}
    </section>
  );
}
