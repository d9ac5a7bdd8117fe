import type { ResolvedScanSettings, ScannerInfo } from '../../../../shared/documents';

/** The resolutions offered; the desk's configured default is always among them. */
export function dpiChoices(defaultDpi: number): number[] {
  return [...new Set([150, 200, 300, 400, 600, defaultDpi])].sort((a, b) => a - b);
}

/** What a scan asks for, prefilled from the desk's defaults (the device is the configured one). */
export type PanelScanSettings = Pick<ResolvedScanSettings, 'source' | 'mode' | 'dpi'>;

export function defaultSettings(scanners: ScannerInfo | null): PanelScanSettings {
  return scanners
    ? { source: scanners.defaults.source, mode: scanners.defaults.mode, dpi: scanners.defaults.dpi }
    : { source: 'flatbed', mode: 'gray', dpi: 300 };
}
