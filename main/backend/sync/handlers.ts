import type { Handlers } from '../../../shared/contract';
import type { CallContext } from '../dispatch';
import { envFor } from '../handler-deps';
import type { HandlerDeps } from '../handler-deps';
import { discardDeadLetter, listDeadLetters, listPending, resolveDeadLetter, retryDeadLetter } from './dead-letters';
import type { SyncService } from './sync-service';

type SyncHandlers = Pick<
  Handlers<CallContext>,
  'sync.status' | 'sync.now' | 'sync.enroll' | 'sync.deadLetters' | 'sync.pendingList' | 'sync.retry' | 'sync.discard' | 'sync.resolve'
>;

export function syncHandlers(deps: HandlerDeps & { sync: SyncService }): SyncHandlers {
  return {
    'sync.status': () => deps.sync.status(),
    'sync.now': () => deps.sync.syncNow(),
    'sync.enroll': ({ code, deviceName }) => deps.sync.enroll(code, deviceName ?? `Vikno ${deps.desk.center.code}/${deps.desk.desk.code}`),
    'sync.deadLetters': () => listDeadLetters(deps.db),
    'sync.pendingList': () => listPending(deps.db),
    'sync.retry': ({ mutationId }, ctx) => {
      retryDeadLetter(envFor(deps, ctx), mutationId);
      return null;
    },
    'sync.discard': ({ mutationId, reason }, ctx) => {
      discardDeadLetter(envFor(deps, ctx), mutationId, reason);
      // Nothing new to send, but the status bar's dead-letter count changed.
      deps.sync.changed();
      return null;
    },
    'sync.resolve': ({ mutationId, reason }, ctx) => {
      resolveDeadLetter(envFor(deps, ctx), mutationId, reason, (change) => deps.sync.takeServerRecord(change));
      deps.sync.changed();
      return null;
    },
  };
}
