import { useRef, useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';
import { ErrorNotice } from '../../kit/ErrorNotice';
import type { PlainMessageKey } from '../../i18n/dictionary';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Dialog } from '../../kit/Dialog';
import { formatDateTime } from '../../lib/format';
import { SyncHealth } from './SyncHealth';
import { ageOf, clockSkewed } from './sync-text';

interface SyncPanelProps {
  open: boolean;
  /** The status bar's words for each state, so the panel says the same. */
  stateText: PlainMessageKey;
  onClose(): void;
}

function StatusSummary({ sync, stateText }: { sync: SyncStatus | null; stateText: PlainMessageKey }) {
  const t = useT();
  const age = sync?.oldestPendingAt ? ageOf(sync.oldestPendingAt, Date.now()) : null;
  const ageText = (a: { unit: 'minutes' | 'hours'; n: number }): string =>
    a.unit === 'hours'
      ? t('syncPanel.oldestHours', { n: a.n })
      : a.n === 0
        ? t('syncPanel.oldestJustNow')
        : t('syncPanel.oldestMinutes', { n: a.n });
  return (
    <ul className="sync-summary">
      <li>{t('syncPanel.state', { state: t(stateText) })}</li>
      {sync && (
        <>
          <li>
            {/* A standalone desk has no back office to send to: its changes are kept here for a later enrollment. */}
            {sync.state === 'standalone' ? t('syncPanel.keptHere', { count: sync.pending }) : t('sync.pending', { count: sync.pending })}
            {sync.pending > 0 && age && <span className="muted"> ({ageText(age)})</span>}
          </li>
          {sync.filesLeft > 0 && <li>{t('syncPanel.files', { count: sync.filesLeft })}</li>}
          {sync.state !== 'standalone' && (
            <li>
              {sync.lastSuccessAt
                ? t('syncPanel.lastSuccess', { time: formatDateTime(sync.lastSuccessAt) })
                : t('syncPanel.lastSuccessNever')}
            </li>
          )}
          {sync.deadLetters + sync.conflicts > 0 && (
            <li className="status-attention">{t('sync.attention', { count: sync.deadLetters + sync.conflicts })}</li>
          )}
          {clockSkewed(sync.clockOffsetMs) && (
            <li className="sync-warning">
              {t('syncPanel.clockSkew', { minutes: Math.round(Math.abs(sync.clockOffsetMs ?? 0) / 60_000) })}
            </li>
          )}
        </>
      )}
    </ul>
  );
}

/**
 * The sync panel: what the status bar summarizes, in full, and the lists of sync health
 * (SyncHealth.tsx), which the supervisor's review shows too.
 */
export function SyncPanel({ open, stateText, onClose }: SyncPanelProps) {
  const t = useT();
  const title = useRef<HTMLHeadingElement>(null);
  const sync = useShellStore((state) => state.sync);
  const [reload, setReload] = useState(0);
  const [failure, setFailure] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  function close(): void {
    setFailure(null);
    onClose();
  }

  async function syncNow(): Promise<void> {
    setBusy(true);
    const result = await api.call('sync.now', {});
    setBusy(false);
    if (!result.ok) {
      setFailure(result.error);
    } else {
      setFailure(null);
      useShellStore.setState({ sync: result.value });
    }
    setReload((n) => n + 1);
  }

  const standalone = !sync || sync.state === 'standalone';
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('syncPanel.title')}
      titleRef={title}
      wide
      className="sync-panel"
      headerActions={
        <Button variant="quiet" onClick={close}>
          {t('syncPanel.close')}
        </Button>
      }
    >
      <StatusSummary sync={sync} stateText={stateText} />
      {standalone ? (
        <p className="kit-field-hint">{t('syncPanel.standalone')}</p>
      ) : (
        <Button variant="primary" disabled={busy} onClick={() => void syncNow()}>
          {t('syncPanel.now')}
        </Button>
      )}
      {failure && <ErrorNotice error={failure} context="syncPanel.nowFailed" />}
      {/* Mounted only while open: each opening reads the lists afresh. */}
      {open && <SyncHealth reload={reload} focusAfter={() => title.current?.focus()} />}
    </Dialog>
  );
}
