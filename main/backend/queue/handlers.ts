import type { Handlers } from '../../../shared/contract';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import type { QueueService } from './queue-service';

type QueueMethods = 'queue.state' | 'queue.act' | 'queue.statistics';

/** The clerk's queue panel (docs/SYNC.md, "The electronic queue"); the service decides online or local. */
export function queueHandlers(deps: HandlerDeps & { queue: QueueService }): Pick<Handlers<CallContext>, QueueMethods> {
  return {
    'queue.state': () => deps.queue.state(),
    'queue.act': (action, ctx) => deps.queue.act(envFor(deps, ctx), action),
    'queue.statistics': ({ from, to }) => deps.queue.statistics(from, to),
  };
}
