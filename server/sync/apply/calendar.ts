import { CenterCalendarData, DEFAULT_CENTER_CALENDAR } from '../../../shared/domain/center-calendar';
import { parsePayload } from '../../../shared/sync-mutations';
import type { ApplyContext, Outcome } from './outcome';
import { invalidPayload, wrongCenter } from './outcome';

/**
 * A change to the center's calendar (docs/ARCHITECTURE.md §6.4), made on the record as it stands:
 * last writer wins, in the order the back office applies them (its versions), for each day and
 * for the switch on their own. No merge and no conflict: a supervisor's edit says what a day is
 * from now on, and every desk of the center pulls the result.
 */
async function change(ctx: ApplyContext, edit: (data: CenterCalendarData) => CenterCalendarData): Promise<Outcome> {
  if (ctx.id !== ctx.device.centerCode) return wrongCenter();
  const current = await ctx.store.load('calendar', ctx.id);
  const data = current ? CenterCalendarData.parse(current.data) : DEFAULT_CENTER_CALENDAR;
  const version = (current?.version ?? 0) + 1;
  ctx.store.save('calendar', { id: ctx.id, centerCode: ctx.device.centerCode, version, data: edit(data) });
  return { status: 'applied', version };
}

async function day(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('calendar.day', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const { day: date, entry } = parsed.data;
  return change(ctx, (data) => {
    const others = Object.entries(data.days).filter(([other]) => other !== date);
    return { ...data, days: Object.fromEntries(entry ? [...others, [date, entry]] : others) };
  });
}

async function settings(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('calendar.settings', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const { martialLaw } = parsed.data;
  return change(ctx, (data) => ({ ...data, martialLaw }));
}

export const calendarPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'calendar.day': day,
  'calendar.settings': settings,
};
