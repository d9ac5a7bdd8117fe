/**
 * Sends the audit chain's new entries to the back office (docs/SYNC.md, "The audit trail"), in
 * order, in batches, after each sync cycle that reached it. The newest entry the back office holds
 * is kept per device in sync_state, so a desk enrolled again (a new device) sends its chain from
 * the start. Entries are never changed here: only read and sent.
 */
import type { UploadedAuditEntry } from '../../../shared/audit-upload';
import { AUDIT_BATCH, AuditUploadResponse } from '../../../shared/audit-upload';
import type { AuditRow } from './audit-log';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { Logger } from '../log/logger';
import { answerText, deskHeaders } from '../sync/http-client';
import type { SyncHttp } from '../sync/http-client';
import { readDeviceToken } from '../sync/sealed-state';
import { readSyncState, writeSyncState } from '../sync/sync-state';

export interface AuditUploadOptions {
  db: Db;
  baseUrl: string;
  actor: () => string;
  fetch?: typeof fetch;
  logger: Logger;
  timeoutMs?: number;
}

/** How a run ended: `refused` when the back office said the batch does not continue this device's chain. */
export type AuditUploadRun =
  { kind: 'done'; sent: number } | { kind: 'refused'; sent: number; message: string } | { kind: 'failed'; sent: number; message: string };

/** Batches one run sends at most: a long backlog goes on at the next cycle rather than holding this one. */
const BATCHES_PER_RUN = 20;

/** `<device id>:<seq>`: the newest entry this device's chain has on the back office. */
function uploadedUpTo(db: Db, deviceId: string): number {
  const [device, seq] = (readSyncState(db, 'audit_uploaded') ?? '').split(':');
  return device === deviceId ? Number(seq) : 0;
}

function entriesAfter(db: Db, seq: number): UploadedAuditEntry[] {
  const rows = statement(
    db,
    'SELECT seq, at, actor, action, entity, entity_id, details, prev_hash, hash FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?',
  ).all(seq, AUDIT_BATCH) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

export function createAuditUploader(options: AuditUploadOptions) {
  const { db, logger } = options;
  const token = () => readDeviceToken(db);
  const http = options.fetch ?? fetch;
  let running: Promise<AuditUploadRun> | null = null;

  async function send(
    entries: UploadedAuditEntry[],
  ): Promise<{ ok: true; storedUpTo: number } | { ok: false; refused: boolean; message: string }> {
    let response: Response;
    try {
      response = await http(new URL('/sync/audit', options.baseUrl), {
        method: 'POST',
        headers: deskHeaders({ token, actor: options.actor }, true),
        body: JSON.stringify({ entries }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      return { ok: false, refused: false, message: `network: ${(error as Error).message}` };
    }
    // A refusal's text as the sync client keeps it: the back office's own message, else the size only.
    if (response.status === 409) return { ok: false, refused: true, message: await answerText(response) };
    if (!response.ok) return { ok: false, refused: false, message: `HTTP ${response.status}: ${await answerText(response)}` };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, refused: false, message: 'the answer is not JSON' };
    }
    const parsed = AuditUploadResponse.safeParse(body);
    if (!parsed.success) return { ok: false, refused: false, message: 'the answer breaks the protocol' };
    return { ok: true, storedUpTo: parsed.data.storedUpTo };
  }

  async function uploadAll(): Promise<AuditUploadRun> {
    const deviceId = readSyncState(db, 'device_id');
    if (deviceId === null || token() === null) return { kind: 'done', sent: 0 };
    let sent = 0;
    for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
      const entries = entriesAfter(db, uploadedUpTo(db, deviceId));
      if (entries.length === 0) break;
      const reply = await send(entries);
      if (!reply.ok) {
        if (reply.refused) {
          // The back office's copy and this chain disagree: nothing more is sent until someone looks.
          logger.log('error', 'The back office refused this desk’s audit entries: they do not continue its copy of the chain', {
            fromSeq: entries[0]!.seq,
            message: reply.message,
          });
          return { kind: 'refused', sent, message: reply.message };
        }
        logger.log('info', 'Audit upload failed; will retry at the next sync', { message: reply.message });
        return { kind: 'failed', sent, message: reply.message };
      }
      writeSyncState(db, 'audit_uploaded', `${deviceId}:${reply.storedUpTo}`);
      sent += entries.length;
      if (reply.storedUpTo < entries.at(-1)!.seq) break;
    }
    return { kind: 'done', sent };
  }

  return {
    /** Sends what the back office lacks; a call while one runs joins it. */
    run(): Promise<AuditUploadRun> {
      running ??= uploadAll().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

export type AuditUploader = ReturnType<typeof createAuditUploader>;

/**
 * The sync client with the audit upload after every pull that reached the back office: a pull ends
 * each sync cycle, after its pushes, so the chain follows every successful push (and views, which
 * push nothing, still go within one poll).
 */
export function withAuditUpload(http: SyncHttp, options: AuditUploadOptions): SyncHttp {
  const uploader = createAuditUploader(options);
  return {
    ...http,
    async pull(...args) {
      const reply = await http.pull(...args);
      if (reply.kind === 'ok') await uploader.run();
      return reply;
    },
  };
}
