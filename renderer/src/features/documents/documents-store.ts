/**
 * The documents feature's state: the page sets open in a panel (by id), the scan running into
 * each, the last problem of each, the scanners this desk has and the inbox. Sets change only
 * with what the backend answered; `scan.progress` events bring pages in as they are stored.
 */
import { create } from 'zustand';
import type { PageSetView, Rotation, ScanProgress, ScanSettings, ScannerInfo, SetOwner } from '../../../../shared/documents';
import type { Application } from '../../../../shared/domain/application';
import type { Envelope, ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { problemOf } from './document-problem';
import type { DocumentProblem } from './document-problem';
import { sendFile } from './send-file';

/** A scan running (`scanId` known once the backend accepted it) or the last one's end. */
export interface ScanState {
  scanId: string | null;
  state: ScanProgress['state'];
  pagesDone: number;
}

export interface SetEntry {
  set: PageSetView;
  scan: ScanState | null;
  problem: DocumentProblem | null;
  /** The file being sent, or the name of the one refused (with `problem`). */
  fileName: string | null;
  busy: boolean;
}

interface DocumentsState {
  sets: Record<string, SetEntry>;
  scanners: ScannerInfo | null;
  scannersError: ErrorBody | null;
  inbox: PageSetView[];
}

export const useDocumentsStore = create<DocumentsState>()(() => ({ sets: {}, scanners: null, scannersError: null, inbox: [] }));

const set = useDocumentsStore.setState;
const get = useDocumentsStore.getState;

function patch(setId: string, change: Partial<SetEntry>): void {
  const entry = get().sets[setId];
  if (entry) set({ sets: { ...get().sets, [setId]: { ...entry, ...change } } });
}

function received(view: PageSetView): void {
  const entry = get().sets[view.id];
  set({ sets: { ...get().sets, [view.id]: { scan: null, problem: null, fileName: null, busy: false, ...entry, set: view } } });
}

/** The answer of a call that changes a set: the new set, or the problem shown in its panel. */
async function applied(setId: string, call: Promise<Envelope<PageSetView>>): Promise<PageSetView | null> {
  patch(setId, { busy: true, problem: null, fileName: null });
  const result = await call;
  patch(setId, { busy: false });
  if (!result.ok) {
    patch(setId, { problem: problemOf(result.error) });
    return null;
  }
  received(result.value);
  return result.value;
}

async function progressed(progress: ScanProgress): Promise<void> {
  const entry = get().sets[progress.setId];
  if (!entry) return;
  patch(progress.setId, {
    scan: { scanId: progress.scanId, state: progress.state, pagesDone: progress.pagesDone },
    problem: progress.problem && progress.problem.kind !== 'cancelled' ? { kind: 'scan', problem: progress.problem.kind } : entry.problem,
  });
  // The event names the page just stored; the set's order and its size are the backend's to say.
  const result = await api.call('documents.getSet', { setId: progress.setId });
  if (result.ok) received(result.value);
}

let unsubscribe: Array<() => void> | null = null;

/** Follows scan progress and the inbox; once per app session, like the queue's subscription. */
function follow(): void {
  unsubscribe ??= [api.on('scan.progress', (progress) => void progressed(progress)), api.on('documents.inbox', () => void loadInbox())];
}

export async function loadScanners(refresh = false): Promise<void> {
  follow();
  const result = await api.call('documents.scanners', { refresh });
  if (result.ok) set({ scanners: result.value, scannersError: null });
  else set({ scannersError: result.error });
}

/** The owner's page set (made empty when it has none), kept here for its panel. */
export async function openSet(owner: SetOwner, label: string): Promise<Envelope<PageSetView>> {
  follow();
  const result = await api.call('documents.openSet', { owner, label });
  if (result.ok) received(result.value);
  return result;
}

export async function startScan(setId: string, settings: ScanSettings, replacePageId?: string): Promise<void> {
  patch(setId, { scan: { scanId: null, state: 'scanning', pagesDone: 0 }, problem: null, fileName: null });
  const input = replacePageId === undefined ? { setId, settings } : { setId, settings, replacePageId };
  const result = await api.call('documents.scan', input);
  if (!result.ok) {
    patch(setId, { scan: null, problem: problemOf(result.error) });
    return;
  }
  const scan = get().sets[setId]?.scan;
  // The last event may have come before the answer: keep its end, add only the id.
  patch(setId, { scan: { state: 'scanning', pagesDone: 0, ...scan, scanId: result.value.scanId } });
}

export async function cancelScan(setId: string): Promise<void> {
  const scanId = get().sets[setId]?.scan?.scanId;
  if (!scanId) return;
  const result = await api.call('documents.cancelScan', { scanId });
  if (!result.ok) patch(setId, { problem: problemOf(result.error) });
}

export function movePage(setId: string, pageId: string, position: number): Promise<PageSetView | null> {
  return applied(setId, api.call('documents.movePage', { pageId, position }));
}

export function rotatePage(setId: string, pageId: string, rotation: Rotation): Promise<PageSetView | null> {
  return applied(setId, api.call('documents.rotatePage', { pageId, rotation }));
}

export function deletePage(setId: string, pageId: string): Promise<PageSetView | null> {
  return applied(setId, api.call('documents.deletePage', { pageId }));
}

export function assemble(setId: string): Promise<PageSetView | null> {
  return applied(setId, api.call('documents.assemble', { setId }));
}

/** Files one after another; the first refused stops the rest, its name and reason shown. */
export async function importFiles(setId: string, files: readonly File[], source: 'file' | 'diia'): Promise<void> {
  for (const file of files) {
    patch(setId, { busy: true, problem: null, fileName: file.name });
    const result = await sendFile(setId, file, source);
    if (!result.ok) {
      patch(setId, { busy: false, problem: problemOf(result.error) });
      return;
    }
    received(result.value);
    patch(setId, { busy: false, fileName: null });
  }
}

/** A line set's PDF attached to its application: the application as it is now, or null (the problem shown). */
export async function attach(setId: string): Promise<Application | null> {
  patch(setId, { busy: true, problem: null, fileName: null });
  const result = await api.call('documents.attach', { setId });
  patch(setId, { busy: false, problem: result.ok ? null : problemOf(result.error) });
  if (!result.ok) return null;
  const refreshed = await api.call('documents.getSet', { setId });
  if (refreshed.ok) received(refreshed.value);
  return result.value;
}

export async function loadInbox(): Promise<void> {
  follow();
  const result = await api.call('documents.inbox', {});
  if (result.ok) set({ inbox: result.value });
}

/** An inbox set's pages moved to the end of `toSetId`. */
export async function takeInbox(fromSetId: string, toSetId: string): Promise<PageSetView | null> {
  const view = await applied(toSetId, api.call('documents.takeInbox', { fromSetId, toSetId }));
  if (view) await loadInbox();
  return view;
}
