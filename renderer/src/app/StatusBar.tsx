import type { PlainMessageKey } from '../i18n/dictionary';
import { useT } from '../i18n/use-t';
import type { ConnectionState, SyncStatus } from '../../../shared/contract';
import { useShellStore } from './shell-store';

const CONNECTION_TEXT: Readonly<Record<ConnectionState['state'], PlainMessageKey>> = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
};

const SYNC_TEXT: Readonly<Record<SyncStatus['state'], PlainMessageKey>> = {
  standalone: 'sync.standalone',
};

export function StatusBar() {
  const t = useT();
  const connection = useShellStore((state) => state.connection);
  const sync = useShellStore((state) => state.sync);
  const info = useShellStore((state) => state.info);
  const loaded = info.status === 'loaded' ? info.info : undefined;
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <ul>
        <li role="status" className={`status-item connection-${connection}`}>
          <span className="status-dot" aria-hidden="true" />
          {t(CONNECTION_TEXT[connection])}
        </li>
        <li className="status-item">{t('status.sync', { state: t(sync ? SYNC_TEXT[sync] : 'sync.unknown') })}</li>
        {loaded && (
          <li className="status-item">
            {t('status.desk', { desk: loaded.desk.code })}
            {loaded.configSource === 'default' && <span className="muted"> ({t('status.demoConfig')})</span>}
          </li>
        )}
        <li className="status-item status-version">
          {loaded ? t('status.version', { version: loaded.version }) : t('status.versionUnknown')}
        </li>
      </ul>
    </footer>
  );
}
