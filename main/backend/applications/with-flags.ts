import type { Application, ApplicationSummary, StoredApplication } from '../../../shared/domain/application';
import type { StoredSummary } from './queries';
import { statusFlags } from '../../../shared/domain/status-flags';
import type { FlagFacts } from '../../../shared/domain/status-flags';
import { loadCalendar } from '../catalog/services';
import { localDay } from '../clock';
import type { HandlerDeps } from '../handler-deps';

/**
 * Adds the flags of shared/domain/status-flags.ts, which depend on today, the calendar and the
 * desk's rules, to what the store read: every handler answering with an application does this
 * last, so the flags are as of the answer. A case without terms (none should be left after
 * migration 0009) counts its date as a latest one.
 */
export function flagger(deps: HandlerDeps): {
  application(stored: StoredApplication): Application;
  summaries(stored: readonly StoredSummary[]): ApplicationSummary[];
} {
  const context = () => ({ today: localDay(deps.now(), deps.desk.timeZone), calendar: loadCalendar(deps.db) });
  const flagsOf = (a: FlagFacts, ctx: ReturnType<typeof context>) => statusFlags(a, ctx.today, ctx.calendar, deps.desk.statusRules);
  return {
    application: (stored) => ({
      ...stored,
      flags: flagsOf({ ...stored, dueKind: stored.terms?.deadline.kind ?? 'not_after' }, context()),
    }),
    summaries: (stored) => {
      const ctx = context();
      return stored.map((s) => ({ ...s, flags: flagsOf({ ...s, dueKind: s.deadline?.kind ?? 'not_after' }, ctx) }));
    },
  };
}
