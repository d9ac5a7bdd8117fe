/**
 * The desk's file queue (docs/ARCHITECTURE.md §7.4): uploads the files that `blocked_on_blob`
 * mutations name, a couple at a time, and releases each file's mutations to the outbox once the
 * server has verified it — so a document's metadata never reaches the server before its scan,
 * while tickets and applications keep flowing. Independent of the sync engine, which calls
 * `run()` before a push.
 */
import { blobPath, hasBlob } from '../blobs/blob-store';
import { BlobUploadError, uploadBlob } from '../blobs/upload-blob';
import type { BlobHttpOptions, BlobUploadFailure } from '../blobs/upload-blob';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

export interface FileProgress {
  /** Files still to upload. */
  files: number;
  /** Their bytes the server does not hold yet. */
  bytesLeft: number;
}

export interface FileUploadRun {
  stored: string[];
  /** `auth` and `retry` keep their mutations blocked for the next run; the others sent them to the dead letters. */
  failed: { sha256: string; kind: BlobUploadFailure | 'missing_locally'; message: string }[];
}

export interface FileUploaderOptions extends BlobHttpOptions {
  db: Db;
  dataDir: string;
  /** Files uploading at once: scans share the link with sync, so few. */
  concurrency?: number;
  onProgress?: (progress: FileProgress) => void;
}

interface WaitingFile {
  sha256: string;
  size: number;
}

const BLOB_OF_PAYLOAD = "json_extract(payload, '$.blobSha256')";

/** Distinct files blocked mutations wait for, the oldest mutation's first. */
function waitingFiles(db: Db): WaitingFile[] {
  return statement(
    db,
    `SELECT w.sha256, coalesce(b.size, 0) AS size
     FROM (SELECT ${BLOB_OF_PAYLOAD} AS sha256, min(seq) AS first FROM outbox WHERE status <> 'acked' AND status = 'blocked_on_blob' GROUP BY 1) w
     LEFT JOIN blobs b ON b.sha256 = w.sha256
     WHERE w.sha256 IS NOT NULL ORDER BY w.first`,
  ).all() as WaitingFile[];
}

/** The server verified the file: its mutations go to the next push, all in one statement. */
function release(db: Db, sha256: string): void {
  statement(
    db,
    `UPDATE outbox SET status = 'pending', next_attempt_at = NULL, last_error = NULL WHERE status <> 'acked' AND status = 'blocked_on_blob' AND ${BLOB_OF_PAYLOAD} = ?`,
  ).run(sha256);
}

/** The file can never be uploaded from this desk: its mutations join the dead letters the supervisor sees. */
function bury(db: Db, sha256: string, code: string, message: string): void {
  statement(
    db,
    `UPDATE outbox SET status = 'dead', last_error = ? WHERE status <> 'acked' AND status = 'blocked_on_blob' AND ${BLOB_OF_PAYLOAD} = ?`,
  ).run(JSON.stringify({ code, message, fieldErrors: [] }), sha256);
}

const DEAD_CODES: Partial<Record<BlobUploadFailure, string>> = { too_large: 'file_too_large', hash_mismatch: 'file_corrupt' };

async function eachAtMost<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export function createFileUploader(options: FileUploaderOptions) {
  const { db, dataDir } = options;
  const concurrency = options.concurrency ?? 2;
  /** Bytes the server holds of files uploading now. */
  const confirmed = new Map<string, number>();
  let running: Promise<FileUploadRun> | null = null;

  function progress(): FileProgress {
    const files = waitingFiles(db);
    const held = files.reduce((sum, file) => sum + (confirmed.get(file.sha256) ?? 0), 0);
    return { files: files.length, bytesLeft: Math.max(0, files.reduce((sum, file) => sum + file.size, 0) - held) };
  }

  const report = () => options.onProgress?.(progress());

  async function uploadOne(file: WaitingFile, result: FileUploadRun): Promise<void> {
    if (!(await hasBlob(dataDir, file.sha256))) {
      const message = `The scan ${file.sha256} is missing from this desk's file store`;
      bury(db, file.sha256, 'file_missing', message);
      result.failed.push({ sha256: file.sha256, kind: 'missing_locally', message });
      return;
    }
    try {
      await uploadBlob(options, file.sha256, blobPath(dataDir, file.sha256), (bytes) => {
        confirmed.set(file.sha256, bytes);
        report();
      });
      release(db, file.sha256);
      result.stored.push(file.sha256);
    } catch (error) {
      // Anything unforeseen (an answer that breaks the protocol, a read error) is worth another try later.
      const failure =
        error instanceof BlobUploadError ? error : new BlobUploadError('retry', error instanceof Error ? error.message : String(error));
      const dead = DEAD_CODES[failure.kind];
      if (dead) bury(db, file.sha256, dead, failure.message);
      result.failed.push({ sha256: file.sha256, kind: failure.kind, message: failure.message });
    } finally {
      confirmed.delete(file.sha256);
      report();
    }
  }

  async function uploadAll(): Promise<FileUploadRun> {
    const result: FileUploadRun = { stored: [], failed: [] };
    await eachAtMost(waitingFiles(db), concurrency, (file) => uploadOne(file, result));
    return result;
  }

  return {
    /** Uploads every waiting file once; a second call while one runs joins it. */
    run(): Promise<FileUploadRun> {
      running ??= uploadAll().finally(() => {
        running = null;
      });
      return running;
    },
    progress,
  };
}

export type FileUploader = ReturnType<typeof createFileUploader>;
