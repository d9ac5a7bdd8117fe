import { useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { Notice } from '../../kit/Notice';
import { problemText } from './document-problem';
import { cancelScan, importFiles, startScan, useDocumentsStore } from './documents-store';
import { ImportControls } from './ImportControls';
import { PageList } from './PageList';
import { ScanControls } from './ScanControls';
import { ScannerNotice } from './ScannerNotice';
import { defaultSettings } from './scan-settings';
import type { PanelScanSettings } from './scan-settings';
import { SizeBudget } from './SizeBudget';

/**
 * One page set: scan into it, import files (picked or dropped), see and edit its pages, watch its
 * size. The intake checklist's dialog and the Documents screen both show it; its state is the
 * documents store's, so a scan running keeps its pages whichever place asked for it.
 */
export function PageSetPanel({ setId }: { setId: string }) {
  const t = useT();
  const entry = useDocumentsStore((state) => state.sets[setId]);
  const scanners = useDocumentsStore((state) => state.scanners);
  const [settings, setSettings] = useState<PanelScanSettings | null>(null);
  const [diia, setDiia] = useState(false);
  const [dropping, setDropping] = useState(false);
  if (!entry) return null;
  const { set, scan, problem, fileName, busy } = entry;
  const scanning = scan?.state === 'scanning';
  const chosen = settings ?? defaultSettings(scanners);

  function scanNow(replacePageId?: string): void {
    void startScan(setId, chosen, replacePageId);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    if (event.key !== 'Escape' || !scanning) return;
    // Esc stops the scan first; only a second Esc closes the dialog around the panel.
    event.preventDefault();
    event.stopPropagation();
    void cancelScan(setId);
  }

  function onDrop(event: DragEvent<HTMLElement>): void {
    event.preventDefault();
    setDropping(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0 && !busy && !scanning) void importFiles(setId, files, diia ? 'diia' : 'file');
  }

  return (
    <section
      className={dropping ? 'page-set-panel page-set-dropping' : 'page-set-panel'}
      aria-label={set.label}
      onKeyDown={onKeyDown}
      onDragOver={(event) => {
        event.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <ScannerNotice />
      <div className="page-set-sources">
        <ScanControls
          scanners={scanners}
          settings={chosen}
          onSettings={setSettings}
          scan={scan}
          disabled={busy}
          onScan={() => scanNow()}
          onCancel={() => void cancelScan(setId)}
        />
        <ImportControls
          diia={diia}
          onDiia={setDiia}
          disabled={busy || scanning}
          onFiles={(files) => void importFiles(setId, files, diia ? 'diia' : 'file')}
        />
      </div>
      {busy && fileName !== null && (
        <p className="muted" role="status">
          {t('documents.import.sending', { name: fileName })}
        </p>
      )}
      {problem && (
        <Notice tone="error" title={fileName !== null ? t('documents.import.refused', { name: fileName }) : t('documents.failed')}>
          <p>{problemText(t, problem)}</p>
        </Notice>
      )}
      <PageList setId={setId} label={set.label} pages={set.pages} locked={busy || scanning} onRescan={scanNow} />
      <SizeBudget bytes={set.bytes} budgetBytes={set.budgetBytes} />
    </section>
  );
}
