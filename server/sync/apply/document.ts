import { z } from 'zod';
import { Sha256Hex } from '../../../shared/blob-protocol';
import type { EntityData } from '../entity-store';
import type { ApplyContext, Outcome } from './outcome';
import { invalidPayload, rejected, wrongCenter } from './outcome';

/** What main/backend/documents/attach-document.ts sends. */
const AttachPayload = z
  .object({
    id: z.string().min(1).max(64),
    applicationId: z.string(),
    kind: z.string().trim().min(1).max(100),
    pages: z.number().int().positive().max(10_000),
    blobSha256: Sha256Hex,
  })
  .strict();

const DetachPayload = z.object({ id: z.string(), reason: z.string().max(2000) }).strict();

/** Documents live in their application's data, so desks pull them with it. */
type StoredDocument = EntityData & { id: string };

function documentsOf(data: EntityData): StoredDocument[] {
  return Array.isArray(data.documents) ? (data.documents as StoredDocument[]) : [];
}

/**
 * A document applies only once its file is stored and verified (blobs table, written by
 * `POST /blobs/<sha256>/complete`); until then the desk keeps it `blocked_on_blob`.
 */
async function attach(ctx: ApplyContext): Promise<Outcome> {
  const parsed = AttachPayload.safeParse(ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const { id, kind, pages, blobSha256 } = parsed.data;
  const current = await ctx.store.load('application', ctx.id);
  if (!current) return rejected('not_found', `No application ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  if (!(await ctx.store.blobStored(blobSha256))) return { status: 'retry_later', reason: 'blob_missing' };
  const documents = documentsOf(current.data);
  if (documents.some((doc) => doc.id === id)) return rejected('already_exists', `Document ${id} is already attached`);
  const document: StoredDocument = { id, kind, pages, blobSha256, clerkId: ctx.mutation.actor, attachedAt: ctx.mutation.createdAt, deletedAt: null };
  const version = current.version + 1;
  ctx.store.save('application', { ...current, version, data: { ...current.data, documents: [...documents, document] } });
  return { status: 'applied', version };
}

/** A tombstone in the application's document list, never a removal, so every desk learns of it. */
async function detach(ctx: ApplyContext): Promise<Outcome> {
  const parsed = DetachPayload.safeParse(ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const current = await ctx.store.load('application', ctx.id);
  if (!current) return rejected('not_found', `No application ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  const documents = documentsOf(current.data);
  if (!documents.some((doc) => doc.id === parsed.data.id && doc.deletedAt === null)) return rejected('not_found', `No document ${parsed.data.id} on the server`);
  const tombstoned = documents.map((doc) => (doc.id === parsed.data.id ? { ...doc, deletedAt: ctx.mutation.createdAt, detachReason: parsed.data.reason } : doc));
  const version = current.version + 1;
  ctx.store.save('application', { ...current, version, data: { ...current.data, documents: tombstoned } });
  return { status: 'applied', version };
}

export const documentPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'document.attach': attach,
  'document.detach': detach,
};
