/**
 * The NAPS2 console's command line (NAPS2.Lib/Automation/AutomatedScanningOptions.cs in NAPS2's
 * source, https://www.naps2.com/doc/command-line): `-o` with an image extension saves one image
 * per page, numbered by the `$(nnnn)` placeholder; `--noprofile` uses these options instead of
 * whatever profile the GUI last used; `--force` overwrites instead of asking.
 */
import { join } from 'node:path';
import type { ResolvedScanSettings } from '../../../shared/documents';

export const NAPS2_DRIVERS = ['wia', 'twain', 'escl', 'apple', 'sane'] as const;
export type Naps2Driver = (typeof NAPS2_DRIVERS)[number];

/** Each page is `page0001.png`, `page0002.png`, … in the work folder. */
export const NAPS2_OUTPUT = 'page$(nnnn).png';

/** The drivers a platform offers, the platform's own first (it is the default for a bare device name). */
export function naps2Drivers(platform: NodeJS.Platform): Naps2Driver[] {
  if (platform === 'win32') return ['wia', 'twain', 'escl'];
  if (platform === 'darwin') return ['apple', 'escl'];
  return ['sane', 'escl'];
}

/**
 * Our device id is `driver:name` (`wia:Canon LiDE 300`), so the id alone says how to reach the
 * device; a name configured without a driver takes the platform's own.
 */
export function naps2DeviceId(driver: Naps2Driver, name: string): string {
  return `${driver}:${name}`;
}

export function parseNaps2DeviceId(id: string, platform: NodeJS.Platform): { driver: Naps2Driver; name: string } {
  const colon = id.indexOf(':');
  const prefix = colon > 0 ? id.slice(0, colon) : '';
  const driver = NAPS2_DRIVERS.find((d) => d === prefix);
  if (driver !== undefined) return { driver, name: id.slice(colon + 1) };
  return { driver: naps2Drivers(platform)[0]!, name: id };
}

/** On macOS NAPS2 is one app: its console is the app's program with `console` first. */
export function naps2Prefix(program: string): string[] {
  return /\.app\/Contents\/MacOS\/NAPS2$/.test(program) ? ['console'] : [];
}

const SOURCE = { flatbed: 'glass', feeder: 'feeder', duplex: 'duplex' } as const;
const BIT_DEPTH = { color: 'color', gray: 'gray', lineart: 'bw' } as const;

export function naps2ScanArgs(program: string, settings: ResolvedScanSettings, workDir: string, platform: NodeJS.Platform): string[] {
  const device = parseNaps2DeviceId(settings.device, platform);
  return [
    ...naps2Prefix(program),
    '-o',
    join(workDir, NAPS2_OUTPUT),
    '--noprofile',
    '--driver',
    device.driver,
    '--device',
    device.name,
    '--source',
    SOURCE[settings.source],
    '--dpi',
    String(settings.dpi),
    '--bitdepth',
    BIT_DEPTH[settings.mode],
    '--pagesize',
    settings.pageSize,
    '--force',
  ];
}

export function naps2ListArgs(program: string, driver: Naps2Driver): string[] {
  return [...naps2Prefix(program), '--listdevices', '--driver', driver];
}
