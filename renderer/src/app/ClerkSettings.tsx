import { useRef, useState } from 'react';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { ErrorNotice } from '../components/ErrorNotice';
import { CalendarDialog } from '../features/calendar/CalendarDialog';
import { useT } from '../i18n/use-t';
import { useShellStore } from './shell-store';
import { SyncSettings } from './SyncSettings';

/**
 * The clerk's name in the header, and a small dialog to correct it (the desk's one local account);
 * the working-day calendar opens from there in a dialog of its own.
 */
export function ClerkSettings() {
  const t = useT();
  const clerk = useShellStore((state) => state.clerk);
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [empty, setEmpty] = useState(false);
  const [calendarOpen, setCalendarOpen] = useState(false);

  function open(): void {
    setName(clerk?.fullName ?? '');
    setError(null);
    setEmpty(false);
    dialog.current?.showModal();
  }

  async function save(): Promise<void> {
    if (name.trim() === '') {
      setEmpty(true);
      return;
    }
    const result = await api.call('clerk.rename', { fullName: name.trim() });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    useShellStore.setState({ clerk: result.value });
    dialog.current?.close();
  }

  return (
    <div className="clerk">
      <span className="clerk-name" aria-label={t('clerk.label')}>
        {clerk?.fullName ?? '…'}
      </span>
      <button type="button" className="header-button" onClick={open} disabled={!clerk}>
        {t('clerk.settings')}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="clerk-dialog-title">
        <form
          method="dialog"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <h2 id="clerk-dialog-title" className="dialog-title">
            {t('clerk.dialogTitle')}
          </h2>
          <div className="field field-long">
            <label htmlFor="clerk-full-name" className="field-label">
              {t('clerk.fullName')}
            </label>
            <input
              id="clerk-full-name"
              className="input"
              value={name}
              maxLength={200}
              aria-invalid={empty || undefined}
              aria-describedby={empty ? 'clerk-full-name-error' : 'clerk-full-name-hint'}
              onChange={(event) => {
                setName(event.target.value);
                setEmpty(false);
              }}
            />
            <p id="clerk-full-name-hint" className="field-hint">
              {t('clerk.hint')}
            </p>
            {empty && (
              <p id="clerk-full-name-error" className="field-error">
                {t('clerk.empty')}
              </p>
            )}
          </div>
          {error && <ErrorNotice error={error} context="clerk.saveFailed" />}
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t('clerk.save')}
            </button>
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              {t('clerk.cancel')}
            </button>
          </div>
        </form>
        <SyncSettings />
        <section className="dialog-section" aria-labelledby="settings-calendar-title">
          <h3 id="settings-calendar-title" className="dialog-subtitle">
            {t('calendar.title')}
          </h3>
          <p id="settings-calendar-purpose" className="field-hint">
            {t('clerk.calendarPurpose')}
          </p>
          <button type="button" className="button" aria-describedby="settings-calendar-purpose" onClick={() => setCalendarOpen(true)}>
            {t('calendar.open')}
          </button>
        </section>
      </dialog>
      <CalendarDialog open={calendarOpen} onClose={() => setCalendarOpen(false)} />
    </div>
  );
}
