import { parsePayload } from '../../../shared/sync-mutations';
import type { EntityData } from '../entity-store';
import type { ApplyContext, Outcome } from './outcome';
import { invalidPayload, rejected, wrongCenter } from './outcome';

/** Documents live in their application's data, so desks pull them with it. */
type StoredDocument = EntityData & { id: string };

function documentsOf(data: EntityData): StoredDocument[] {
  return Array.isArray(data.documents) ? (data.documents as StoredDocument[]) : [];
}

/**
 * A document applies only once its file is stored and verified for the desk's center (blob_centers,
 * written by `POST /blobs/<sha256>/complete`); until then the desk keeps it `blocked_on_blob`.
 */
async function attach(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('document.attach', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const { id, kind, pages, blobSha256, receipt, position, source } = parsed.data;
  const current = await ctx.store.load('application', ctx.id);
  if (!current) return rejected('not_found', `No application ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  if (!(await ctx.store.blobStored(ctx.device.centerCode, blobSha256))) return { status: 'retry_later', reason: 'blob_missing' };
  const documents = documentsOf(current.data);
  if (documents.some((doc) => doc.id === id)) return rejected('already_exists', `Document ${id} is already attached`);
  const document: StoredDocument = {
    id,
    kind,
    pages,
    blobSha256,
    // The receipt line and origin, when the desk sent them (desks before scanning did not).
    ...(receipt !== undefined ? { receipt } : {}),
    ...(position !== undefined ? { position } : {}),
    ...(source !== undefined ? { source } : {}),
    clerkId: ctx.mutation.actor,
    attachedAt: ctx.mutation.createdAt,
    deletedAt: null,
  };
  const version = current.version + 1;
  ctx.store.save('application', { ...current, version, data: { ...current.data, documents: [...documents, document] } });
  return { status: 'applied', version };
}

/** A tombstone in the application's document list, never a removal, so every desk learns of it. */
async function detach(ctx: ApplyContext): Promise<Outcome> {
  const parsed = parsePayload('document.detach', ctx.mutation.payload);
  if (!parsed.success) return invalidPayload(parsed.error.issues);
  const current = await ctx.store.load('application', ctx.id);
  if (!current) return rejected('not_found', `No application ${ctx.id}`);
  if (current.centerCode !== ctx.device.centerCode) return wrongCenter();
  const documents = documentsOf(current.data);
  if (!documents.some((doc) => doc.id === parsed.data.id && doc.deletedAt === null))
    return rejected('not_found', `No document ${parsed.data.id} on the server`);
  const tombstoned = documents.map((doc) =>
    doc.id === parsed.data.id ? { ...doc, deletedAt: ctx.mutation.createdAt, detachReason: parsed.data.reason } : doc,
  );
  const version = current.version + 1;
  ctx.store.save('application', { ...current, version, data: { ...current.data, documents: tombstoned } });
  return { status: 'applied', version };
}

export const documentPolicies: Readonly<Record<string, (ctx: ApplyContext) => Promise<Outcome>>> = {
  'document.attach': attach,
  'document.detach': detach,
};
