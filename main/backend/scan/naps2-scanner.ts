/**
 * The NAPS2 adapter (Windows, macOS): `NAPS2.Console` lists each driver's devices and scans into
 * numbered image files. It reports no page while it runs, so the pages are handed over in order
 * once it has exited. Tested here only by its command line and output parsing (docs/IT.md "Scanners").
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedScanSettings, ScannerDevice } from '../../../shared/documents';
import { naps2Drivers, naps2ListArgs, naps2ScanArgs } from './naps2-args';
import { naps2Problem, parseNaps2Devices } from './naps2-output';
import { runProgram } from './run-program';
import { programProblem, runScanJob } from './scan-job';
import type { Discovery, ScanJob, ScannedPage, Scanner } from './scanner';

const LIST_TIMEOUT_MS = 30_000;

export const NAPS2_PROGRAM = {
  /** Windows has a console program of its own; elsewhere the one program has a `cli` verb (naps2-args.ts). */
  names(platform: NodeJS.Platform): string[] {
    if (platform === 'win32') return ['NAPS2.Console'];
    return platform === 'darwin' ? ['NAPS2', 'naps2'] : ['naps2'];
  },
  /** Where NAPS2's installers put it when it is not on PATH (the usual case on Windows and macOS). */
  installDirs(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
    if (platform === 'win32') {
      return [env.ProgramFiles, env['ProgramFiles(x86)']].filter((d): d is string => d !== undefined).map((d) => join(d, 'NAPS2'));
    }
    if (platform === 'darwin') return ['/Applications/NAPS2.app/Contents/MacOS'];
    return [];
  },
};

/** `page0001.png`, … in the order NAPS2 numbered them. */
export function naps2PageFiles(workDir: string): string[] {
  return readdirSync(workDir)
    .map((name) => ({ name, n: /^page(\d+)\.png$/i.exec(name)?.[1] }))
    .filter((f): f is { name: string; n: string } => f.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n))
    .map((f) => join(workDir, f.name));
}

export class Naps2Scanner implements Scanner {
  readonly adapter = 'naps2' as const;

  constructor(private readonly options: { program: string; platform: NodeJS.Platform; stopGraceMs?: number }) {}

  async discover(): Promise<Discovery> {
    const devices: ScannerDevice[] = [];
    let lastProblem = null;
    for (const driver of naps2Drivers(this.options.platform)) {
      const result = await runProgram(this.options.program, naps2ListArgs(this.options.program, driver), LIST_TIMEOUT_MS);
      if (result.error !== null) {
        const problem = programProblem(result.error);
        if (problem.kind === 'no_scanner') return { state: 'unavailable', problem, devices: [] };
        lastProblem = problem;
        continue;
      }
      // A driver the machine lacks (no TWAIN DSM, no network scanners) fails alone; the others still list.
      if (result.code === 0) devices.push(...parseNaps2Devices(result.stdout, driver));
    }
    if (devices.length === 0 && lastProblem !== null) return { state: 'unavailable', problem: lastProblem, devices };
    return { state: 'ready', problem: null, devices };
  }

  scan(settings: ResolvedScanSettings, workDir: string, onPage: (page: ScannedPage) => Promise<void>): ScanJob {
    const { program, platform } = this.options;
    return runScanJob(onPage, this.options.stopGraceMs, async (job) => {
      if (job.cancelled()) return null;
      const child = spawn(program, naps2ScanArgs(program, settings, workDir, platform), {
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      job.attach(child);
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      const exit = await new Promise<{ code: number | null; error: string | null }>((resolve) => {
        let error: string | null = null;
        child.on('error', (e) => (error = e.message));
        child.on('close', (code) => resolve({ code, error }));
      });
      if (exit.error !== null) return programProblem(exit.error);
      // A cancelled run may leave a page half-saved: nothing of it is handed over.
      if (job.cancelled()) return null;
      const files = naps2PageFiles(workDir);
      files.forEach((file, i) => job.hand({ index: i + 1, file, dpi: settings.dpi }));
      return naps2Problem({ code: exit.code, output: output.split(/\r?\n/), pages: files.length });
    });
  }
}
