import type { Db } from '../db/open';

export interface Draft {
  data: Record<string, unknown>;
  updatedAt: string;
}

export function getDraft(db: Db, clerkId: string): Draft | null {
  const row = db.prepare('SELECT data, updated_at FROM intake_drafts WHERE clerk_id = ?').get(clerkId) as
    { data: string; updated_at: string } | undefined;
  return row ? { data: JSON.parse(row.data) as Record<string, unknown>, updatedAt: row.updated_at } : null;
}

export function saveDraft(db: Db, clerkId: string, data: Record<string, unknown>, at: string): void {
  db.prepare(
    'INSERT INTO intake_drafts (clerk_id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (clerk_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  ).run(clerkId, JSON.stringify(data), at);
}

export function discardDraft(db: Db, clerkId: string): void {
  db.prepare('DELETE FROM intake_drafts WHERE clerk_id = ?').run(clerkId);
}
