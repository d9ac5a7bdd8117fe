/**
 * Stops a scanning program the polite way first: SIGINT lets scanimage tell the scanner to stop
 * and remove the page it was writing; SIGTERM if it does not finish, SIGKILL last. Windows has no
 * signals: Node's kill() there ends the process at once, whichever name is given.
 */
import type { ChildProcess } from 'node:child_process';

export const STOP_GRACE_MS = 3000;

export function stopProcess(child: ChildProcess, graceMs = STOP_GRACE_MS): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timers: NodeJS.Timeout[] = [];
  child.once('exit', () => timers.forEach(clearTimeout));
  child.kill('SIGINT');
  timers.push(setTimeout(() => child.kill('SIGTERM'), graceMs));
  timers.push(setTimeout(() => child.kill('SIGKILL'), 2 * graceMs));
}
