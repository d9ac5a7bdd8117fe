import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CallContext } from '../dispatch';
import type { HandlerDeps } from '../handler-deps';

type QueueMethods = 'queue.state' | 'queue.act' | 'queue.statistics';

/** BASE PLACEHOLDER for the parallel work of issue 11: the desk-side queue helper replaces this file whole. */
export function queueHandlers(_deps: HandlerDeps): Pick<Handlers<CallContext>, QueueMethods> {
  const missing = () => {
    throw new AppError('INTERNAL', 'The queue panel is being built');
  };
  return { 'queue.state': missing, 'queue.act': missing, 'queue.statistics': missing };
}
