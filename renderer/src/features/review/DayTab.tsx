import { useEffect, useState } from 'react';
import type { ReviewDay } from '../../../../shared/review';
import { addDays } from '../../../../shared/calendar';
import { validateDay } from '../../../../shared/validate/dates';
import { localToday } from '../../app/center-today';
import { useLanguageStore } from '../../i18n/language-store';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { DateInput } from '../../kit/DateInput';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { SelectInput } from '../../kit/SelectInput';
import { TextInput } from '../../kit/TextInput';
import { formatDay, formatUah } from '../../lib/format';
import { STATUS_TEXT } from '../applications/status-text';
import { ApplicationTable } from './ApplicationTable';
import type { ListRow } from './ApplicationTable';
import { ReviewChart } from './ReviewChart';
import { useReviewStore } from './review-store';

type PeriodKind = 'today' | 'yesterday' | 'day' | 'range';
type ListName = 'registered' | 'handoffsDue' | 'handoffsOverdue' | 'dueSoon' | 'overdue' | 'waitingCollection' | 'unpaid';

const LISTS: ReadonlyArray<{ name: ListName; label: PlainMessageKey }> = [
  { name: 'registered', label: 'review.list.registered' },
  { name: 'handoffsDue', label: 'review.list.handoffsDue' },
  { name: 'handoffsOverdue', label: 'review.list.handoffsOverdue' },
  { name: 'dueSoon', label: 'review.list.dueSoon' },
  { name: 'overdue', label: 'review.list.overdue' },
  { name: 'waitingCollection', label: 'review.list.waitingCollection' },
  { name: 'unpaid', label: 'review.list.unpaid' },
];

/** The period the picker stands for, or null while a typed day is not a real date. */
function periodOf(kind: PeriodKind, typedFrom: string, typedTo: string): { from: string; to: string } | null {
  const today = localToday();
  if (kind === 'today') return { from: today, to: today };
  if (kind === 'yesterday') return { from: addDays(today, -1), to: addDays(today, -1) };
  const from = validateDay(typedFrom, 'issue_date');
  if (!from.ok) return null;
  if (kind === 'day') return { from: from.value, to: from.value };
  const to = validateDay(typedTo, 'issue_date');
  return to.ok ? { from: from.value, to: to.value } : null;
}

function minutes(seconds: number | null): string {
  return seconds === null ? '—' : String(Math.round(seconds / 60));
}

