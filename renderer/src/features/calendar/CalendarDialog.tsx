import { useRef, useState } from 'react';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Dialog } from '../../kit/Dialog';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { SelectInput } from '../../kit/SelectInput';
import { formatDay } from '../../lib/format';
import { CalendarAddForm } from './CalendarAddForm';
import { calendarYears } from './calendar-entry';
import type { CalendarEntry } from './calendar-entry';
import { CalendarTable } from './CalendarTable';
import { MartialLawSwitch } from './MartialLawSwitch';
import { templateRows } from './template-rows';
import { TemplateTable } from './TemplateTable';
import { useCalendarDays } from './use-calendar-days';
import { useCalendarSettings } from './use-calendar-settings';

interface CalendarDialogProps {
  open: boolean;
  onClose(): void;
}

/**
 * The center's working-day calendar (docs/ARCHITECTURE.md §6.4): the martial-law switch, the
 * year's statutory template and whether each of its days is off now, the days a supervisor set
 * (each removable, marked while waiting to be sent), and a small form to add one. Due dates of
 * new applications use it at once.
 */
export function CalendarDialog({ open, onClose }: CalendarDialogProps) {
  const t = useT();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const canEdit = useShellStore((state) => state.clerk?.roles.includes('supervisor') ?? false);
  const [years] = useState(() => calendarYears(new Date().getFullYear()));
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [reload, setReload] = useState(0);
  const listing = useCalendarDays(open, year, reload);
  const settings = useCalendarSettings(open, reload);
  const martialLaw = settings.status !== 'loaded' || settings.settings.martialLaw;
  const entries = listing.status === 'loaded' ? listing.days : [];
  const [failure, setFailure] = useState<{ error: ErrorBody; context: PlainMessageKey } | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  /** Closed by its button or Escape: the next opening starts clean. */
  function close(): void {
    setFailure(null);
    setDone('');
    onClose();
  }

  async function add(entry: CalendarEntry): Promise<boolean> {
    setBusy(true);
    const result = await api.call('calendar.put', entry);
    setBusy(false);
    if (!result.ok) {
      setFailure({ error: result.error, context: 'calendar.addFailed' });
      return false;
    }
    setFailure(null);
    setDone(t('calendar.added', { date: formatDay(entry.day) }));
    // Show the year of the day just added, so the clerk sees it land in the list.
    setYear(Number(entry.day.slice(0, 4)));
    setReload((n) => n + 1);
    return true;
  }

  async function remove(day: string): Promise<void> {
    setBusy(true);
    const result = await api.call('calendar.remove', { day });
    setBusy(false);
    // NOT_FOUND: someone else removed it already; either way the list is refreshed to the truth.
    if (!result.ok && result.error.code !== 'NOT_FOUND') {
      setFailure({ error: result.error, context: 'calendar.removeFailed' });
      return;
    }
    setFailure(null);
    setDone(t('calendar.removed', { date: formatDay(day) }));
    setReload((n) => n + 1);
    // The pressed button is gone with its row: the list heading keeps the clerk's place.
    listHeading.current?.focus();
  }

  async function switchMartialLaw(on: boolean): Promise<void> {
    setBusy(true);
    const result = await api.call('calendar.setMartialLaw', { martialLaw: on });
    setBusy(false);
    if (!result.ok) {
      setFailure({ error: result.error, context: 'calendar.martialLawFailed' });
      return;
    }
    setFailure(null);
    setDone(t(on ? 'calendar.martialLawOnDone' : 'calendar.martialLawOffDone'));
    setReload((n) => n + 1);
  }

  return (
    <Dialog open={open} onClose={close} title={t('calendar.title')} describedBy="calendar-effect" wide className="calendar-dialog">
      <p id="calendar-effect" className="calendar-effect">
        {t('calendar.effect')}
      </p>
      {settings.status === 'loaded' && (
        <MartialLawSwitch settings={settings.settings} canEdit={canEdit} busy={busy} onChange={(on) => void switchMartialLaw(on)} />
      )}
      {settings.status === 'failed' && (
        <ErrorNotice error={settings.error} context="calendar.settingsFailed" onRetry={() => setReload((n) => n + 1)} />
      )}
      <SelectInput<string>
        id="calendar-year"
        label={t('calendar.year')}
        size="short"
        value={String(year)}
        options={years.map((option) => ({ value: String(option), label: String(option) }))}
        onChange={(value) => setYear(Number(value))}
      />
      <section className="calendar-list" aria-labelledby="calendar-list-title">
        <h3 id="calendar-list-title" className="kit-dialog-subtitle" tabIndex={-1} ref={listHeading}>
          {t('calendar.listCaption', { year })}
        </h3>
        {listing.status === 'loading' && <p className="muted">{t('calendar.loading')}</p>}
        {listing.status === 'failed' && (
          <ErrorNotice error={listing.error} context="calendar.loadFailed" onRetry={() => setReload((n) => n + 1)} />
        )}
        {listing.status === 'loaded' && (
          <CalendarTable
            days={listing.days}
            year={year}
            labelledBy="calendar-list-title"
            busy={busy}
            onRemove={canEdit ? (day) => void remove(day) : undefined}
          />
        )}
      </section>
      {listing.status === 'loaded' && settings.status === 'loaded' && (
        <TemplateTable rows={templateRows(year, martialLaw, entries)} year={year} />
      )}
      <p className="calendar-done" role="status">
        {done}
      </p>
      {canEdit ? (
        <CalendarAddForm years={years} entries={entries} martialLaw={martialLaw} busy={busy} onAdd={add} />
      ) : (
        <p className="muted">{t('calendar.readOnly')}</p>
      )}
      {failure && <ErrorNotice error={failure.error} context={failure.context} />}
      <div className="kit-button-row calendar-footer">
        <Button onClick={close}>{t('calendar.close')}</Button>
      </div>
    </Dialog>
  );
}
