import { isCalendarDay } from '../../../../shared/calendar';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { formatDay } from '../../lib/format';

/** A period as typed, `ДД.ММ.РРРР` both ends. */
export interface TypedPeriod {
  from: string;
  to: string;
}

/** `ДД.ММ.РРРР` as `YYYY-MM-DD`, or null when it is not a real date. */
export function dayFromTyped(text: string): string | null {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isCalendarDay(day) ? day : null;
}

export const typedPeriodOf = (day: string): TypedPeriod => ({ from: formatDay(day), to: formatDay(day) });

export type PeriodCheck = { ok: true; from: string; to: string } | { ok: false; errors: { from?: PlainMessageKey; to?: PlainMessageKey } };

/** The period the supervisor typed, or what is wrong with each end. */
export function checkPeriod(typed: TypedPeriod): PeriodCheck {
  const from = dayFromTyped(typed.from);
  const to = dayFromTyped(typed.to);
  if (from === null || to === null)
    return {
      ok: false,
      errors: { ...(from === null ? { from: 'registers.dayInvalid' } : {}), ...(to === null ? { to: 'registers.dayInvalid' } : {}) },
    };
  if (from > to) return { ok: false, errors: { to: 'registers.periodOrder' } };
  return { ok: true, from, to };
}
