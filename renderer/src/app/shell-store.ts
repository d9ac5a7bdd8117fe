import { create } from 'zustand';
import type { AppInfo, ClerkProfile, ConnectionState, IntegrityCheck, SyncStatus } from '../../../shared/contract';
import type { ErrorBody } from '../../../shared/errors';
import type { ScreenId } from './screen-list';

type InfoState = { status: 'loading' } | { status: 'loaded'; info: AppInfo } | { status: 'failed'; error: ErrorBody };

interface ShellState {
  /** The client emits nothing before its first connect, so the shell starts at 'connecting'. */
  connection: ConnectionState['state'];
  /** Unknown until the backend's first sync.status event. */
  sync: SyncStatus | null;
  info: InfoState;
  /** The background whole-file check of the database; unknown until app.health or its event tells. */
  integrity: IntegrityCheck | null;
  /** The clerk working at this desk (the local account), once the backend told us. */
  clerk: ClerkProfile | null;
  screen: ScreenId;
  showScreen(screen: ScreenId): void;
}

export const useShellStore = create<ShellState>()((set) => ({
  connection: 'connecting',
  sync: null,
  info: { status: 'loading' },
  integrity: null,
  clerk: null,
  screen: 'queue',
  showScreen: (screen) => set({ screen }),
}));
