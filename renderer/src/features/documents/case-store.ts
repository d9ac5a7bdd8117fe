/**
 * The Documents screen's case: the application found by its registration number and its
 * documents. A module store, so switching screens and back keeps the case the clerk was in.
 */
import { create } from 'zustand';
import type { CaseDocument } from '../../../../shared/documents';
import type { Application } from '../../../../shared/domain/application';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import type { CaseLine } from './case-lines';

interface CaseState {
  application: Application | null;
  documents: CaseDocument[];
  searching: boolean;
  /** The number asked for matched no application. */
  notFound: boolean;
  error: ErrorBody | null;
  /** The line whose page set is open in the dialog. */
  openLine: Pick<CaseLine, 'receipt' | 'position'> | null;
}

export const useCaseStore = create<CaseState>()(() => ({
  application: null,
  documents: [],
  searching: false,
  notFound: false,
  error: null,
  openLine: null,
}));

const set = useCaseStore.setState;

export async function findCase(regNumber: string): Promise<void> {
  set({ searching: true, notFound: false, error: null });
  const found = await api.call('applications.get', { regNumber: regNumber.trim() });
  if (!found.ok) {
    set({
      searching: false,
      application: null,
      documents: [],
      ...(found.error.code === 'NOT_FOUND' ? { notFound: true } : { error: found.error }),
    });
    return;
  }
  await showCase(found.value);
  set({ searching: false });
}

/** The application as the backend now has it, and its documents read again. */
export async function showCase(application: Application): Promise<void> {
  set({ application, error: null });
  const listed = await api.call('documents.list', { applicationId: application.id });
  if (listed.ok) set({ documents: listed.value });
  else set({ error: listed.error });
}

export function openLine(line: Pick<CaseLine, 'receipt' | 'position'> | null): void {
  set({ openLine: line });
}

/** The case shown, read again (after a sync cycle its documents may have reached the back office). */
export async function refreshCase(): Promise<void> {
  const shown = useCaseStore.getState().application;
  if (!shown) return;
  const found = await api.call('applications.get', { id: shown.id });
  if (found.ok && useCaseStore.getState().application?.id === shown.id) await showCase(found.value);
}