function Kpis({ day }: { day: ReviewDay }) {
  const t = useT();
  const total = day.queue.statistics.total;
  const time = (s: number | null) => (s === null ? t('review.none') : t('review.minutes', { n: minutes(s) }));
  const figures: Array<[string, number]> = [
    [t('review.kpi.registered'), day.registered.length],
    [t('review.kpi.handoffsDue'), day.handoffsDue.length],
    [t('review.kpi.handoffsOverdue'), day.handoffsOverdue.length],
    [t('review.kpi.dueSoon'), day.dueSoon.length],
    [t('review.kpi.overdue'), day.overdue.length],
    [t('review.kpi.waiting', { days: day.waitingDays }), day.waitingCollection.length],
    [t('review.kpi.unpaid'), day.unpaid.length],
    [t('review.kpi.served'), total.served],
    [t('review.kpi.noShows'), total.noShows],
  ];
  return (
    <>
      <dl className="review-kpis">
        {figures.map(([label, value]) => (
          <div key={label} className="review-kpi">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>{t('review.kpi.waitTime', { avg: time(total.waiting.avgSeconds), p90: time(total.waiting.p90Seconds) })}</p>
      <p>{t('review.kpi.serviceTime', { avg: time(total.service.avgSeconds), p90: time(total.service.p90Seconds) })}</p>
      <p className="muted">{t(day.queue.source === 'back_office' ? 'review.queue.back_office' : 'review.queue.desk')}</p>
    </>
  );
}

/** Each list's rows, with what the list adds worded in the desk's language. */
function listRows(day: ReviewDay, name: ListName, t: ReturnType<typeof useT>): ListRow[] {
  if (name === 'waitingCollection')
    return day.waitingCollection.map((r) => ({ ...r, extra: t('review.waitedDays', { n: r.waitingDays }) }));
  if (name === 'unpaid') return day.unpaid.map((r) => ({ ...r, extra: t('review.owes', { amount: formatUah(r.outstandingKopecks) }) }));
  return day[name];
}

function Figures({ day }: { day: ReviewDay }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const [list, setList] = useState<ListName>('registered');
  const period = day.from === day.to ? formatDay(day.from) : `${formatDay(day.from)} – ${formatDay(day.to)}`;
  return (
    <section aria-labelledby="review-figures-title">
      <h3 id="review-figures-title">{t('review.periodTitle', { period })}</h3>
      <Kpis day={day} />
      <div className="review-charts">
        <ReviewChart
          id="review-by-hour"
          title={t('review.chart.byHour')}
          labelHeader={t('review.col.hour')}
          valueHeader={t('review.col.tickets')}
          rows={day.queue.statistics.byHour.map((h) => ({ label: `${h.key}:00`, value: h.tickets }))}
        />
        <ReviewChart
          id="review-by-clerk"
          title={t('review.chart.byClerk')}
          labelHeader={t('review.col.clerk')}
          valueHeader={t('review.col.count')}
          rows={day.byClerk.map((c) => ({ label: c.clerkName, value: c.count }))}
        />
      </div>
      <div className="review-breakdowns">
        <table className="kit-table">
          <caption className="kit-table-caption">{t('review.byService')}</caption>
          <tbody>
            {day.byService.map((s) => (
              <tr key={s.code}>
                <th scope="row">{language === 'uk' ? s.uk : s.en}</th>
                <td>{s.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="kit-table">
          <caption className="kit-table-caption">{t('review.byStatus')}</caption>
          <tbody>
            {day.byStatus.map((s) => (
              <tr key={s.status}>
                <th scope="row">{t(STATUS_TEXT[s.status])}</th>
                <td>{s.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SelectInput<ListName>
        id="review-list"
        label={t('review.list')}
        value={list}
        options={LISTS.map((l) => ({ value: l.name, label: `${t(l.label)} (${day[l.name].length})` }))}
        onChange={setList}
      />
      <ApplicationTable key={list} caption={t(LISTS.find((l) => l.name === list)!.label)} rows={listRows(day, list, t)} />
    </section>
  );
}

/** «День»: the period picker and the period's figures, charts and lists. */
export function DayTab() {
  const t = useT();
  const state = useReviewStore((s) => s.state);
  const load = useReviewStore((s) => s.load);
  const [kind, setKind] = useState<PeriodKind>('today');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [waiting, setWaiting] = useState('30');
  const [invalid, setInvalid] = useState(false);

  function show(nextKind = kind): void {
    const period = periodOf(nextKind, from, to);
    const days = Number(waiting);
    if (!period || !Number.isInteger(days) || days < 1) return setInvalid(true);
    setInvalid(false);
    void load(period.from, period.to, days);
  }

  // Today's figures on opening; later periods are the supervisor's choice.
  useEffect(() => {
    const today = localToday();
    void load(today, today);
  }, [load]);

  return (
    <div className="review-day">
      <form
        className="review-period"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          show();
        }}
      >
        <SelectInput
          id="review-period"
          label={t('review.period')}
          value={kind}
          options={(['today', 'yesterday', 'day', 'range'] as const).map((k) => ({ value: k, label: t(`review.period.${k}`) }))}
          onChange={(next) => {
            setKind(next);
            if (next === 'today' || next === 'yesterday') show(next);
          }}
        />
        {(kind === 'day' || kind === 'range') && (
          <DateInput
            id="review-from"
            label={t(kind === 'day' ? 'review.day' : 'review.from')}
            value={from}
            error={invalid ? t('review.err.period') : undefined}
            onChange={setFrom}
          />
        )}
        {kind === 'range' && <DateInput id="review-to" label={t('review.to')} value={to} onChange={setTo} />}
        <TextInput
          id="review-waiting"
          label={t('review.waitingDays')}
          size="short"
          inputMode="numeric"
          value={waiting}
          onChange={setWaiting}
        />
        <Button type="submit" variant="primary">
          {t('review.show')}
        </Button>
      </form>
      {state.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {state.status === 'failed' && <ErrorNotice error={state.error} context="review.failed" onRetry={() => show()} />}
      {state.status === 'loaded' && <Figures day={state.day} />}
    </div>
  );
}
