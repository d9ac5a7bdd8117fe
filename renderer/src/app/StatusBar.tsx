import { useState } from 'react';
import { SyncPanel } from '../features/sync/SyncPanel';
import { clockSkewed } from '../features/sync/sync-text';
import type { PlainMessageKey } from '../i18n/dictionary';
import { useT } from '../i18n/use-t';
import type { ConnectionState, SyncStatus } from '../../../shared/contract';
import { useShellStore } from './shell-store';

const CONNECTION_TEXT: Readonly<Record<ConnectionState['state'], PlainMessageKey>> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  refused: 'connection.refused',
};

const SYNC_TEXT: Readonly<Record<SyncStatus['state'], PlainMessageKey>> = {
  standalone: 'sync.standalone',
  not_enrolled: 'sync.notEnrolled',
  online: 'sync.online',
  offline: 'sync.offline',
  paused_auth: 'sync.pausedAuth',
  paused_update: 'sync.pausedUpdate',
};

export function StatusBar() {
  const t = useT();
  const connection = useShellStore((state) => state.connection);
  const sync = useShellStore((state) => state.sync);
  const info = useShellStore((state) => state.info);
  const loaded = info.status === 'loaded' ? info.info : undefined;
  const [panelOpen, setPanelOpen] = useState(false);
  const stateText: PlainMessageKey = sync ? SYNC_TEXT[sync.state] : 'sync.unknown';
  // A standalone desk has no back office to send to: its outbox is kept for a later enrollment, not "waiting".
  const standalone = sync?.state === 'standalone';
  const syncText = standalone ? t('status.standalone') : t('status.sync', { state: t(stateText) });
  const desk = loaded ? t('status.desk', { desk: loaded.desk.code }) : t('status.deskUnknown');
  return (
    <>
      <footer className="status-bar" aria-label={t('status.label')}>
        <ul>
          {/* Two subjects, named so they never read as one contradicting the other: this desk's own
              backend (the window's link to it), and the back office it syncs with. */}
          <li role="status" className={`status-item connection-${connection}`}>
            <span className="status-dot" aria-hidden="true" />
            {t('status.connection', { desk, state: t(CONNECTION_TEXT[connection]) })}
          </li>
          {loaded?.configSource === 'default' && <li className="status-item muted">({t('status.demoConfig')})</li>}
          <li className="status-item status-item-sync">
            <button type="button" className="status-button" aria-haspopup="dialog" title={syncText} onClick={() => setPanelOpen(true)}>
              {syncText}
            </button>
          </li>
          {sync && !standalone && sync.pending > 0 && <li className="status-item">{t('sync.pending', { count: String(sync.pending) })}</li>}
          {sync && sync.deadLetters + sync.conflicts > 0 && (
            <li className="status-item status-attention">{t('sync.attention', { count: String(sync.deadLetters + sync.conflicts) })}</li>
          )}
          {sync && clockSkewed(sync.clockOffsetMs) && <li className="status-item status-attention">{t('sync.clockSkew')}</li>}
          <li className="status-item status-version">
            {loaded ? t('status.version', { version: loaded.version }) : t('status.versionUnknown')}
          </li>
        </ul>
      </footer>
      <SyncPanel open={panelOpen} stateText={stateText} onClose={() => setPanelOpen(false)} />
    </>
  );
}
