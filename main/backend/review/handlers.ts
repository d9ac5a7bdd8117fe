import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { addDays } from '../../../shared/calendar';
import { localDayStart } from '../../../shared/local-day';
import type { ReviewQueue } from '../../../shared/review';
import { localDay } from '../clock';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { flagger } from '../applications/with-flags';
import type { QueueService } from '../queue/queue-service';
import { correctApplication } from './correct-application';
import { applicationFigures } from './day-figures';
import { deskQueueStatistics } from './queue-figures';

/** The supervisor's day and corrections (issue 15). */
export function reviewHandlers(
  deps: HandlerDeps & { queue: QueueService },
): Pick<Handlers<CallContext>, 'review.day' | 'applications.correct'> {
  const flags = flagger(deps);
  /** The back office's figures for the whole center when it answers; this desk's own tickets otherwise. */
  async function queueFigures(from: Date, to: Date): Promise<ReviewQueue> {
    if (deps.desk.backOfficeUrl !== null) {
      try {
        return { source: 'back_office', statistics: await deps.queue.statistics(from.toISOString(), to.toISOString()) };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    return { source: 'desk', statistics: deskQueueStatistics(deps.db, from, to, deps.desk.timeZone) };
  }
  return {
    'review.day': async ({ from, to, waitingDays }) => {
      const zone = deps.desk.timeZone;
      const figures = applicationFigures(deps.db, {
        from,
        to,
        today: localDay(deps.now(), zone),
        waitingDays,
        rules: deps.desk.statusRules,
      });
      return { ...figures, queue: await queueFigures(localDayStart(from, zone), localDayStart(addDays(to, 1), zone)) };
    },
    'applications.correct': (input, ctx) => flags.application(correctApplication(envFor(deps, ctx), input)),
  };
}
