/**
 * The `scanimage` command line for one scan, as argv (never a shell string: a device name such as
 * `net:host:epson2:libusb:001:004` or a folder with spaces goes through untouched). Settings the
 * device does not offer are mapped to the nearest it has, or left to its own default. Pages come
 * as TIFF: sharp's prebuilt libvips reads it, and not PNM (scanimage's other lossless format).
 */
import { join } from 'node:path';
import type { ResolvedScanSettings } from '../../../shared/documents';
import { PAGE_SIZE_MM } from './page-sizes';
import type { Resolutions, SaneDeviceOptions } from './sane-options';

/** Each batch page is `page<N>.tif` in the work folder, N from 1 (scanimage's %d). */
export const SANE_PAGE_PATTERN = 'page%d.tif';

export function sanePageFile(workDir: string, index: number): string {
  return join(workDir, SANE_PAGE_PATTERN.replace('%d', String(index)));
}

const MODE_NAMES: Record<ResolvedScanSettings['mode'], RegExp> = {
  gray: /gr[ae]y/i,
  color: /colou?r/i,
  lineart: /lineart|line art|binary|black ?(&|and) ?white|monochrome|halftone/i,
};

/** A device without a line-art mode scans gray (compression can still make the page bilevel). */
const MODE_FALLBACK: Record<ResolvedScanSettings['mode'], ResolvedScanSettings['mode'] | null> = {
  gray: null,
  color: 'gray',
  lineart: 'gray',
};

export function saneMode(wanted: ResolvedScanSettings['mode'], modes: readonly string[]): string | null {
  for (let mode: ResolvedScanSettings['mode'] | null = wanted; mode !== null; mode = MODE_FALLBACK[mode]) {
    const pattern = MODE_NAMES[mode];
    const found = modes.find((m) => pattern.test(m));
    if (found !== undefined) return found;
  }
  return null;
}

const DUPLEX = /duplex/i;
const FEEDER = /adf|feeder|automatic document/i;
const FLATBED = /flatbed|platen|glass|normal/i;

/** The device's own name for the source; null when it has no choice (or none matching). */
export function saneSource(wanted: ResolvedScanSettings['source'], sources: readonly string[]): string | null {
  const duplex = sources.find((s) => DUPLEX.test(s));
  const feeder = sources.find((s) => FEEDER.test(s) && !DUPLEX.test(s));
  const flatbed = sources.find((s) => FLATBED.test(s) && !FEEDER.test(s));
  if (wanted === 'duplex') return duplex ?? feeder ?? null;
  if (wanted === 'feeder') return feeder ?? duplex ?? null;
  return flatbed ?? null;
}

/** The asked resolution if the device takes it, else the nearest it does. */
export function saneResolution(wanted: number, offered: Resolutions | null): number {
  if (offered === null) return wanted;
  if (offered.kind === 'range') return Math.min(offered.max, Math.max(offered.min, wanted));
  return offered.values.reduce((best, v) => (Math.abs(v - wanted) < Math.abs(best - wanted) ? v : best));
}

export interface SaneScanPlan {
  args: string[];
  dpi: number;
  /** Only a feeder scans until it runs out; a flatbed gives one page. */
  batch: boolean;
}

export function saneScanArgs(
  settings: ResolvedScanSettings,
  device: SaneDeviceOptions,
  workDir: string,
  extraArgs: readonly string[] = [],
): SaneScanPlan {
  const dpi = saneResolution(settings.dpi, device.resolution);
  const args = ['-d', settings.device, '--format=tiff', '--resolution', String(dpi)];
  const mode = saneMode(settings.mode, device.modes);
  if (mode !== null) args.push('--mode', mode);
  const source = saneSource(settings.source, device.sources);
  if (source !== null) args.push('--source', source);
  const size = PAGE_SIZE_MM[settings.pageSize];
  const clamp = (mm: number, max: number | null) => String(max === null ? mm : Math.min(mm, max));
  args.push('-x', clamp(size.width, device.maxWidthMm), '-y', clamp(size.height, device.maxHeightMm));
  args.push(...extraArgs);
  // A device that names no feeder scans once whatever was asked: a batch on it would rescan the glass.
  const batch = source !== null && (FEEDER.test(source) || DUPLEX.test(source));
  args.push(`--batch=${join(workDir, SANE_PAGE_PATTERN)}`);
  if (!batch) args.push('--batch-count=1');
  return { args, dpi, batch };
}
