import type { DeviceSummary } from '../auth/devices';

const COLUMNS = ['device id', 'center', 'desk', 'name', 'enrolled', 'last seen', 'version', 'revoked'] as const;

/** A minute is what the back office records a visit to (auth/devices.ts). */
const minute = (iso: string | null) => (iso === null ? '-' : `${iso.slice(0, 16).replace('T', ' ')} UTC`);

/** The `devices` command's table: one desk a line, columns padded, times in UTC to the minute. */
export function printDevices(devices: readonly DeviceSummary[]): string {
  if (devices.length === 0) return 'No enrolled desks\n';
  const rows = devices.map((d) => [
    d.id,
    d.centerCode,
    d.deskCode,
    d.name,
    minute(d.enrolledAt),
    minute(d.lastSeenAt),
    d.appVersion ?? '-',
    d.revokedAt === null ? '-' : minute(d.revokedAt),
  ]);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    `${cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()}\n`;
  return line(COLUMNS) + rows.map(line).join('');
}
