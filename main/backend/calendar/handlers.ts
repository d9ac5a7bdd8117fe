import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { listCalendarDays, putCalendarDay, readCalendarSettings, removeCalendarDay, setMartialLaw } from './calendar-days';

type CalendarMethods = 'calendar.list' | 'calendar.put' | 'calendar.remove' | 'calendar.settings' | 'calendar.setMartialLaw';

export function calendarHandlers(deps: HandlerDeps): Pick<Handlers<CallContext>, CalendarMethods> {
  const centerOwned = deps.desk.backOfficeUrl !== null;
  return {
    'calendar.list': ({ from, to }) => listCalendarDays(deps.db, from, to),
    'calendar.put': (entry, ctx) => {
      putCalendarDay(envFor(deps, ctx), entry);
      return null;
    },
    'calendar.remove': ({ day }, ctx) => {
      if (!removeCalendarDay(envFor(deps, ctx), day)) {
        throw new AppError('NOT_FOUND', `${day} is an ordinary day already`, [{ path: ['day'], message: 'not in the calendar' }]);
      }
      return null;
    },
    'calendar.settings': () => readCalendarSettings(deps.db, centerOwned),
    'calendar.setMartialLaw': ({ martialLaw }, ctx) => {
      setMartialLaw(envFor(deps, ctx), martialLaw);
      return readCalendarSettings(deps.db, centerOwned);
    },
  };
}
