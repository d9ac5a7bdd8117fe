/**
 * What the region bench reads of the processes under load, from Linux's /proc: memory of the back
 * office, and the CPU time it and PostgreSQL spent (to size servers per mutation in docs/SCALING.md).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on every Linux this runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** Resident memory now and at its peak, in MiB. */
export function residentMiB(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

/** Fields of /proc/<pid>/stat after the command (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    // Gone between listing and reading: it spent nothing more.
    return null;
  }
}

/** User + system CPU seconds the process has spent. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command.
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

export function parentOf(pid: number): number {
  return Number(statFields(pid)?.[1] ?? Number.NaN);
}

/**
 * CPU seconds of a PostgreSQL cluster: its postmaster and every process it started (backends,
 * WAL writer, checkpointer …) that is alive now — backends of the pool live as long as the run.
 */
export function clusterCpuSeconds(postmaster: number): number {
  let total = cpuSeconds(postmaster);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid !== postmaster && parentOf(pid) === postmaster) total += cpuSeconds(pid);
  }
  return total;
}
