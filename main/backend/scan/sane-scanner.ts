/**
 * The SANE adapter: `scanimage` lists devices, tells each device's options once, and scans a
 * batch of pages into the work folder while its progress lines on stderr say which page is done.
 * A page is handed over once scanimage has moved on to the next page or exited: by then it has
 * renamed the page's file from its `.part` name, so a half-written page is never handed over.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ResolvedScanSettings, ScanProblem } from '../../../shared/documents';
import { runProgram } from './run-program';
import { saneScanArgs, sanePageFile } from './sane-args';
import { parseSaneDevices, SANE_LIST_FORMAT } from './sane-devices';
import { parseSaneOptions } from './sane-options';
import type { SaneDeviceOptions } from './sane-options';
import { saneProblem } from './sane-problem';
import { programProblem, runScanJob } from './scan-job';
import type { Discovery, ScanJob, ScannedPage, Scanner } from './scanner';

/** Network scanners answer a listing slowly; a desk must still start if one never does. */
const LIST_TIMEOUT_MS = 30_000;
const STDERR_LINES_KEPT = 200;

export interface SaneScannerOptions {
  program: string;
  /** Device options added to every scan (the tests choose the test device's pictures and pace). */
  extraArgs?: readonly string[];
  /** How long scanimage gets after SIGINT before SIGTERM (and as long again before SIGKILL). */
  stopGraceMs?: number;
}

export class SaneScanner implements Scanner {
  readonly adapter = 'sane' as const;
  private readonly deviceOptions = new Map<string, SaneDeviceOptions>();

  constructor(private readonly options: SaneScannerOptions) {}

  async discover(): Promise<Discovery> {
    const result = await runProgram(this.options.program, ['-f', SANE_LIST_FORMAT], LIST_TIMEOUT_MS);
    if (result.error !== null) return { state: 'unavailable', problem: programProblem(result.error), devices: [] };
    if (result.code !== 0) {
      const problem = saneProblem({ code: result.code, stderr: result.stderr.split(/\r?\n/), pages: 0 }) ?? {
        kind: 'failed' as const,
        detail: `exit status ${result.code}`,
      };
      return { state: 'unavailable', problem, devices: [] };
    }
    return { state: 'ready', problem: null, devices: parseSaneDevices(result.stdout) };
  }

  /** `scanimage -d DEVICE -A`, once per device while it answers; a failure is the scan's problem. */
  private async optionsOf(device: string): Promise<SaneDeviceOptions | ScanProblem> {
    const known = this.deviceOptions.get(device);
    if (known) return known;
    const result = await runProgram(this.options.program, ['-d', device, '-A'], LIST_TIMEOUT_MS);
    if (result.error !== null) return programProblem(result.error);
    const problem = saneProblem({ code: result.code, stderr: result.stderr.split(/\r?\n/), pages: 0 });
    if (problem !== null) return problem;
    const options = parseSaneOptions(result.stdout);
    this.deviceOptions.set(device, options);
    return options;
  }

  scan(settings: ResolvedScanSettings, workDir: string, onPage: (page: ScannedPage) => Promise<void>): ScanJob {
    return runScanJob(onPage, this.options.stopGraceMs, async (job) => {
      const device = await this.optionsOf(settings.device);
      if (!('modes' in device)) return device;
      if (job.cancelled()) return null;
      const plan = saneScanArgs(settings, device, workDir, this.options.extraArgs);
      const child = spawn(this.options.program, plan.args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
      job.attach(child);
      const stderr: string[] = [];
      const finished = new Set<number>();
      let queued = 0;
      const queueUpTo = (last: number) => {
        while (queued < last && finished.has(queued + 1)) {
          queued += 1;
          job.hand({ index: queued, file: sanePageFile(workDir, queued), dpi: plan.dpi });
        }
      };
      let rest = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        const lines = (rest + chunk).split(/\r\n|\r|\n/);
        rest = lines.pop() ?? '';
        for (const line of lines) {
          stderr.push(line);
          if (stderr.length > STDERR_LINES_KEPT) stderr.shift();
          const done = /^Scanned page (\d+)\. \(scanner status = 5\)/.exec(line);
          if (done) finished.add(Number(done[1]));
          const next = /^Scanning page (\d+)/.exec(line);
          if (next) queueUpTo(Number(next[1]) - 1);
        }
      });
      const exit = await new Promise<{ code: number | null; error: string | null }>((resolve) => {
        let error: string | null = null;
        child.on('error', (e) => (error = e.message));
        child.on('close', (code) => resolve({ code, error }));
      });
      if (rest !== '') stderr.push(rest);
      if (exit.error !== null) return programProblem(exit.error);
      // Every page it reported whole is on disk now; one killed mid-write never was.
      for (const index of finished) if (!existsSync(sanePageFile(workDir, index))) finished.delete(index);
      queueUpTo(Number.MAX_SAFE_INTEGER);
      return saneProblem({ code: exit.code, stderr, pages: finished.size });
    });
  }
}
