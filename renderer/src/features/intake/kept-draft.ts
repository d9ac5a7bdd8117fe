/**
 * The intake draft kept in this browser until the backend has it. Drafts autosave through the
 * backend; a window that lost its link (the browser host restarted with a new token) cannot reach
 * it, and what the clerk types there would be gone with the window. So each autosave first writes
 * the draft here, and the backend's acknowledgement removes it again: only a draft the backend
 * never received stays, and the next intake in this browser offers it back.
 *
 * localStorage rather than sessionStorage: the working link is usually opened in a new tab, which
 * starts with an empty sessionStorage. It is keyed by the desk's data folder, because the host may
 * serve another folder on the same port (the same origin) next time. The applicant's data sits in
 * the browser profile only while the backend lacks it; the same data is in the desk's database on
 * this computer anyway.
 */
import type { MethodOutput } from '../../../../shared/contract';
import { api } from '../../api';
import { useShellStore } from '../../app/shell-store';

const PREFIX = 'vikno.keptDraft:';

/** A draft as the backend keeps one. */
type StoredDraft = NonNullable<MethodOutput<'drafts.get'>>;

interface KeptDraft {
  data: Record<string, unknown>;
  keptAt: string;
}

function storageKey(): string | null {
  const info = useShellStore.getState().info;
  return info.status === 'loaded' ? PREFIX + info.info.dataDir : null;
}

function read(key: string): KeptDraft | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { data, keptAt } = parsed as Partial<KeptDraft>;
    return typeof data === 'object' && data !== null && typeof keptAt === 'string' ? { data, keptAt } : null;
  } catch {
    // Damaged or unreadable: there is nothing to offer, and the backend's draft still counts.
    return null;
  }
}

/** Called as an autosave starts, before the backend is asked; says whether this browser now holds the draft. */
export function keepDraft(data: Record<string, unknown>, now = new Date()): boolean {
  const key = storageKey();
  if (key === null) return false;
  try {
    localStorage.setItem(key, JSON.stringify({ data, keptAt: now.toISOString() }));
    return true;
  } catch {
    // Storage full or disabled: the backend save is still under way and reports for itself.
    return false;
  }
}

/** The backend has this draft: the browser's copy is no longer needed, unless a newer one replaced it. */
export function releaseKeptDraft(data: Record<string, unknown>): void {
  const key = storageKey();
  if (key === null) return;
  const kept = read(key);
  if (kept !== null && JSON.stringify(kept.data) === JSON.stringify(data)) localStorage.removeItem(key);
}

/**
 * The draft to offer on opening intake: the one kept here when it is newer than the backend's
 * (it never reached the backend), otherwise the backend's.
 */
export async function newestDraft(fromBackend: StoredDraft | null): Promise<StoredDraft | null> {
  const info = await api.call('app.info', {});
  const kept = info.ok ? read(PREFIX + info.value.dataDir) : null;
  if (kept === null) return fromBackend;
  if (fromBackend !== null && fromBackend.updatedAt > kept.keptAt) return fromBackend;
  return { data: kept.data, updatedAt: kept.keptAt };
}

/** A registered application, or a form cleared or discarded, leaves nothing to offer back. */
export function forgetKeptDraft(): void {
  const key = storageKey();
  if (key !== null) localStorage.removeItem(key);
}
