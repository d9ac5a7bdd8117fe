/**
 * The desk's audit chain sent to the back office (docs/SYNC.md, "The audit trail"): entries in
 * order, each as the desk stored it, so the back office holds a copy of every desk's chain that
 * links entry to entry exactly as the desk's does (docs/ARCHITECTURE.md §5.4).
 */
import { z } from 'zod';

/** Entries per request: small enough to stay far below any body limit, large enough to catch up fast. */
export const AUDIT_BATCH = 200;
export const AUDIT_UPLOAD_MAX_BYTES = 2 * 1024 * 1024;

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in hex');

export const UploadedAuditEntry = z
  .object({
    seq: z.number().int().positive(),
    at: z.string().min(1).max(40),
    actor: z.string().min(1).max(200),
    action: z.string().min(1).max(100),
    entity: z.string().min(1).max(100),
    entityId: z.string().max(300),
    /** The details exactly as the desk hashed them (JSON text), so the copy verifies as the original does. */
    details: z.string().max(100_000),
    prevHash: Hash,
    hash: Hash,
  })
  .strict();
export type UploadedAuditEntry = z.infer<typeof UploadedAuditEntry>;

export const AuditUploadRequest = z.object({ entries: z.array(UploadedAuditEntry).min(1).max(AUDIT_BATCH) }).strict();
export type AuditUploadRequest = z.infer<typeof AuditUploadRequest>;

/** The newest entry the back office holds of this device's chain after the request. */
export const AuditUploadResponse = z.object({ storedUpTo: z.number().int().nonnegative(), serverTime: z.string() });
export type AuditUploadResponse = z.infer<typeof AuditUploadResponse>;

/** The chain's start: the previous hash of entry 1. */
export const AUDIT_GENESIS = '0'.repeat(64);
