/**
 * Runs the app's bundled entry as this script's child, and makes sure it never outlives the
 * command that started it. `npm run x` starts `sh -c "node scripts/x.ts"`; a SIGTERM to npm reaches
 * that shell, which dies without passing it on, so this script finds itself orphaned (its parent
 * changes, or is gone) and stops the child then. Signals this script gets are passed on as well,
 * and the child holds an IPC channel to this script, so it also stops if this script is killed
 * outright (main/browser-host.ts, server/main.ts: 'disconnect').
 */
import { spawn } from 'node:child_process';

const WATCH_MS = 500;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** On Linux and macOS an orphan is re-parented (ppid changes); Windows keeps the old ppid, so its process is checked too. */
function orphaned(parent: number): boolean {
  return process.ppid !== parent || !alive(parent);
}

export function runChild(file: string, args: readonly string[]): void {
  const child = spawn(process.execPath, [file, ...args], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  const stopChild = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopChild(signal));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (!orphaned(parent)) return;
    clearInterval(watch);
    stopChild('SIGTERM');
  }, WATCH_MS);
  child.on('exit', (code, signal) => {
    clearInterval(watch);
    process.exit(code ?? (signal ? 1 : 0));
  });
}
