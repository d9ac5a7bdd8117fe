import type { Application, ApplicationSummary, StoredApplication, StoredApplicationSummary } from '../../../shared/domain/application';
import { statusFlags } from '../../../shared/domain/status-flags';
import { loadCalendar } from '../catalog/services';
import { localDay } from '../clock';
import type { HandlerDeps } from '../handler-deps';

/**
 * Adds the flags of shared/domain/status-flags.ts, which depend on today, the calendar and the
 * desk's rules, to what the store read: every handler answering with an application does this
 * last, so the flags are as of the answer. Until the catalog's deadline rules reach the case
 * every term is a latest date (`not_after`).
 */
export function flagger(deps: HandlerDeps): {
  application(stored: StoredApplication): Application;
  summaries(stored: readonly StoredApplicationSummary[]): ApplicationSummary[];
} {
  const context = () => ({ today: localDay(deps.now(), deps.desk.timeZone), calendar: loadCalendar(deps.db) });
  const flagsOf = (a: { status: Application['status']; registeredOn: string; dueDate: string }, ctx: ReturnType<typeof context>) =>
    statusFlags({ ...a, dueKind: 'not_after' }, ctx.today, ctx.calendar, deps.desk.statusRules);
  return {
    application: (stored) => ({ ...stored, flags: flagsOf(stored, context()) }),
    summaries: (stored) => {
      const ctx = context();
      return stored.map((s) => ({ ...s, flags: flagsOf(s, ctx) }));
    },
  };
}
