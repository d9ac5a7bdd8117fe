/**
 * The NAPS2 console's command line, as NAPS2's own source defines it (github.com/cyanfish/naps2:
 * NAPS2.Lib/Automation/AutomatedScanningOptions.cs for the options, AutomatedScanning.cs for
 * `--listdevices`, which needs `--driver`, and ImportExport/Images/SaveImagesOperation.cs for
 * image output): `-o` with an image extension saves one image per page, numbered where the
 * `$(nnnn)` placeholder stands; `--noprofile` takes these options instead of the profile the GUI
 * last used; `--force` overwrites instead of asking on the console.
 */
import { join, win32 } from 'node:path';
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

/**
 * Windows has a separate NAPS2.Console.exe; on macOS and Linux NAPS2 is one program whose console
 * is its `cli` verb (NAPS2.Lib.Mac/EntryPoints/MacEntryPoint.cs, ConsoleEntryPoint.cs). The win32
 * basename splits at both back and forward slashes, whichever platform reads the path.
 */
export function naps2Prefix(program: string): string[] {
  return /^naps2\.console(\.exe)?$/i.test(win32.basename(program)) ? [] : ['cli'];
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
