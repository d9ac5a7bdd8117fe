/**
 * `scanimage -f` prints one line per device in a format we choose; fields are separated by a tab,
 * which no SANE device name, vendor or model contains, so a name with spaces or colons parses whole.
 */
import type { ScannerDevice } from '../../../shared/documents';

/** %d device name, %v vendor, %m model, %t type, %n newline (scanimage(1), --formatted-device-list). */
export const SANE_LIST_FORMAT = '%d\t%v\t%m\t%t%n';

export function parseSaneDevices(stdout: string): ScannerDevice[] {
  const devices: ScannerDevice[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const fields = line.split('\t');
    if (fields.length !== 4) continue;
    const [id, vendor, model, type] = fields.map((f) => f.trim()) as [string, string, string, string];
    if (id === '' || devices.some((d) => d.id === id)) continue;
    const name = [vendor, model].filter((f) => f !== '').join(' ');
    devices.push({ id: id.slice(0, 300), label: (type === '' ? name : `${name} (${type})`).slice(0, 300) || id.slice(0, 300) });
  }
  return devices;
}
