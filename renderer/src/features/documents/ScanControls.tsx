import { useEffect, useId, useRef } from 'react';
import type { ScannerInfo } from '../../../../shared/documents';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { SelectInput } from '../../kit/SelectInput';
import type { ScanState } from './documents-store';
import { dpiChoices } from './scan-settings';
import type { PanelScanSettings } from './scan-settings';

interface ScanControlsProps {
  scanners: ScannerInfo | null;
  settings: PanelScanSettings;
  onSettings(settings: PanelScanSettings): void;
  scan: ScanState | null;
  disabled: boolean;
  onScan(): void;
  onCancel(): void;
}

const SOURCES = ['flatbed', 'feeder', 'duplex'] as const;
const MODES = ['gray', 'color', 'lineart'] as const;

/** The scan's settings, its button, and while it runs the pages so far (a live region) with Cancel (Esc). */
export function ScanControls({ scanners, settings, onSettings, scan, disabled, onScan, onCancel }: ScanControlsProps) {
  const t = useT();
  const id = useId();
  const scanning = scan?.state === 'scanning';
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasScanning = useRef(scanning);

  // The pressed button gives way to the other: focus follows, so Esc and Enter keep working.
  useEffect(() => {
    if (wasScanning.current === scanning) return;
    wasScanning.current = scanning;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (scanning) cancel.current?.focus();
    else if (lost) start.current?.focus();
  }, [scanning]);
  const canScan = scanners !== null && scanners.state === 'ready';
  const dpis = dpiChoices(scanners?.defaults.dpi ?? settings.dpi);
  const progress = !scan
    ? ''
    : scanning
      ? t('documents.scan.progress', { n: scan.pagesDone })
      : scan.state === 'finished'
        ? t('documents.scan.finished', { n: scan.pagesDone })
        : t('documents.scan.stopped', { n: scan.pagesDone });

  return (
    <div className="scan-controls">
      <fieldset className="scan-settings" disabled={scanning || undefined}>
        <legend className="visually-hidden">{t('documents.scan.settings')}</legend>
        <SelectInput
          id={`${id}-source`}
          label={t('documents.scan.source')}
          value={settings.source}
          options={SOURCES.map((value) => ({ value, label: t(`documents.scan.source.${value}`) }))}
          onChange={(source) => onSettings({ ...settings, source })}
        />
        <SelectInput
          id={`${id}-mode`}
          label={t('documents.scan.mode')}
          value={settings.mode}
          options={MODES.map((value) => ({ value, label: t(`documents.scan.mode.${value}`) }))}
          onChange={(mode) => onSettings({ ...settings, mode })}
        />
        <SelectInput
          id={`${id}-dpi`}
          label={t('documents.scan.dpi')}
          value={String(settings.dpi)}
          options={dpis.map((dpi) => ({ value: String(dpi), label: String(dpi) }))}
          onChange={(dpi) => onSettings({ ...settings, dpi: Number(dpi) })}
        />
      </fieldset>
      <div className="kit-button-row">
        {scanning ? (
          <Button ref={cancel} variant="secondary" onClick={onCancel}>
            {t('documents.scan.cancel')}
          </Button>
        ) : (
          <Button ref={start} variant="primary" disabled={!canScan || disabled} onClick={onScan}>
            {t('documents.scan.start')}
          </Button>
        )}
      </div>
      <p className="scan-progress" role="status" aria-live="polite">
        {progress}
      </p>
    </div>
  );
}
