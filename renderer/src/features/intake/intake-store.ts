/**
 * The intake screen's state: the form, which problems are on show, the draft that autosaves as
 * the clerk types, and the registered application once Register succeeded. It lives in a module
 * store, so switching to another section and back keeps the intake in progress.
 */
import { create } from 'zustand';
import type { ApplicantSummary } from '../../../../shared/domain/applicant';
import type { Application } from '../../../../shared/domain/application';
import type { Service } from '../../../../shared/domain/service';
import type { ErrorBody } from '../../../../shared/errors';
import { api } from '../../api';
import { checkForm, fillFromRnokpp } from './check-form';
import type { DocTypeLabel } from './check-form';
import type { FieldId, FieldProblem } from './field-ids';
import type { ApplicantFields, ChecklistLine, IntakeForm, RepresentativeFields } from './intake-form';
import { EMPTY_APPLICANT, emptyForm, fromDraftData, isBlank, newLineKey, splitName, toDraftData } from './intake-form';
import { issuesToProblems, registerIssueField } from './issue-fields';
import { forgetKeptDraft, keepDraft, newestDraft, releaseKeptDraft } from './kept-draft';

export type IntakePhase = 'idle' | 'loading' | 'offer' | 'editing' | 'registering' | 'done';
/** `kept`: the backend could not be reached, but this browser holds the draft until it can (kept-draft.ts). */
export type DraftState =
  { status: 'none' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'kept' } | { status: 'failed' };

interface IntakeState {
  phase: IntakePhase;
  form: IntakeForm;
  offered: { form: IntakeForm; updatedAt: string } | null;
  /** Fields the clerk has left at least once: their problems show from then on. */
  visited: Readonly<Record<FieldId, true>>;
  /** After a Register attempt every problem shows, with the summary at the top. */
  attempted: boolean;
  /** Problems the backend reported, shown until the field is edited. */
  serverProblems: readonly FieldProblem[];
  /** A failure that is not about a field (connection, storage…). */
  failure: ErrorBody | null;
  /** Bumped to ask the screen to move focus to the first problem. */
  focusRequest: number;
  draft: DraftState;
  registered: Application | null;
  loadError: ErrorBody | null;
}

const initial: IntakeState = {
  phase: 'idle',
  form: emptyForm(),
  offered: null,
  visited: {},
  attempted: false,
  serverProblems: [],
  failure: null,
  focusRequest: 0,
  draft: { status: 'none' },
  registered: null,
  loadError: null,
};

export const useIntakeStore = create<IntakeState>()(() => initial);

const set = useIntakeStore.setState;
const get = useIntakeStore.getState;

