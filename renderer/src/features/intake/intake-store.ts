/**
 * The intake screen's state: the form, which problems are on show, the draft that autosaves as
 * the clerk types, and the registered application once Register succeeded. It lives in a module
 * store, so switching to another section and back keeps the intake in progress.
 *
 * Shape of the people on the form (intake-form.ts): the applicant, the representative and the
 * person the service concerns are each a `PartySection` at a `PartPath` — `applicant`,
 * `representative.applicant`, `subject.applicant`. Every person action here takes that path
 * (`setPartyField('representative.applicant', 'surname', …)`), and a field's id is the path plus
 * the field (`representative.applicant.surname`), which is also where the backend reports its
 * problems. So one block of fields (PersonBlock) serves all three.
 */
import { create } from 'zustand';
import type { ApplicantSummary } from '../../../../shared/domain/applicant';
import type { Application } from '../../../../shared/domain/application';
import type { Service } from '../../../../shared/domain/service';
import type { ErrorBody } from '../../../../shared/errors';
import { cleanName, DEFAULT_APOSTROPHE } from '../../../../shared/validate/names';
import type { ApostropheChoice } from '../../../../shared/validate/names';
import { localToday } from '../../app/center-today';
import { useShellStore } from '../../app/shell-store';
import { api } from '../../api';
import { checkForm, fillFromRnokpp } from './check-form';
import { duplicateQuery } from './duplicate-query';
import type { FieldId, FieldProblem } from './field-ids';
import type { AuthorityFields, ChecklistLine, InsistedFields, IntakeForm, PartPath, PartyFields, PartySection } from './intake-form';
import { withBasis } from './authority-form';
import {
  EMPTY_AUTHORITY,
  EMPTY_TERMS,
  EMPTY_PARTY,
  emptyForm,
  emptyParty,
  fromDraftData,
  isBlank,
  newLineKey,
  partyAt,
  splitName,
  toDraftData,
  withParty,
} from './intake-form';
import { issuesToProblems, partOfIssue, registerIssueField } from './issue-fields';
import { forgetKeptDraft, keepDraft, newestDraft, releaseKeptDraft } from './kept-draft';
import { partyFromRecord } from './party-from-record';

export type IntakePhase = 'idle' | 'loading' | 'offer' | 'editing' | 'registering' | 'done';
/** `kept`: the backend could not be reached, but this browser holds the draft until it can (kept-draft.ts). */
export type DraftState =
  { status: 'none' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'kept' } | { status: 'failed' };

/** What cleaning a name on leaving its field changed: the field says so under it. */
export interface NameNote {
  lookAlikes: boolean;
  apostrophes: boolean;
  /** The apostrophe the name now has: the desk's setting. */
  apostrophe: ApostropheChoice;
}

/** The desk's canonical apostrophe (app.info), so the form shows the name as the backend will store it. */
function deskApostrophe(): ApostropheChoice {
  const info = useShellStore.getState().info;
  return info.status === 'loaded' ? info.info.names.apostrophe : DEFAULT_APOSTROPHE;
}

/** The name fields cleaned (cleanName) when the clerk leaves them. */
export type NameField = 'surname' | 'givenName' | 'patronymic' | 'businessName' | 'legalName';

interface IntakeState {
  phase: IntakePhase;
  form: IntakeForm;
  offered: { form: IntakeForm; updatedAt: string } | null;
  /** Fields the clerk changed since the form opened: leaving one of them shows its problems. */
  changed: Readonly<Record<FieldId, true>>;
  /** Fields changed and then left: their problems show from then on. */
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
  /** People on file with an identifier a new person on the form also has: offered instead of a second record. */
  duplicates: Readonly<Partial<Record<PartPath, readonly ApplicantSummary[]>>>;
  nameNotes: Readonly<Record<FieldId, NameNote>>;
  /** The queue ticket this intake serves (a `submit` ticket called at the queue panel): registered with the application. */
  ticket: QueueTicketLink | null;
}

export interface QueueTicketLink {
  id: string;
  number: string;
}

const initial: IntakeState = {
  phase: 'idle',
  form: emptyForm(),
  offered: null,
  changed: {},
  visited: {},
  attempted: false,
  serverProblems: [],
  failure: null,
  focusRequest: 0,
  draft: { status: 'none' },
  registered: null,
  loadError: null,
  duplicates: {},
  nameNotes: {},
  ticket: null,
};

