import { useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DateInput } from '../../kit/DateInput';
import { SelectInput } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import { validateDay } from '../../../../shared/validate/dates';
import { formatDay } from '../../lib/format';
import { checkCalendarEntry, KIND_TEXT, NAME_MAX, PROBLEM_TEXT, weekdayKey } from './calendar-entry';
import type { CalendarDraft, CalendarEntry, CalendarKind, CalendarProblem } from './calendar-entry';
import { isWeekend, weekendTransfer } from './template-rows';

const KINDS: readonly CalendarKind[] = ['day_off', 'working_day'];
const BLANK: CalendarDraft = { date: '', kind: 'day_off', name: '' };

interface CalendarAddFormProps {
  years: readonly number[];
  /** The year's listed days and the switch: where art. 67 would move a weekend day off. */
  entries: readonly CalendarEntry[];
  martialLaw: boolean;
  busy: boolean;
  /** Puts the entry; resolves true once it is stored (the form then clears, keeping the kind). */
  onAdd(entry: CalendarEntry): Promise<boolean>;
}

/** The small form that adds a day off or a transferred working day, checked before it is sent. */
/** A day off typed on a Saturday or Sunday: the day and where art. 67 would move it, else null. */
function weekendDayOff(draft: CalendarDraft, entries: readonly CalendarEntry[], martialLaw: boolean) {
  if (draft.kind !== 'day_off') return null;
  const checked = validateDay(draft.date, 'issue_date');
  if (!checked.ok || !isWeekend(checked.value)) return null;
  return { day: checked.value, next: weekendTransfer(checked.value, entries, martialLaw) };
}

export function CalendarAddForm({ years, entries, martialLaw, busy, onAdd }: CalendarAddFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<CalendarDraft>(BLANK);
  const [problems, setProblems] = useState<CalendarProblem[]>([]);
  const dateBox = useRef<HTMLInputElement>(null);
  const nameBox = useRef<HTMLInputElement>(null);
  const dateError = problems.find((p) => p.startsWith('date'));
  const nameError = problems.find((p) => p.startsWith('name'));
  const weekend = weekendDayOff(draft, entries, martialLaw);

  async function submit(): Promise<void> {
    const checked = checkCalendarEntry(draft, years);
    if (!checked.ok) {
      setProblems(checked.problems);
      (checked.problems[0]?.startsWith('name') ? nameBox : dateBox).current?.focus();
      return;
    }
    if (!(await onAdd(checked.entry))) return;
    setProblems([]);
    setDraft({ ...BLANK, kind: draft.kind });
    dateBox.current?.focus();
  }

  return (
    <form
      className="calendar-form"
      noValidate
      aria-labelledby="calendar-add-title"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id="calendar-add-title" className="kit-dialog-subtitle">
        {t('calendar.addTitle')}
      </h3>
      <div className="kit-field-row">
        <DateInput
          id="calendar-date"
          inputRef={dateBox}
          label={t('calendar.date')}
          required
          value={draft.date}
          error={dateError && t(PROBLEM_TEXT[dateError])}
          warning={
            weekend
              ? t('calendar.weekendWarning', {
                  date: formatDay(weekend.day),
                  weekday: t(weekdayKey(weekend.day)),
                  next: formatDay(weekend.next),
                })
              : undefined
          }
          onChange={(date) => {
            setDraft({ ...draft, date });
            setProblems(problems.filter((p) => !p.startsWith('date')));
          }}
        />
        <SelectInput<CalendarKind>
          id="calendar-kind"
          label={t('calendar.kind')}
          hint={t('calendar.kindHint')}
          value={draft.kind}
          options={KINDS.map((kind) => ({ value: kind, label: t(KIND_TEXT[kind]) }))}
          onChange={(kind) => setDraft({ ...draft, kind })}
        />
        <TextInput
          id="calendar-name"
          inputRef={nameBox}
          label={t('calendar.name')}
          maxLength={NAME_MAX}
          placeholder={t('calendar.namePlaceholder')}
          value={draft.name}
          error={nameError && t(PROBLEM_TEXT[nameError])}
          onChange={(name) => {
            setDraft({ ...draft, name });
            setProblems(problems.filter((p) => !p.startsWith('name')));
          }}
        />
      </div>
      <div className="kit-button-row">
        {weekend && (
          <Button
            onClick={() => {
              setDraft({ ...draft, date: formatDay(weekend.next) });
              dateBox.current?.focus();
            }}
          >
            {t('calendar.useTransfer', { next: formatDay(weekend.next) })}
          </Button>
        )}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('calendar.adding') : t('calendar.add')}
        </Button>
      </div>
    </form>
  );
}
