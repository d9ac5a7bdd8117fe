import { useRef, useState } from 'react';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { CalendarDialog } from '../features/calendar/CalendarDialog';
import { useT } from '../i18n/use-t';
import { Button } from '../kit/Button';
import { Dialog } from '../kit/Dialog';
import { ErrorNotice } from '../kit/ErrorNotice';
import { TextInput } from '../kit/TextInput';
import { AuditCheckSettings } from './AuditCheckSettings';
import { useShellStore } from './shell-store';
import { SyncSettings } from './SyncSettings';
import { DialogSection } from '../kit/DialogSection';

/**
 * The clerk's name in the header, and a small dialog to correct it (the desk's one local account);
 * the working-day calendar opens from there in a dialog of its own.
 */
export function ClerkSettings() {
  const t = useT();
  const clerk = useShellStore((state) => state.clerk);
  const supervisor = clerk?.roles.includes('supervisor') ?? false;
  const nameBox = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [empty, setEmpty] = useState(false);
  const [calendarOpen, setCalendarOpen] = useState(false);

  function start(): void {
    setName(clerk?.fullName ?? '');
    setError(null);
    setEmpty(false);
    setOpen(true);
  }

  async function save(): Promise<void> {
    if (name.trim() === '') {
      setEmpty(true);
      nameBox.current?.focus();
      return;
    }
    const result = await api.call('clerk.rename', { fullName: name.trim() });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    useShellStore.setState({ clerk: result.value });
    setOpen(false);
  }

  return (
    <div className="clerk">
      <span className="clerk-name" aria-label={t('clerk.label')}>
        {clerk?.fullName ?? '…'}
      </span>
      <button type="button" className="header-button" onClick={start} disabled={!clerk}>
        {t('clerk.settings')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('clerk.dialogTitle')} initialFocus={nameBox}>
        <form
          className="kit-field-grid"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <TextInput
            id="clerk-full-name"
            inputRef={nameBox}
            label={t('clerk.fullName')}
            size="long"
            value={name}
            maxLength={200}
            hint={t('clerk.hint')}
            error={empty ? t('clerk.empty') : undefined}
            onChange={(value) => {
              setName(value);
              setEmpty(false);
            }}
          />
          {error && <ErrorNotice error={error} context="clerk.saveFailed" />}
          <div className="kit-button-row">
            <Button type="submit" variant="primary">
              {t('clerk.save')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('clerk.cancel')}</Button>
          </div>
        </form>
        <SyncSettings />
        {supervisor && <AuditCheckSettings />}
        <DialogSection id="settings-calendar" title={t('calendar.title')}>
          <p id="settings-calendar-purpose" className="kit-field-hint">
            {t('clerk.calendarPurpose')}
          </p>
          <Button aria-describedby="settings-calendar-purpose" onClick={() => setCalendarOpen(true)}>
            {t('calendar.open')}
          </Button>
        </DialogSection>
      </Dialog>
      <CalendarDialog open={calendarOpen} onClose={() => setCalendarOpen(false)} />
    </div>
  );
}
