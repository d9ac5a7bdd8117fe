import { useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { formatDay } from '../../lib/format';
import { calendarYears, checkCalendarEntry, KIND_TEXT, NAME_MAX, PROBLEM_TEXT, weekdayKey, yearRange } from './calendar-entry';
import type { CalendarDraft, CalendarEntry, CalendarKind, CalendarProblem } from './calendar-entry';

type Listing = { status: 'loading' } | { status: 'loaded'; days: CalendarEntry[] } | { status: 'failed'; error: ErrorBody };

const KINDS: readonly CalendarKind[] = ['day_off', 'working_day'];
const BLANK: CalendarDraft = { date: '', kind: 'day_off', name: '' };

interface CalendarDialogProps {
  open: boolean;
  onClose(): void;
}

/**
 * The working-day calendar as data: the configured days off and transferred working days of a
 * year, each removable, and a small form to add one. Due dates of new applications use it at once.
 */
export function CalendarDialog({ open, onClose }: CalendarDialogProps) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const canEdit = useShellStore((state) => state.clerk?.roles.includes('supervisor') ?? false);
  const [years] = useState(() => calendarYears(new Date().getFullYear()));
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [reload, setReload] = useState(0);
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [draft, setDraft] = useState<CalendarDraft>(BLANK);
  const [problems, setProblems] = useState<CalendarProblem[]>([]);
  const [failure, setFailure] = useState<{ error: ErrorBody; context: PlainMessageKey } | null>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  /** Closed by its button or Escape: the next opening starts clean. */
  function closed(): void {
    setDraft(BLANK);
    setProblems([]);
    setFailure(null);
    setDone('');
    onClose();
  }

  useEffect(() => {
    if (!open) return;
    let alive = true;
    setListing({ status: 'loading' });
    void api.call('calendar.list', yearRange(year)).then((result) => {
      if (!alive) return;
      setListing(result.ok ? { status: 'loaded', days: [...result.value].sort((a, b) => a.day.localeCompare(b.day)) } : { status: 'failed', error: result.error });
    });
    return () => {
      alive = false;
    };
  }, [open, year, reload]);

  async function add(): Promise<void> {
    const checked = checkCalendarEntry(draft, years);
    if (!checked.ok) {
      setProblems(checked.problems);
      document.getElementById(checked.problems[0]?.startsWith('name') ? 'calendar-name' : 'calendar-date')?.focus();
      return;
    }
    setBusy(true);
    const result = await api.call('calendar.put', checked.entry);
    setBusy(false);
    if (!result.ok) {
      setFailure({ error: result.error, context: 'calendar.addFailed' });
      return;
    }
    setFailure(null);
    setProblems([]);
    setDraft({ ...BLANK, kind: draft.kind });
    setDone(t('calendar.added', { date: formatDay(checked.entry.day) }));
    // Show the year of the day just added, so the clerk sees it land in the list.
    setYear(Number(checked.entry.day.slice(0, 4)));
    setReload((n) => n + 1);
    document.getElementById('calendar-date')?.focus();
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

  const dateError = problems.find((p) => p.startsWith('date'));
  const nameError = problems.find((p) => p.startsWith('name'));

  return (
    <dialog ref={dialog} className="dialog dialog-wide calendar-dialog" aria-labelledby="calendar-dialog-title" aria-describedby="calendar-effect" onClose={closed}>
      <div className="calendar-body">
        <h2 id="calendar-dialog-title" className="dialog-title">
          {t('calendar.title')}
        </h2>
        <p id="calendar-effect" className="calendar-effect">
          {t('calendar.effect')}
        </p>

        <div className="field field-short">
          <label htmlFor="calendar-year" className="field-label">
            {t('calendar.year')}
          </label>
          <select id="calendar-year" className="input" value={year} onChange={(event) => setYear(Number(event.target.value))}>
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>

        <section className="calendar-list" aria-labelledby="calendar-list-title">
          <h3 id="calendar-list-title" className="calendar-subtitle" tabIndex={-1} ref={listHeading}>
            {t('calendar.listCaption', { year })}
          </h3>
          {listing.status === 'loading' && <p className="calendar-quiet">{t('calendar.loading')}</p>}
          {listing.status === 'failed' && <ErrorNotice error={listing.error} context="calendar.loadFailed" onRetry={() => setReload((n) => n + 1)} />}
          {listing.status === 'loaded' && listing.days.length === 0 && <p className="calendar-quiet">{t('calendar.empty', { year })}</p>}
          {listing.status === 'loaded' && listing.days.length > 0 && (
            <table className="calendar-table" aria-labelledby="calendar-list-title">
              <thead>
                <tr>
                  <th scope="col">{t('calendar.col.date')}</th>
                  <th scope="col">{t('calendar.col.weekday')}</th>
                  <th scope="col">{t('calendar.col.kind')}</th>
                  <th scope="col">{t('calendar.col.name')}</th>
                  {canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">{t('calendar.col.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {listing.days.map((entry) => (
                  <tr key={entry.day} className={`calendar-row calendar-${entry.kind}`}>
                    <th scope="row" className="calendar-date">
                      {formatDay(entry.day)}
                    </th>
                    <td>{t(weekdayKey(entry.day))}</td>
                    <td>{t(KIND_TEXT[entry.kind])}</td>
                    <td>{entry.name === '' ? <span className="calendar-quiet">{t('calendar.noName')}</span> : entry.name}</td>
                    {canEdit && (
                      <td>
                        <button
                          type="button"
                          className="button button-danger calendar-remove"
                          aria-label={t('calendar.removeDay', { date: formatDay(entry.day) })}
                          disabled={busy}
                          onClick={() => void remove(entry.day)}
                        >
                          {t('calendar.remove')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <p className="calendar-done" role="status">
          {done}
        </p>

        {canEdit ? (
          <form
            className="calendar-form"
            noValidate
            aria-labelledby="calendar-add-title"
            onSubmit={(event) => {
              event.preventDefault();
              void add();
            }}
          >
            <h3 id="calendar-add-title" className="calendar-subtitle">
              {t('calendar.addTitle')}
            </h3>
            <div className="field-row">
              <div className="field field-short">
                <label htmlFor="calendar-date" className="field-label">
                  {t('calendar.date')}
                </label>
                <input
                  id="calendar-date"
                  className="input"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder={t('intake.datePlaceholder')}
                  value={draft.date}
                  aria-required="true"
                  aria-invalid={dateError !== undefined || undefined}
                  aria-describedby={dateError ? 'calendar-date-error' : undefined}
                  onChange={(event) => {
                    setDraft({ ...draft, date: event.target.value });
                    setProblems(problems.filter((p) => !p.startsWith('date')));
                  }}
                />
                {dateError && (
                  <p id="calendar-date-error" className="field-error">
                    {t(PROBLEM_TEXT[dateError])}
                  </p>
                )}
              </div>
              <div className="field calendar-kind-field">
                <label htmlFor="calendar-kind" className="field-label">
                  {t('calendar.kind')}
                </label>
                <select
                  id="calendar-kind"
                  className="input"
                  value={draft.kind}
                  aria-describedby="calendar-kind-hint"
                  onChange={(event) => setDraft({ ...draft, kind: KINDS.find((k) => k === event.target.value) ?? draft.kind })}
                >
                  {KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(KIND_TEXT[kind])}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field field-medium">
                <label htmlFor="calendar-name" className="field-label">
                  {t('calendar.name')}
                </label>
                <input
                  id="calendar-name"
                  className="input"
                  type="text"
                  autoComplete="off"
                  maxLength={NAME_MAX}
                  placeholder={t('calendar.namePlaceholder')}
                  value={draft.name}
                  aria-invalid={nameError !== undefined || undefined}
                  aria-describedby={nameError ? 'calendar-name-error' : undefined}
                  onChange={(event) => {
                    setDraft({ ...draft, name: event.target.value });
                    setProblems(problems.filter((p) => !p.startsWith('name')));
                  }}
                />
                {nameError && (
                  <p id="calendar-name-error" className="field-error">
                    {t(PROBLEM_TEXT[nameError])}
                  </p>
                )}
              </div>
            </div>
            <p id="calendar-kind-hint" className="field-hint">
              {t('calendar.kindHint')}
            </p>
            <div className="button-row">
              <button type="submit" className="button button-primary" disabled={busy}>
                {busy ? t('calendar.adding') : t('calendar.add')}
              </button>
            </div>
          </form>
        ) : (
          <p className="calendar-quiet">{t('calendar.readOnly')}</p>
        )}

        {failure && <ErrorNotice error={failure.error} context={failure.context} />}

        <div className="button-row calendar-footer">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('calendar.close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
