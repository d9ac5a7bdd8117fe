/**
 * Reading what the NAPS2 console says: `--listdevices` prints one device name a line; a failed
 * scan prints its error in words and exits 1 whatever went wrong, so the words decide the
 * problem. They are NAPS2's SDK messages (NAPS2.Sdk/Lang/Resources/SdkResources.resx) in English;
 * a NAPS2 set to another language says them in it, and they arrive as `failed` with its words.
 */
import type { ScannerDevice, ScanProblem, ScanProblemKind } from '../../../shared/documents';
import { naps2DeviceId } from './naps2-args';
import type { Naps2Driver } from './naps2-args';

export function parseNaps2Devices(stdout: string, driver: Naps2Driver): ScannerDevice[] {
  const names = [...new Set(stdout.split(/\r?\n/).map((l) => l.trim()))].filter((l) => l !== '');
  return names.map((name) => ({ id: naps2DeviceId(driver, name).slice(0, 300), label: `${name} (${driver.toUpperCase()})`.slice(0, 300) }));
}

const MESSAGE_KIND: ReadonlyArray<[RegExp, ScanProblemKind]> = [
  [/no pages are in the feeder/i, 'feeder_empty'],
  [/cover is open/i, 'cover_open'],
  [/paper jam/i, 'jammed'],
  [/scanner is busy|warming up/i, 'busy'],
  [/could not be found|scanner is offline|no scanning device was found|no device selected/i, 'not_found'],
];

export interface Naps2Exit {
  code: number | null;
  /** stdout and stderr together, line by line: the console writes errors to either. */
  output: readonly string[];
  pages: number;
}

/** Null when it finished with pages and said nothing wrong. */
export function naps2Problem(exit: Naps2Exit): ScanProblem | null {
  const said = exit.output.map((l) => l.trim()).filter((l) => l !== '');
  const detail = (said.at(-1) ?? (exit.code === null ? 'stopped by a signal' : `exit status ${exit.code}`)).slice(0, 2000);
  for (const line of [...said].reverse()) {
    const kind = MESSAGE_KIND.find(([pattern]) => pattern.test(line))?.[1];
    if (kind === 'feeder_empty' && exit.pages > 0) return null;
    if (kind !== undefined) return { kind, detail: line.slice(0, 2000) };
  }
  if (exit.code === 0 && exit.pages > 0) return null;
  return { kind: 'failed', detail };
}
