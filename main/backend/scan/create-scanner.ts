/**
 * The desk's scanner from `documents.scanner` (docs/IT.md "Scanners"): SANE's scanimage on Linux,
 * NAPS2's console on Windows and macOS, or the one named. A program that is not there still gives
 * a scanner: its discover() answers `unavailable` / `no_scanner` so the clerk is told, and the hot
 * folder and import keep working.
 */
import type { DocumentsConfig } from '../config/documents-config';
import { findProgram } from './find-program';
import { Naps2Scanner, NAPS2_PROGRAM } from './naps2-scanner';
import { SaneScanner } from './sane-scanner';
import type { Discovery, Scanner, ScanJob } from './scanner';

class MissingProgram implements Scanner {
  constructor(
    readonly adapter: 'sane' | 'naps2',
    private readonly detail: string,
  ) {}

  discover(): Promise<Discovery> {
    return Promise.resolve({ state: 'unavailable', problem: { kind: 'no_scanner', detail: this.detail }, devices: [] });
  }

  scan(): ScanJob {
    return { done: Promise.resolve({ state: 'failed', problem: { kind: 'no_scanner', detail: this.detail }, pages: 0 }), cancel() {} };
  }
}

export function createScanner(
  config: DocumentsConfig['scanner'],
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Scanner | null {
  if (config.adapter === 'none') return null;
  const adapter = config.adapter === 'auto' ? (platform === 'win32' || platform === 'darwin' ? 'naps2' : 'sane') : config.adapter;
  const names = adapter === 'sane' ? ['scanimage'] : NAPS2_PROGRAM.names(platform);
  const extraDirs = adapter === 'naps2' ? NAPS2_PROGRAM.installDirs(platform, env) : [];
  const program = findProgram(config.program, { names, extraDirs, platform, env });
  if (program === null) {
    const where = config.program ?? `${names.join(' or ')} on PATH`;
    return new MissingProgram(adapter, `${where} not found`);
  }
  return adapter === 'sane' ? new SaneScanner({ program }) : new Naps2Scanner({ program, platform });
}