export const useIntakeStore = create<IntakeState>()(() => initial);

const set = useIntakeStore.setState;
const get = useIntakeStore.getState;

const without = <T>(record: Readonly<Record<string, T>>, keys: readonly string[]): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));

/** Editing a field clears what the backend said about it (the clerk is fixing it) and any note on it. */
function edit(fields: readonly FieldId[], change: (form: IntakeForm) => IntakeForm): void {
  const state = get();
  set({
    form: change(state.form),
    changed: fields.length === 0 ? state.changed : { ...state.changed, ...Object.fromEntries(fields.map((f) => [f, true as const])) },
    serverProblems: state.serverProblems.filter((p) => !fields.includes(p.field) && p.field !== 'form'),
    nameNotes: without(state.nameNotes, fields),
    failure: null,
  });
}

function editParty(part: PartPath, fields: readonly FieldId[], change: (party: PartySection) => PartySection): void {
  edit(fields, (form) => withParty(form, part, change(partyAt(form, part))));
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

/** True when starting another intake would push aside one the clerk has begun (or a draft waiting to be offered back). */
export async function intakeInProgress(): Promise<boolean> {
  await openIntake();
  const { phase, form } = get();
  return phase === 'offer' || phase === 'registering' || (phase === 'editing' && !isBlank(form));
}

/** An intake for a queue ticket: the ticket's service chosen, the ticket registered with the application. */
export function startIntakeForTicket(service: Service | null, ticket: QueueTicketLink): void {
  startNewIntake();
  set({ ticket });
  if (service) pickService(service);
}

// People: the applicant, the representative, the person concerned

/** Per person, the number of the newest duplicate lookup: an answer to an older one is stale. */
const lookups: Partial<Record<PartPath, number>> = {};

/** The person's identifiers changed (or the person did): the offer goes, and so does any answer still on its way. */
function dropDuplicates(part: PartPath): void {
  lookups[part] = (lookups[part] ?? 0) + 1;
  if (get().duplicates[part] !== undefined) set({ duplicates: without(get().duplicates, [part]) });
}

export function pickParty(part: PartPath, summary: ApplicantSummary, details: string): void {
  dropDuplicates(part);
  editParty(part, [`${part}.search`], () => ({
    mode: 'existing',
    id: summary.id,
    summary: { displayName: summary.displayName, details },
    fields: { ...EMPTY_PARTY },
  }));
}

/** A new person; what was typed into the search becomes the РНОКПП, the ЄДРПОУ, the phone or the name. */
export function newParty(part: PartPath, query: string): void {
  const q = query.trim();
  const digits = q.replace(/[\s-]/g, '');
  const fields: PartyFields = { ...EMPTY_PARTY };
  if (/^\d{10}$/.test(digits)) fields.rnokpp = digits;
  else if (/^\d{8}$/.test(digits) && part === 'applicant') Object.assign(fields, { kind: 'legal_entity', edrpou: digits });
  else if (/^\+?[\d\s()-]{9,}$/.test(q)) fields.phone = q;
  else if (q !== '') Object.assign(fields, splitName(q));
  // Opening the form is not an edit: nothing is marked changed, so an untouched form stays blank.
  set({ form: withParty(get().form, part, { mode: 'form', id: null, summary: null, fields }), failure: null });
}

/** Correct the chosen person's details: the form is filled from the record and saved on Register. */
export async function editPartyRecord(part: PartPath): Promise<void> {
  const id = partyAt(get().form, part).id;
  if (id === null) return;
  const result = await api.call('applicants.get', { id });
  if (!result.ok) {
    set({ failure: result.error });
    return;
  }
  const fields = partyFromRecord(result.value);
  editParty(part, [], (party) => ({ ...party, mode: 'form', fields }));
}

export function clearParty(part: PartPath): void {
  dropDuplicates(part);
  editParty(part, [], () => emptyParty());
}

/** Fields whose change voids the clerk's confirmation that the birth date and sex match the document. */
const CROSS_FIELDS: ReadonlySet<keyof PartyFields> = new Set(['rnokpp', 'birthDate', 'sex']);
const IDENTIFIERS: ReadonlySet<keyof PartyFields> = new Set(['rnokpp', 'edrpou', 'idDocType', 'idDocNumber', 'kind', 'rnokppAbsent']);

export function setPartyField<K extends keyof PartyFields>(part: PartPath, key: K, value: PartyFields[K]): void {
  if (IDENTIFIERS.has(key)) dropDuplicates(part);
  editParty(part, [`${part}.${key}`], (party) => {
    const fields: PartyFields = { ...party.fields, [key]: value };
    // A reason for having no РНОКПП leaves no number to keep.
    if (key === 'rnokppAbsent' && value !== '') fields.rnokpp = '';
    if (CROSS_FIELDS.has(key)) fields.crossConfirmed = false;
    return { ...party, fields };
  });
}

/** Leaving the РНОКПП field: normalize it, fill the birth date and sex it encodes, look for the person on file. */
export function leaveRnokpp(part: PartPath): void {
  const form = get().form;
  const party = partyAt(form, part);
  const filled = fillFromRnokpp(party.fields);
  if (filled !== party.fields) set({ form: withParty(form, part, { ...party, fields: filled }) });
  void lookForDuplicates(part);
}

/** Leaving a name field: Latin look-alikes and apostrophes are made right, and the field says what changed. */
export function leaveName(part: PartPath, key: NameField): void {
  const form = get().form;
  const party = partyAt(form, part);
  const apostrophe = deskApostrophe();
  const cleaned = cleanName(party.fields[key], apostrophe);
  if (cleaned.value === party.fields[key]) return;
  set({
    form: withParty(form, part, { ...party, fields: { ...party.fields, [key]: cleaned.value } }),
    nameNotes: {
      ...get().nameNotes,
      [`${part}.${key}`]: { lookAlikes: cleaned.lookAlikesMapped, apostrophes: cleaned.apostrophesChanged, apostrophe },
    },
  });
}

/**
 * A new person whose РНОКПП, ЄДРПОУ or document number is complete and valid: the people on file
 * with any of them are offered instead of a second record. Only the newest lookup of a person counts.
 */
export async function lookForDuplicates(part: PartPath): Promise<void> {
  const party = partyAt(get().form, part);
  const query = party.mode === 'form' && party.id === null ? duplicateQuery(party.fields) : null;
  if (query === null) return;
  const ticket = (lookups[part] ?? 0) + 1;
  lookups[part] = ticket;
  const result = await api.call('applicants.findDuplicates', query);
  if (lookups[part] !== ticket || !result.ok) return;
  const now = partyAt(get().form, part);
  if (now.mode !== 'form' || now.id !== null) return;
  set({ duplicates: result.value.length > 0 ? { ...get().duplicates, [part]: result.value } : without(get().duplicates, [part]) });
}

// Representative and the person concerned

export function setRepresentativeEnabled(enabled: boolean): void {
  edit(['representative.enabled'], (form) => ({ ...form, representative: { ...form.representative, enabled } }));
}

export function setAuthority<K extends keyof AuthorityFields>(key: K, value: AuthorityFields[K]): void {
  edit([`representative.authority.${key}`], (form) => ({
    ...form,
    representative: { ...form.representative, authority: { ...form.representative.authority, [key]: value } },
  }));
}

export function setSubjectEnabled(enabled: boolean): void {
  edit(['subject.enabled'], (form) => {
    const next = { ...form, subject: { ...form.subject, enabled } };
    // Without a person concerned the applicant is nobody's legal representative here.
    if (enabled || !form.subject.applicantRepresents) return next;
    return {
      ...next,
      subject: { ...next.subject, applicantRepresents: false },
      representative: { ...form.representative, enabled: false },
    };
  });
}

/**
 * A parent applying for their child: the applicant becomes the representative, a legal
 * representative by the birth certificate unless the clerk had already chosen that basis.
 */
export function setApplicantRepresents(on: boolean): void {
  edit(['subject.applicantRepresents', 'representative.enabled'], (form) => {
    const current = form.representative.authority;
    const authority =
      on && current.basis !== 'legal_representative'
        ? withBasis({ ...EMPTY_AUTHORITY, legalDocument: 'birth_certificate' }, 'legal_representative')
        : current;
    return {
      ...form,
      subject: { ...form.subject, applicantRepresents: on },
      representative: { enabled: on, applicant: emptyParty(), authority },
    };
  });
}

export function setInsisted(insisted: InsistedFields): void {
  edit(['insisted.on', 'insisted.reason', 'items'], (form) => ({ ...form, insisted }));
}

// Service and checklist

export function pickService(service: Service): void {
  edit(['service', 'items', 'resultDelivery'], (form) => ({
    ...form,
    terms: { ...EMPTY_TERMS, tierId: service.tiers[0]?.id ?? '' },
    // The delivery chosen stays when the service offers it, else the service's first channel.
    resultDelivery: service.deliveryChannels.includes(form.resultDelivery)
      ? form.resultDelivery
      : (service.deliveryChannels[0] ?? 'in_person'),
    service: {
      id: service.id,
      code: service.code,
      nameUk: service.nameUk,
      nameEn: service.nameEn,
      tiers: service.tiers,
      feeConditions: service.feeConditions,
      deliveryChannels: service.deliveryChannels,
      personalAttendance: service.personalAttendance,
      requiresRnokpp: service.requiresRnokpp,
    },
    items: [
      ...service.documents.map<ChecklistLine>((doc) => ({
        key: newLineKey(),
        nameUk: doc.nameUk,
        nameEn: doc.nameEn,
        fromCatalog: true,
        required: doc.need === 'required',
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
  edit(['service'], (form) => ({
    ...form,
    service: null,
    terms: { ...EMPTY_TERMS },
    items: form.items.filter((line) => !line.fromCatalog),
  }));
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

export function setTier(tierId: string): void {
  edit(['terms.tier'], (form) => ({ ...form, terms: { ...form.terms, tierId } }));
}

export function setCondition(id: string, holds: boolean): void {
  edit(['terms.conditions'], (form) => ({
    ...form,
    terms: {
      ...form.terms,
      conditions: holds ? [...form.terms.conditions.filter((c) => c !== id), id] : form.terms.conditions.filter((c) => c !== id),
    },
  }));
}

export function setExemption(exempt: boolean, exemptionReason: string): void {
  edit(['terms.exempt', 'terms.exemptionReason'], (form) => ({ ...form, terms: { ...form.terms, exempt, exemptionReason } }));
}

export function setDelivery(value: IntakeForm['resultDelivery']): void {
  edit(['resultDelivery'], (form) => ({ ...form, resultDelivery: value }));
}

export function setNotes(value: string): void {
  edit(['notes'], (form) => ({ ...form, notes: value }));
}

/** Leaving a field shows its problems only once it was changed: tabbing through an empty field is not a mistake. */
export function markVisited(field: FieldId): void {
  const state = get();
  if (state.visited[field] || !state.changed[field]) return;
  set({ visited: { ...state.visited, [field]: true } });
}

// Register

/**
 * Registers the application with its people (new or corrected ones are written in the same
 * transaction): one call, so a refusal leaves nothing half-saved. Field problems go next to
 * their fields, each person's and the application's alike.
 */
export async function register(): Promise<void> {
  const state = get();
  if (state.phase !== 'editing') return;
  const check = checkForm(state.form, localToday());
  const stale = state.serverProblems.filter((p) => p.field === 'service');
  if (check.errors.length > 0 || stale.length > 0 || check.input === null) {
    set({ attempted: true, focusRequest: state.focusRequest + 1 });
    return;
  }
  set({ phase: 'registering', attempted: true, failure: null, serverProblems: [] });
  flushAutosave();

  const submittedKeys = state.form.items.filter((line) => line.submitted).map((line) => line.key);
  const input = state.ticket ? { ...check.input, ticketId: state.ticket.id } : check.input;
  const result = await api.call('intake.register', input);
  if (!result.ok) return failed(result.error, submittedKeys);
  cancelAutosave();
  set({ ...initial, phase: 'done', registered: result.value, focusRequest: get().focusRequest + 1 });
}

/**
 * A refusal: VALIDATION problems go to their fields; a CONFLICT (a new person already on file)
 * also shows at the identifier, and the people on file are offered as when the clerk left it.
 */
function failed(error: ErrorBody, submittedKeys: readonly string[]): void {
  const issues = error.code === 'VALIDATION' || error.code === 'CONFLICT' ? error.details?.issues : undefined;
  const problems = issuesToProblems(issues, (path) => registerIssueField(path, submittedKeys));
  set({
    phase: 'editing',
    serverProblems: problems,
    failure: problems.length === 0 ? error : null,
    focusRequest: get().focusRequest + 1,
  });
  if (error.code !== 'CONFLICT') return;
  const parts = new Set((issues ?? []).map((issue) => partOfIssue(issue.path)).filter((part) => part !== null));
  for (const part of parts) void lookForDuplicates(part);
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