export function localToday(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Editing a field clears what the backend said about it: the clerk is fixing it. */
function edit(fields: readonly FieldId[], change: (form: IntakeForm) => IntakeForm): void {
  const state = get();
  set({
    form: change(state.form),
    serverProblems: state.serverProblems.filter((p) => !fields.includes(p.field) && p.field !== 'form'),
    failure: null,
  });
}

// Opening the screen

/** Once per app session: a draft left by a closed window or a crash is offered back. */
export async function openIntake(): Promise<void> {
  if (get().phase !== 'idle') return;
  set({ phase: 'loading', loadError: null });
  const result = await api.call('drafts.get', {});
  if (!result.ok) {
    set({ phase: 'idle', loadError: result.error });
    return;
  }
  const draft = await newestDraft(result.value);
  const form = draft ? fromDraftData(draft.data) : null;
  if (form && !isBlank(form)) set({ phase: 'offer', offered: { form, updatedAt: draft?.updatedAt ?? '' } });
  else set({ phase: 'editing' });
}

export async function resumeDraft(): Promise<void> {
  const offered = get().offered;
  if (!offered) return;
  set({ phase: 'editing', form: offered.form, offered: null, draft: { status: 'saved', at: offered.updatedAt } });
  // A service may have left the catalog since the draft was written: it cannot be registered now.
  const service = offered.form.service;
  if (service) {
    const fresh = await api.call('catalog.get', { id: service.id });
    if (fresh.ok && !fresh.value.active) {
      set({
        serverProblems: [...get().serverProblems, { field: 'service', problem: { kind: 'text', key: 'intake.err.serviceInactive' } }],
      });
    }
  }
}

/** Explicit only: the clerk chose to abandon the intake in progress. */
export async function discardDraft(): Promise<void> {
  const result = await api.call('drafts.discard', {});
  if (!result.ok) {
    set({ failure: result.error });
    return;
  }
  cancelAutosave();
  set({ ...initial, phase: 'editing', focusRequest: get().focusRequest });
}

export function startNewIntake(): void {
  cancelAutosave();
  set({ ...initial, phase: 'editing' });
}

// Applicant

export function pickApplicant(summary: ApplicantSummary, details: string): void {
  edit(['applicant.search'], (form) => ({
    ...form,
    applicant: { mode: 'existing', id: summary.id, summary: { displayName: summary.displayName, details }, fields: { ...EMPTY_APPLICANT } },
  }));
}

/** A new applicant; what was typed into the search becomes the РНОКПП, the phone or the name. */
export function newApplicant(query: string): void {
  const q = query.trim();
  const digits = q.replace(/[\s-]/g, '');
  const fields: ApplicantFields = { ...EMPTY_APPLICANT };
  if (/^\d{10}$/.test(digits)) fields.rnokpp = digits;
  else if (/^\d{8}$/.test(digits)) Object.assign(fields, { kind: 'legal_entity', edrpou: digits });
  else if (/^\+?[\d\s()-]{9,}$/.test(q)) fields.phone = q;
  else if (q !== '') Object.assign(fields, splitName(q));
  edit(['applicant.search'], (form) => ({ ...form, applicant: { mode: 'form', id: null, summary: null, fields } }));
}

/** Correct the chosen applicant's details: the form is filled from the record and saved on Register. */
export async function editApplicant(): Promise<void> {
  const id = get().form.applicant.id;
  if (id === null) return;
  const result = await api.call('applicants.get', { id });
  if (!result.ok) {
    set({ failure: result.error });
    return;
  }
  const a = result.value;
  const dotted = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : '');
  const fields: ApplicantFields = {
    kind: a.kind,
    surname: a.surname ?? '',
    givenName: a.givenName ?? '',
    patronymic: a.patronymic ?? '',
    birthDate: dotted(a.birthDate),
    sex: a.sex ?? '',
    rnokpp: a.rnokpp ?? '',
    rnokppRefused: a.rnokppRefused,
    idDocType: a.idDoc?.type ?? 'id_card',
    idDocNumber: a.idDoc?.number ?? '',
    idDocIssuer: a.idDoc?.issuer ?? '',
    idDocIssuedOn: dotted(a.idDoc?.issuedOn ?? null),
    unzr: a.unzr ?? '',
    address: a.address ?? '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    notifyBy: a.notifyBy ?? '',
    legalName: a.legalName ?? '',
    edrpou: a.edrpou ?? '',
  };
  edit([], (form) => ({ ...form, applicant: { ...form.applicant, mode: 'form', fields } }));
}

export function clearApplicant(): void {
  edit([], (form) => ({ ...form, applicant: { mode: 'search', id: null, summary: null, fields: { ...EMPTY_APPLICANT } } }));
}

export function setApplicantField<K extends keyof ApplicantFields>(key: K, value: ApplicantFields[K]): void {
  edit([`applicant.${key}`], (form) => {
    const fields = { ...form.applicant.fields, [key]: value };
    // Refusing an РНОКПП leaves no number to keep.
    if (key === 'rnokppRefused' && value === true) fields.rnokpp = '';
    return { ...form, applicant: { ...form.applicant, fields } };
  });
}

/** Leaving the РНОКПП field: normalize it and fill the birth date and sex it encodes. */
export function completeFromRnokpp(): void {
  const state = get();
  const filled = fillFromRnokpp(state.form.applicant.fields);
  if (filled !== state.form.applicant.fields) set({ form: { ...state.form, applicant: { ...state.form.applicant, fields: filled } } });
}

// Representative

export function setRepresentative<K extends keyof RepresentativeFields>(key: K, value: RepresentativeFields[K]): void {
  edit([`rep.${key}`], (form) => ({ ...form, representative: { ...form.representative, [key]: value } }));
}

// Service and checklist

export function pickService(service: Service): void {
  edit(['service', 'items'], (form) => ({
    ...form,
    service: {
      id: service.id,
      code: service.code,
      nameUk: service.nameUk,
      nameEn: service.nameEn,
      deadlineValue: service.deadlineValue,
      deadlineUnit: service.deadlineUnit,
      feeKopecks: service.feeKopecks,
    },
    items: [
      ...service.documents.map<ChecklistLine>((doc) => ({
        key: newLineKey(),
        nameUk: doc.nameUk,
        nameEn: doc.nameEn,
        fromCatalog: true,
        required: doc.required,
        submitted: false,
        original: true,
        sheets: '1',
      })),
      // Lines the clerk added by hand stay when the service changes.
      ...form.items.filter((line) => !line.fromCatalog),
    ],
  }));
}

