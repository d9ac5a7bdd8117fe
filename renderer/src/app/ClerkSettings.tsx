import { useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { AccountsPanel } from '../features/auth/AccountsPanel';
import { mayCall } from '../features/auth/access';
import { CalendarDialog } from '../features/calendar/CalendarDialog';
import { useT } from '../i18n/use-t';
import { Button } from '../kit/Button';
import { Dialog } from '../kit/Dialog';
import { ErrorNotice } from '../kit/ErrorNotice';
import { TextInput } from '../kit/TextInput';
import { AuditCheckSettings } from './AuditCheckSettings';
import { ClerkControls } from './ClerkControls';
import { DiagnosticsSettings } from './DiagnosticsSettings';
import { useShellStore } from './shell-store';
import { SyncSettings } from './SyncSettings';
import { DialogSection } from '../kit/DialogSection';
import { Notice } from '../kit/Notice';

/**
 * The signed-in clerk's name in the header, lock and sign-out, and the settings dialog: each of its
 * parts only for the roles that may use it (the name, the back office, the audit check, the
 * working-day calendar, which opens in a dialog of its own, the accounts and the diagnostics export).
 */
export function ClerkSettings() {
  const t = useT();
  const clerk = useShellStore((state) => state.clerk);
  const may = (method: Parameters<typeof mayCall>[1]): boolean => (clerk ? mayCall(clerk.roles, method) : false);
  const nameBox = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [empty, setEmpty] = useState(false);
  const [calendarOpen, setCalendarOpen] = useState(false);
  // Opened by Help → «Експорт діагностики» (Electron): the export starts by itself.
  const [fromMenu, setFromMenu] = useState(false);

  function start(menu = false): void {
    setName(clerk?.fullName ?? '');
    setError(null);
    setEmpty(false);
    setFromMenu(menu);
    setOpen(true);
  }

  useEffect(() => api.on('menu.command', ({ command }) => command === 'exportDiagnostics' && clerk && start(true)));

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
      <div className="clerk-actions">
        <button type="button" className="header-button" onClick={() => start()} disabled={!clerk}>
          {t('clerk.settings')}
        </button>
        <ClerkControls />
      </div>
      <Dialog
        open={open}
        onClose={() => {
          setOpen(false);
          setFromMenu(false);
        }}
        title={t('clerk.dialogTitle')}
        initialFocus={nameBox}
      >
        {may('clerk.rename') && (
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
        )}
        {(may('sync.enroll') || may('sync.now')) && <SyncSettings />}
        {may('storage.status') && <AuditCheckSettings />}
        {may('calendar.list') && (
          <DialogSection id="settings-calendar" title={t('calendar.title')}>
            <p id="settings-calendar-purpose" className="kit-field-hint">
              {t('clerk.calendarPurpose')}
            </p>
            <Button aria-describedby="settings-calendar-purpose" onClick={() => setCalendarOpen(true)}>
              {t('calendar.open')}
            </Button>
          </DialogSection>
        )}
        {may('accounts.list') && <AccountsPanel />}
        {may('diagnostics.export') ? (
          <DiagnosticsSettings autoStart={fromMenu} />
        ) : (
          fromMenu && <Notice tone="info">{t('diagnostics.adminOnly')}</Notice>
        )}
      </Dialog>
      <CalendarDialog open={calendarOpen} onClose={() => setCalendarOpen(false)} />
    </div>
  );
}
