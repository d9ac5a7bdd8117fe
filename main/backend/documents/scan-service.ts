/**
 * The desk's scanner (docs/ARCHITECTURE.md §6.9): found once at start (and again on request),
 * one scan at a time. Each page the scanner finishes is compressed, stored and added to the set
 * before the next is taken, and announced as a `scan.progress` event; the end is one last event.
 * A scan that cannot start is UNAVAILABLE with its ScanProblemKind at `['scanner']`; a problem
 * during a scan travels in the last event, and the pages before it stay.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedScanSettings, ScannerInfo, ScanProblemKind, ScanProgress, ScanSettings } from '../../../shared/documents';
import { AppError } from '../../../shared/errors';
import type { CommandEnv } from '../commands/unit-of-work';
import type { DocumentsConfig } from '../config/documents-config';
import type { Logger } from '../log/logger';
import { createScanner } from '../scan/create-scanner';
import type { Discovery, ScanJob, Scanner } from '../scan/scanner';
import { storeImage } from './file-pages';
import { compressPage } from './page-image';
import { addPages, pageRow, readSet, replacePage, writableSet } from './page-sets';

export interface ScanServiceOptions {
  dataDir: string;
  config: DocumentsConfig;
  logger: Logger;
  emit(progress: ScanProgress): void;
  hotFolder(): ScannerInfo['hotFolder'];
}

export interface ScanService {
  info(refresh: boolean): Promise<ScannerInfo>;
  scan(env: CommandEnv, input: { setId: string; settings: ScanSettings; replacePageId?: string | undefined }): Promise<string>;
  cancel(scanId: string): void;
  /** Stops a running scan and waits for it to settle. */
  close(): Promise<void>;
}

function cannotScan(kind: ScanProblemKind, detail: string): AppError {
  return new AppError('UNAVAILABLE', detail, [{ path: ['scanner'], message: kind }]);
}

const NO_SCANNER: Discovery = {
  state: 'unavailable',
  problem: { kind: 'no_scanner', detail: 'No scanner is configured on this desk' },
  devices: [],
};

export function createScanService(options: ScanServiceOptions): ScanService {
  const { dataDir, config } = options;
  const workRoot = join(dataDir, 'scan-work');
  // Pages of a scan the last run did not finish were either stored or are lost with it.
  rmSync(workRoot, { recursive: true, force: true });
  mkdirSync(workRoot, { recursive: true, mode: 0o700 });
  const scanner: Scanner | null = createScanner(config.scanner);
  const discover = (): Promise<Discovery> =>
    scanner === null
      ? Promise.resolve(NO_SCANNER)
      : scanner.discover().catch((error: unknown) => ({
          state: 'unavailable' as const,
          problem: { kind: 'failed' as const, detail: error instanceof Error ? error.message : String(error) },
          devices: [],
        }));
  let discovery = discover();
  let running: { scanId: string; job: ScanJob; settled: Promise<void> } | null = null;
  // Scans of this run that ended: cancelling one the moment it ended is no error, an unknown id is.
  const ended = new Set<string>();

  async function info(refresh: boolean): Promise<ScannerInfo> {
    if (refresh) discovery = discover();
    const found = await discovery;
    return {
      adapter: scanner?.adapter ?? 'none',
      state: scanner === null ? 'not_configured' : found.state,
      problem: found.problem,
      devices: found.devices,
      defaults: { device: config.scanner.device, ...config.scanner.defaults },
      hotFolder: options.hotFolder(),
      limits: { maxFileBytes: config.maxFileBytes, maxDocumentBytes: config.maxDocumentBytes },
    };
  }

  function resolve(settings: ScanSettings, found: Discovery, replacing: boolean): ResolvedScanSettings {
    const device = settings.device ?? config.scanner.device ?? found.devices[0]?.id;
    if (device === undefined) throw cannotScan('not_found', 'No scanner device was found');
    return {
      device,
      // A re-scan replaces one page: one sheet from the glass.
      source: replacing ? 'flatbed' : (settings.source ?? config.scanner.defaults.source),
      mode: settings.mode ?? config.scanner.defaults.mode,
      dpi: settings.dpi ?? config.scanner.defaults.dpi,
      pageSize: settings.pageSize ?? config.scanner.defaults.pageSize,
    };
  }

  async function scan(
    env: CommandEnv,
    input: { setId: string; settings: ScanSettings; replacePageId?: string | undefined },
  ): Promise<string> {
    const budget = config.maxDocumentBytes;
    writableSet(env.db, input.setId);
    if (input.replacePageId !== undefined && pageRow(env.db, input.replacePageId).set_id !== input.setId) {
      throw new AppError('VALIDATION', 'The page to re-scan is not in this set', [{ path: ['replacePageId'], message: 'not in the set' }]);
    }
    if (scanner === null) throw cannotScan('no_scanner', NO_SCANNER.problem!.detail);
    const found = await discovery;
    if (found.state !== 'ready') throw cannotScan(found.problem?.kind ?? 'failed', found.problem?.detail ?? 'The scanner is not ready');
    if (running !== null) throw cannotScan('busy', 'Another scan is running on this desk');
    const settings = resolve(input.settings, found, input.replacePageId !== undefined);
    const scanId = randomUUID();
    const workDir = join(workRoot, scanId);
    // Made synchronously: nothing may run between the busy check above and `running` below.
    mkdirSync(workDir, { mode: 0o700 });
    let replace = input.replacePageId;
    let pagesDone = 0;
    const job = scanner.scan(settings, workDir, async (scanned) => {
      const image = await compressPage(scanned.file, config.compression, { dpi: scanned.dpi });
      const page = await storeImage(dataDir, image, 'scanner', settings.device);
      let pageId: string;
      if (replace !== undefined) {
        pageId = replacePage(env, replace, page);
        replace = undefined;
      } else {
        [pageId] = addPages(env, input.setId, [page]) as [string];
      }
      pagesDone += 1;
      const view = readSet(env.db, input.setId, budget).pages.find((p) => p.id === pageId) ?? null;
      options.emit({ scanId, setId: input.setId, state: 'scanning', pagesDone, page: view, problem: null });
    });
    const settled = job.done.then(async (outcome) => {
      running = null;
      ended.add(scanId);
      await rm(workDir, { recursive: true, force: true });
      if (outcome.problem) options.logger.log('warn', 'Scan stopped', { scanId, problem: outcome.problem, pages: pagesDone });
      options.emit({ scanId, setId: input.setId, state: outcome.state, pagesDone, page: null, problem: outcome.problem });
    });
    running = { scanId, job, settled };
    return scanId;
  }

  return {
    info,
    scan,
    cancel(scanId) {
      if (ended.has(scanId)) return;
      if (running?.scanId !== scanId)
        throw new AppError('NOT_FOUND', `No scan ${scanId} is running`, [{ path: ['scanId'], message: 'not running' }]);
      running.job.cancel();
    },
    async close() {
      const current = running;
      if (!current) return;
      current.job.cancel();
      await current.settled;
    },
  };
}