export function clearService(): void {
  edit(['service'], (form) => ({ ...form, service: null, items: form.items.filter((line) => !line.fromCatalog) }));
}

export function setLine(key: string, change: Partial<ChecklistLine>): void {
  edit([`items.${key}.sheets`, `items.${key}.name`, 'items'], (form) => ({
    ...form,
    items: form.items.map((line) => (line.key === key ? { ...line, ...change } : line)),
  }));
}

export function addLine(): string {
  const key = newLineKey();
  edit(['items'], (form) => ({
    ...form,
    items: [
      ...form.items,
      { key, nameUk: '', nameEn: '', fromCatalog: false, required: false, submitted: true, original: true, sheets: '1' },
    ],
  }));
  return key;
}

export function removeLine(key: string): void {
  edit([], (form) => ({ ...form, items: form.items.filter((line) => line.key !== key) }));
}

export function setDelivery(value: IntakeForm['resultDelivery']): void {
  edit(['resultDelivery'], (form) => ({ ...form, resultDelivery: value }));
}

export function setNotes(value: string): void {
  edit(['notes'], (form) => ({ ...form, notes: value }));
}

export function markVisited(field: FieldId): void {
  if (get().visited[field]) return;
  set({ visited: { ...get().visited, [field]: true } });
}

// Register

/**
 * Registers the application with its applicant (new or corrected ones are written in the same
 * transaction): one call, so a refusal leaves nothing half-saved. Field problems go next to
 * their fields, the applicant's and the application's alike.
 */
export async function register(docTypeLabel: DocTypeLabel): Promise<void> {
  const state = get();
  if (state.phase !== 'editing') return;
  const check = checkForm(state.form, localToday(), docTypeLabel);
  const stale = state.serverProblems.filter((p) => p.field === 'service');
  if (check.errors.length > 0 || stale.length > 0 || check.application === null) {
    set({ attempted: true, focusRequest: state.focusRequest + 1 });
    return;
  }
  const applicantId = state.form.applicant.id;
  const applicant = check.applicant !== null ? { applicant: check.applicant } : applicantId !== null ? { applicantId } : null;
  if (applicant === null) {
    set({ attempted: true, focusRequest: state.focusRequest + 1 });
    return;
  }
  set({ phase: 'registering', attempted: true, failure: null, serverProblems: [] });
  flushAutosave();

  const submittedKeys = state.form.items.filter((line) => line.submitted).map((line) => line.key);
  const result = await api.call('intake.register', { ...check.application, ...applicant });
  if (!result.ok) return failed(result.error, (path) => registerIssueField(path, submittedKeys));
  cancelAutosave();
  set({ ...initial, phase: 'done', registered: result.value, focusRequest: get().focusRequest + 1 });
}

function failed(error: ErrorBody, fieldOf: Parameters<typeof issuesToProblems>[1]): void {
  const problems = error.code === 'VALIDATION' ? issuesToProblems(error.details?.issues, fieldOf) : [];
  set({
    phase: 'editing',
    serverProblems: problems,
    failure: problems.length === 0 ? error : null,
    focusRequest: get().focusRequest + 1,
  });
}

// Draft autosave: debounced, only while editing, never for a blank form.

const AUTOSAVE_MS = 600;
let timer: ReturnType<typeof setTimeout> | undefined;
let pending: IntakeForm | null = null;

function cancelAutosave(): void {
  clearTimeout(timer);
  timer = undefined;
  pending = null;
}

function flushAutosave(): void {
  if (pending === null) return;
  const form = pending;
  cancelAutosave();
  set({ draft: { status: 'saving' } });
  const data = toDraftData(form);
  const kept = keepDraft(data);
  void api.call('drafts.save', { data }).then((result) => {
    if (result.ok) releaseKeptDraft(data);
    // A newer edit may already be waiting; its own save will report.
    if (pending !== null) return;
    set({ draft: result.ok ? { status: 'saved', at: result.value.savedAt } : { status: kept ? 'kept' : 'failed' } });
  });
}

useIntakeStore.subscribe((state, previous) => {
  if (state.form === previous.form || state.phase !== 'editing' || isBlank(state.form)) return;
  pending = state.form;
  clearTimeout(timer);
  timer = setTimeout(flushAutosave, AUTOSAVE_MS);
});

useIntakeStore.subscribe((state, previous) => {
  if (state.phase === previous.phase && state.form === previous.form) return;
  if (state.phase === 'done' || (state.phase === 'editing' && isBlank(state.form))) forgetKeptDraft();
});

// Closing the window (or reloading) must not lose the last keystrokes still waiting for the debounce.
if (typeof window !== 'undefined') window.addEventListener('pagehide', flushAutosave);
