/**
 * The queue panel's state: the backend's QueuePanel, kept current by the `queue.changed` event
 * (the backend is told by the back office; nothing here polls), the action on its way, and the
 * last refusal. A module store, so switching screens keeps the panel and its subscription.
 */
import { create } from 'zustand';
import type { QueuePanel } from '../../../../shared/queue-panel';
import type { QueueAction } from '../../../../shared/queue-protocol';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { clockOffsetMs } from './wait-time';

interface QueueState {
  panel: QueuePanel | null;
  loadError: ErrorBody | null;
  /** The action sent and not yet answered: its buttons wait, so a double press sends nothing twice. */
  sending: QueueAction['action'] | null;
  actionError: ErrorBody | null;
  /** The back office's clock minus this desk's, when the panel last arrived (wait-time.ts). */
  clockOffsetMs: number;
}

const initial: QueueState = { panel: null, loadError: null, sending: null, actionError: null, clockOffsetMs: 0 };

export const useQueueStore = create<QueueState>()(() => initial);

const set = useQueueStore.setState;

function received(panel: QueuePanel): void {
  set({ panel, loadError: null, clockOffsetMs: clockOffsetMs(panel.desk?.serverTime, Date.now()) });
}

let unsubscribe: (() => void) | null = null;

/** Reads the panel and follows its changes; once per app session (the subscription outlives the screen). */
export async function openQueue(): Promise<void> {
  unsubscribe ??= api.on('queue.changed', received);
  const result = await api.call('queue.state', {});
  if (result.ok) received(result.value);
  else set({ loadError: result.error });
}

export async function act(action: QueueAction): Promise<boolean> {
  if (useQueueStore.getState().sending !== null) return false;
  set({ sending: action.action, actionError: null });
  const result = await api.call('queue.act', action);
  if (result.ok) {
    received(result.value);
    set({ sending: null });
    return true;
  }
  set({ sending: null, actionError: result.error });
  return false;
}

export function dismissActionError(): void {
  set({ actionError: null });
}
