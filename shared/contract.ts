/**
 * The one contract between the renderer and the backend (docs/ARCHITECTURE.md §4). Every method has an
 * input schema, an output schema and the role it needs; every event has a payload schema.
 * The typed client, the backend dispatcher and the preload's allow-list are all derived
 * from these two tables — nobody declares a channel by hand.
 */
import { z } from 'zod';
import { APOSTROPHE_CHOICES } from './validate/names';
import { PlaceCode } from './place-code';
import { DraftData } from './draft-data';
import { isCalendarDay } from './calendar';
import { Applicant, ApplicantSummary, Edrpou, IdDocType, Rnokpp } from './domain/applicant';
import { Application, ApplicationSummary, ChangeApplicationStatus, UpdateApplication } from './domain/application';
import { AddDocuments, CorrectReceiptLine } from './domain/receipt';
import { AddPayment, CancelPayment } from './domain/payment';
import { RegisterIntake } from './domain/registration';
import { Service } from './domain/service';
import { SubsistenceMinimum } from './domain/fee-rule';
import type { Envelope } from './errors';
import { CaseDocument, PageSetView, Rotation, ScanProgress, ScannerInfo, ScanSettings, SetOwner } from './documents';
import { QueuePanel } from './queue-panel';
import { QueueAction, QueueStatistics } from './queue-protocol';
import { AccountId, AccountView, AuthState, ChangePassword, NewPassword, SaveAccount, SignIn, SignInResult, Unlock } from './auth';
import { Role } from './roles';
import { DayRow, ExportedText, IssuedRow, JournalRow, Period, RegisterKind, withPeriod } from './registers';
import { AuditQuery, AuditViewEntry } from './audit-view';
import { CorrectApplication, ReviewDay, ReviewDayInput } from './review';
import { ChangeRecord, ComparedField, Refusal } from './sync-health';
import type { MethodAccess } from './roles';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  role: MethodAccess;
  /**
   * The handler may queue an outbox mutation (a change the back office must receive): the
   * backend tells sync after the call instead of waiting for the next poll.
   */
  writes?: true;
}

const NoInput = z.object({}).strict();
/** The most rows one page of the day's list holds: a page stays a few hundred KB of JSON. */
export const DAY_PAGE_MAX = 500;

export const AppInfo = z.object({
  product: z.literal('Vikno'),
  version: z.string().min(1),
  schemaVersion: z.number().int().nonnegative(),
  dataDir: z.string().min(1),
  center: z.object({ code: PlaceCode, name: z.string().min(1) }),
  desk: z.object({ code: PlaceCode, window: z.string().min(1) }),
  /** Where the center/desk identity came from: the config file, or built-in demo defaults. */
  configSource: z.enum(['file', 'default']),
  /** The center's IANA zone: the renderer's "today" (a date not later than today, the day's registers) is the center's day, as the backend's is. */
  timeZone: z.string().min(1),
  /** The desk's name settings: the form cleans names as the backend will store them. */
  names: z.object({ apostrophe: z.enum(APOSTROPHE_CHOICES) }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * The whole-file check of the desk database (docs/ARCHITECTURE.md §5.1), run in the background
 * after start and after each daily backup: `running` until the first one ends; `damaged` blocks
 * every write and names the newest backup that passes the check (null: none does); `failed`
 * when the check itself could not run (it says nothing about the file, so writes go on).
 */
export const IntegrityCheck = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running') }),
  z.object({ state: z.literal('ok'), checkedAt: z.string(), durationMs: z.number().nonnegative() }),
  z.object({ state: z.literal('damaged'), problem: z.string(), backup: z.string().nullable(), checkedAt: z.string() }),
  z.object({ state: z.literal('failed'), error: z.string(), checkedAt: z.string() }),
]);
export type IntegrityCheck = z.infer<typeof IntegrityCheck>;

export const AppHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'error']),
  uptimeSeconds: z.number().nonnegative(),
  /** Public, so the desk shows a damaged database before anyone signs in (signing in writes, and is refused then). */
  integrity: IntegrityCheck,
});
export type AppHealth = z.infer<typeof AppHealth>;

/**
 * The newest check of the audit chain (docs/ARCHITECTURE.md §5.4): `pending` until the one started
 * in the background at start has finished; `broken` names the first bad entry; `failed` when the
 * chain could not be read at all.
 */
export const AuditCheck = z.discriminatedUnion('state', [
  z.object({ state: z.literal('pending') }),
  z.object({ state: z.literal('ok'), entries: z.number().int().nonnegative(), checkedAt: z.string() }),
  z.object({
    state: z.literal('broken'),
    seq: z.number().int().positive(),
    problem: z.enum(['missing', 'unlinked', 'unreadable', 'edited', 'truncated']),
    checkedAt: z.string(),
  }),
  z.object({ state: z.literal('failed'), error: z.string(), checkedAt: z.string() }),
]);
export type AuditCheck = z.infer<typeof AuditCheck>;

export const StorageStatus = z.object({
  databaseBytes: z.number().int().nonnegative(),
  lastBackupAt: z.string().nullable(),
  backups: z.number().int().nonnegative(),
  /** The start-up check: `PRAGMA quick_check` of the tables every start and registration needs, not the whole file. */
  quickCheck: z.object({ result: z.string(), checkedAt: z.string(), durationMs: z.number().nonnegative() }),
  integrity: IntegrityCheck,
  auditCheck: AuditCheck,
});
export type StorageStatus = z.infer<typeof StorageStatus>;

const RecordId = z.string().trim().min(1).max(64);

export const IntakeDraft = z.object({ data: z.record(z.string(), z.unknown()), updatedAt: z.string() });

const CalendarDate = z.string().refine(isCalendarDay, 'use a real date as YYYY-MM-DD');

/** A day that differs from the Monday–Friday week. */
export const CalendarDay = z.object({
  day: CalendarDate,
  kind: z.enum(['day_off', 'working_day']),
  name: z.string().trim().max(200),
});

/** A listed day: `pending` while this desk's edit of it is on its way to the back office. */
export const ListedCalendarDay = CalendarDay.extend({ pending: z.boolean() });

/** The center's martial-law switch (on: the statutory template's days are worked) as this desk holds it. */
export const CalendarSettings = z.object({
  martialLaw: z.boolean(),
  pending: z.boolean(),
  /** Kept by the back office for the whole center; false on a standalone desk. */
  centerOwned: z.boolean(),
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;

/**
 * A change the back office refused or found in conflict, for the supervisor to retry, resolve or
 * discard. `record`, `refusal` and `fields` are what the panel shows (shared/sync-health.ts);
 * `reason` and `payload` are the stored text and data, for support and tests, never shown raw.
 */
export const DeadLetter = z.object({
  mutationId: z.string(),
  aggregate: z.string(),
  kind: z.string(),
  status: z.enum(['dead', 'conflict']),
  reason: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  record: ChangeRecord,
  refusal: Refusal,
  fields: z.array(ComparedField),
  /** A conflict carrying the back office's record: the supervisor may take that version. */
  resolvable: z.boolean(),
});

/** A change saved here and not yet acknowledged by the back office. */
export const PendingChange = z.object({
  mutationId: z.string(),
  aggregate: z.string(),
  kind: z.string(),
  status: z.enum(['pending', 'inflight', 'blocked_on_blob']),
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  lastError: z.string().nullable(),
  record: ChangeRecord,
});

export const ClerkProfile = z.object({ id: z.string(), fullName: z.string(), roles: z.array(Role) });
export type ClerkProfile = z.infer<typeof ClerkProfile>;

/**
 * What the status bar shows about delivery to the back office (docs/ARCHITECTURE.md §7.6). `standalone`: no
 * back office configured; `not_enrolled`: configured but the desk has no device token yet.
 */
export const SyncStatus = z.object({
  state: z.enum(['standalone', 'not_enrolled', 'online', 'offline', 'paused_auth', 'paused_update']),
  /** Changes saved here and not yet acknowledged by the back office (standalone: kept for a later enrollment). */
  pending: z.number().int().nonnegative(),
  oldestPendingAt: z.string().nullable(),
  filesLeft: z.number().int().nonnegative(),
  /** Bytes of those files the back office does not hold yet. */
  bytesLeft: z.number().int().nonnegative(),
  deadLetters: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  /** Back office clock minus ours, from the last answer; a warning sign when large, never used for ordering. */
  clockOffsetMs: z.number().nullable(),
  /** Which center and desk the back office enrolled this desk as, and since when (null for a desk enrolled before this was kept); null while not enrolled. */
  enrollment: z.object({ centerCode: z.string(), deskCode: z.string(), since: z.string().nullable() }).nullable(),
  /**
   * Why the back office refused the last enrollment code (the configured one or one typed in Settings):
   * unknown, expired, already used, or made for another desk. Cleared by an enrollment.
   */
  enrollmentRefused: z
    .object({ reason: z.enum(['unknown', 'expired', 'used', 'other_desk']), message: z.string(), at: z.string() })
    .nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** What the app's menu asks the window to do: Help → «Експорт діагностики» runs `diagnostics.export` in the page. */
export const MENU_COMMANDS = ['exportDiagnostics'] as const;
export const MenuCommand = z.object({ command: z.enum(MENU_COMMANDS) });
export type MenuCommand = z.infer<typeof MenuCommand>;

export const methods = {
  'app.info': { input: NoInput, output: AppInfo, role: 'public' },
  'app.health': { input: NoInput, output: AppHealth, role: 'public' },
  'applicants.search': {
    input: z.object({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).optional() }).strict(),
    output: z.array(ApplicantSummary),
    role: 'clerk',
  },
  'applicants.get': { input: z.object({ id: RecordId }).strict(), output: Applicant, role: 'clerk' },
  /**
   * The people on file with any of these identifiers: the form offers the existing person
   * before the clerk registers a second record of them (which `intake.register` refuses).
   */
  'applicants.findDuplicates': {
    input: z
      .object({
        rnokpp: Rnokpp.optional(),
        edrpou: Edrpou.optional(),
        idDoc: z
          .object({ type: IdDocType, number: z.string().trim().min(1).max(30) })
          .strict()
          .optional(),
      })
      .strict(),
    output: z.array(ApplicantSummary),
    role: 'clerk',
  },
  /**
   * A page of today's applications, newest first, with the day's count: the list asks for the
   * rows in view as it scrolls (issue 17). The first page's `upTo` is passed back with the next
   * ones, so a row registered meanwhile shifts none of them.
   */
  'applications.listToday': {
    input: z
      .object({
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(DAY_PAGE_MAX).default(DAY_PAGE_MAX),
        upTo: z.number().int().min(0).optional(),
      })
      .strict(),
    output: z.object({ total: z.number().int().min(0), upTo: z.number().int().min(0), rows: z.array(ApplicationSummary) }),
    role: 'clerk',
  },
  'applications.get': {
    input: z.union([z.object({ id: RecordId }).strict(), z.object({ regNumber: z.string().trim().min(1).max(40) }).strict()]),
    output: Application,
    role: 'clerk',
  },
  'storage.status': { input: NoInput, output: StorageStatus, role: 'supervisor' },
  /** Checks the whole audit chain now; `storage.status` reports the result from then on. */
  'storage.verifyAudit': { input: NoInput, output: AuditCheck, role: 'supervisor' },
  'catalog.search': {
    input: z.object({ q: z.string().trim().max(100).default('') }).strict(),
    output: z.array(Service),
    role: 'clerk',
  },
  'catalog.get': { input: z.object({ id: RecordId }).strict(), output: Service, role: 'clerk' },
  /** The yearly subsistence-minimum table: intake computes the fee live with the same function registration uses. */
  'catalog.subsistence': { input: NoInput, output: z.array(SubsistenceMinimum), role: 'clerk' },
  'intake.register': { input: RegisterIntake, output: Application, role: 'clerk', writes: true },
  'applications.search': {
    input: z.object({ q: z.string().trim().min(1).max(100) }).strict(),
    output: z.array(ApplicationSummary),
    role: 'clerk',
  },
  'applications.changeStatus': { input: ChangeApplicationStatus, output: Application, role: 'clerk', writes: true },
  'applications.update': { input: UpdateApplication, output: Application, role: 'clerk', writes: true },
  /** Documents handed in after registration: a new опис (№2 …); earlier ones stay as issued. */
  'applications.addDocuments': { input: AddDocuments, output: Application, role: 'clerk', writes: true },
  /** One line of an опис corrected, with a required reason: a new version of that опис. */
  'applications.correctLine': { input: CorrectReceiptLine, output: Application, role: 'clerk', writes: true },
  /** A payment or exemption against the case's fee; a wrong one is cancelled with a reason, never deleted. */
  'applications.addPayment': { input: AddPayment, output: Application, role: 'clerk', writes: true },
  'applications.cancelPayment': { input: CancelPayment, output: Application, role: 'clerk', writes: true },
  'drafts.get': { input: NoInput, output: IntakeDraft.nullable(), role: 'clerk' },
  'drafts.save': { input: z.object({ data: DraftData }).strict(), output: z.object({ savedAt: z.string() }), role: 'clerk' },
  'drafts.discard': { input: NoInput, output: z.null(), role: 'clerk' },
  /**
   * A receipt as PDF: опис `number` (default 1) in `version` (default its newest). A reprint is
   * byte-identical to the first print or refused (CONFLICT), never a different paper.
   */
  'receipts.pdf': {
    input: z
      .object({
        applicationId: RecordId,
        lang: z.enum(['uk', 'en']),
        number: z.number().int().min(1).max(999).optional(),
        version: z.number().int().min(1).max(999).optional(),
      })
      .strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    role: 'clerk',
  },
  // The status model's papers (docs/ARCHITECTURE.md §6.1): the issuing acknowledgement, the day's hand-off registers.
  'papers.acknowledgement': {
    input: z.object({ applicationId: RecordId, lang: z.enum(['uk', 'en']) }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    role: 'clerk',
  },
  'papers.handoffRegisters': {
    input: z.object({ day: CalendarDate, lang: z.enum(['uk', 'en']) }).strict(),
    output: z.array(z.object({ provider: z.string(), fileName: z.string(), base64: z.string() })),
    role: 'clerk',
  },
  'calendar.list': {
    input: z.object({ from: CalendarDate, to: CalendarDate }).strict(),
    output: z.array(ListedCalendarDay),
    role: 'clerk',
  },
  'calendar.put': { input: CalendarDay.strict(), output: z.null(), role: 'supervisor', writes: true },
  'calendar.remove': { input: z.object({ day: CalendarDate }).strict(), output: z.null(), role: 'supervisor', writes: true },
  'calendar.settings': { input: NoInput, output: CalendarSettings, role: 'clerk' },
  'calendar.setMartialLaw': {
    input: z.object({ martialLaw: z.boolean() }).strict(),
    output: CalendarSettings,
    role: 'supervisor',
    writes: true,
  },
  'sync.status': { input: NoInput, output: SyncStatus, role: 'clerk' },
  'sync.now': { input: NoInput, output: SyncStatus, role: 'clerk' },
  /** The desk's admin enrolls it: on a desk with a back office that account holds only `admin` until clerks' accounts are pulled. */
  'sync.enroll': {
    input: z.object({ code: z.string().trim().min(8).max(100), deviceName: z.string().trim().min(1).max(200).optional() }).strict(),
    output: SyncStatus,
    role: 'admin',
  },
  'sync.deadLetters': { input: NoInput, output: z.array(DeadLetter), role: 'supervisor' },
  'sync.pendingList': { input: NoInput, output: z.array(PendingChange), role: 'clerk' },
  'sync.retry': { input: z.object({ mutationId: RecordId }).strict(), output: z.null(), role: 'supervisor', writes: true },
  'sync.discard': {
    input: z.object({ mutationId: RecordId, reason: z.string().trim().min(1).max(500) }).strict(),
    output: z.null(),
    role: 'supervisor',
  },
  /** The clerk's queue panel (docs/ARCHITECTURE.md §6.8): the back office's view of this desk, or the local one offline. */
  'queue.state': { input: NoInput, output: QueuePanel, role: 'clerk' },
  /** A counter action: sent to the back office at once; offline, walk-ins and actions on this desk's own ticket queue for sync. */
  'queue.act': { input: QueueAction, output: QueuePanel, role: 'clerk', writes: true },
  'queue.statistics': {
    input: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }).strict(),
    output: QueueStatistics,
    role: 'supervisor',
  },
  // Documents into the case file (docs/ARCHITECTURE.md §6.9): page sets per receipt line, one PDF per line.
  'documents.scanners': {
    input: z.object({ refresh: z.boolean().default(false) }).strict(),
    output: ScannerInfo,
    role: 'clerk',
  },
  /** The one page set of this owner (made empty when it has none): scanning and import add to it. */
  'documents.openSet': {
    input: z.object({ owner: SetOwner, label: z.string().trim().min(1).max(300) }).strict(),
    output: PageSetView,
    role: 'clerk',
  },
  'documents.getSet': { input: z.object({ setId: RecordId }).strict(), output: PageSetView, role: 'clerk' },
  /** Files the hot folder took and imports not yet given to a line, oldest first. */
  'documents.inbox': { input: NoInput, output: z.array(PageSetView), role: 'clerk' },
  /** Starts a scan into the set (or re-scans one page in place); progress comes as `scan.progress` events. */
  'documents.scan': {
    input: z.object({ setId: RecordId, settings: ScanSettings.default({}), replacePageId: RecordId.optional() }).strict(),
    output: z.object({ scanId: RecordId }),
    role: 'clerk',
  },
  /** Stops a scan; the pages stored so far stay. */
  'documents.cancelScan': { input: z.object({ scanId: RecordId }).strict(), output: z.null(), role: 'clerk' },
  'documents.movePage': {
    input: z.object({ pageId: RecordId, position: z.number().int().min(1).max(10_000) }).strict(),
    output: PageSetView,
    role: 'clerk',
  },
  'documents.rotatePage': { input: z.object({ pageId: RecordId, rotation: Rotation }).strict(), output: PageSetView, role: 'clerk' },
  'documents.deletePage': { input: z.object({ pageId: RecordId }).strict(), output: PageSetView, role: 'clerk' },
  /** An inbox set's pages moved to the end of another set (a hot-folder file given to a line). */
  'documents.takeInbox': {
    input: z.object({ fromSetId: RecordId, toSetId: RecordId }).strict(),
    output: PageSetView,
    role: 'clerk',
  },
  /** A picked or dropped file, sent in chunks (`IMPORT_CHUNK_BYTES`); checked whole at `importEnd`. */
  'documents.importBegin': {
    input: z
      .object({
        setId: RecordId,
        name: z.string().trim().min(1).max(300),
        size: z.number().int().min(0),
        source: z.enum(['file', 'diia']),
      })
      .strict(),
    output: z.object({ importId: RecordId }),
    role: 'clerk',
  },
  'documents.importChunk': {
    input: z.object({ importId: RecordId, offset: z.number().int().min(0), base64: z.string().max(3_000_000) }).strict(),
    output: z.object({ received: z.number().int().min(0) }),
    role: 'clerk',
  },
  'documents.importEnd': { input: z.object({ importId: RecordId }).strict(), output: PageSetView, role: 'clerk' },
  'documents.thumbnail': {
    input: z.object({ pageId: RecordId }).strict(),
    output: z.object({ mime: z.literal('image/jpeg'), base64: z.string() }),
    role: 'clerk',
  },
  /** The set's pages as one PDF (stored, hashed); its size is checked against the document budget. */
  'documents.assemble': { input: z.object({ setId: RecordId }).strict(), output: PageSetView, role: 'clerk' },
  /** A `line` set's PDF attached to its application (assembled first when it is not). */
  'documents.attach': { input: z.object({ setId: RecordId }).strict(), output: Application, role: 'clerk', writes: true },
  'documents.list': { input: z.object({ applicationId: RecordId }).strict(), output: z.array(CaseDocument), role: 'clerk' },
  /** A document's PDF; one purged by retention is fetched back from the back office first. */
  'documents.file': {
    input: z.object({ documentId: RecordId }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    role: 'clerk',
  },
  /** Removes local files of documents the back office holds, older than the retention period; audited. */
  'documents.purge': {
    input: NoInput,
    output: z.object({ documents: z.number().int().min(0), bytes: z.number().int().min(0) }),
    role: 'supervisor',
  },
  // Sign-in (docs/ARCHITECTURE.md §9.2): public, because they are what a signed-out or locked desk can call.
  'auth.state': { input: NoInput, output: AuthState, role: 'public' },
  'auth.signIn': { input: SignIn, output: SignInResult, role: 'public' },
  'auth.unlock': { input: Unlock, output: SignInResult, role: 'public' },
  'auth.lock': { input: NoInput, output: AuthState, role: 'public' },
  'auth.signOut': { input: NoInput, output: AuthState, role: 'public' },
  /** The signed-in clerk's own password (also the forced change of a temporary one); refused without a session. */
  'auth.changePassword': { input: ChangePassword, output: AuthState, role: 'public' },
  // Accounts: read on every desk; made and changed here only on a standalone desk (the back office owns them otherwise).
  'accounts.list': { input: NoInput, output: z.array(AccountView), role: 'admin' },
  'accounts.save': { input: SaveAccount, output: AccountView, role: 'admin' },
  'accounts.resetPassword': {
    input: z.object({ id: AccountId, password: NewPassword }).strict(),
    output: AccountView,
    role: 'admin',
  },
  'accounts.setDisabled': {
    input: z.object({ id: AccountId, disabled: z.boolean() }).strict(),
    output: AccountView,
    role: 'admin',
  },
  // review.* (the supervisor's day), registers.* (journals, exports), audit.* (the trail): issue 15.
  // Registers and exports (shared/registers.ts); every export is audited as `export.<kind>`.
  'registers.journal': { input: Period, output: z.array(JournalRow), role: 'supervisor' },
  'registers.issued': { input: Period, output: z.array(IssuedRow), role: 'supervisor' },
  'registers.day': { input: Period, output: z.array(DayRow), role: 'supervisor' },
  'registers.pdf': {
    input: withPeriod({ kind: RegisterKind, lang: z.enum(['uk', 'en']) }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
    role: 'supervisor',
  },
  /** UTF-8 with a BOM, `;`-separated, RFC 4180 quoting: what Excel in a Ukrainian locale opens as is. */
  'registers.csv': {
    input: withPeriod({ kind: RegisterKind }),
    output: ExportedText,
    role: 'supervisor',
  },
  /** The national open-data set «Дані про надані адміністративні послуги»: no personal data of individuals. */
  'registers.openData': {
    input: withPeriod({ format: z.enum(['csv', 'json']) }),
    output: ExportedText,
    role: 'supervisor',
  },
  /** The trail, newest first, and the chain's newest check (docs/ARCHITECTURE.md §5.4). */
  'audit.list': {
    input: AuditQuery,
    output: z.object({ entries: z.array(AuditViewEntry), check: AuditCheck }),
    role: 'supervisor',
  },
  /** The supervisor's day (shared/review.ts): the period's figures, the open work as of today, the queue. */
  'review.day': { input: ReviewDayInput, output: ReviewDay, role: 'supervisor' },
  /** A supervisor corrects a case's fields or status with a reason; it syncs as the edit or move it is, reason included. */
  'applications.correct': { input: CorrectApplication, output: Application, role: 'supervisor', writes: true },
  /** A conflict settled by taking the back office's version of the record; the reason is audited. */
  'sync.resolve': {
    input: z.object({ mutationId: RecordId, reason: z.string().trim().min(1).max(500) }).strict(),
    output: z.null(),
    role: 'supervisor',
  },
  /** A zip for IT and support (docs/IT.md, Logs and diagnostics): logs, masked config, versions, sync status, the last backup; audited. */
  'diagnostics.export': { input: NoInput, output: z.object({ fileName: z.string(), base64: z.string() }), role: 'admin' },
  'clerk.me': { input: NoInput, output: ClerkProfile, role: 'clerk' },
  'clerk.rename': { input: z.object({ fullName: z.string().trim().min(1).max(200) }).strict(), output: ClerkProfile, role: 'clerk' },
} as const satisfies Record<string, MethodSpec>;

/**
 * The link between the renderer and the backend. Not sent by the backend: each transport's
 * client emits it (socket closed, backend process restarting, reconnected).
 */
export const ConnectionState = z.object({
  /** `refused`: the browser host turned this window's link away (token missing or stale); never under Electron. */
  state: z.enum(['connecting', 'connected', 'reconnecting', 'refused']),
});
export type ConnectionState = z.infer<typeof ConnectionState>;

export const events = {
  'sync.status': SyncStatus,
  'queue.changed': QueuePanel,
  'scan.progress': ScanProgress,
  /** The hot folder took a file (or an inbox set was given to a line): `count` sets wait in the inbox. */
  'documents.inbox': z.object({ count: z.number().int().min(0) }),
  'connection.state': ConnectionState,
  /** Someone signed in, out, locked or unlocked this desk: every window follows. */
  'auth.changed': AuthState,
  /** The background whole-file check of the database finished (a damaged result blocks writes). */
  'storage.integrity': IntegrityCheck,
  /** A command from the app's menu (Electron; the preload synthesizes it): the renderer carries it out. */
  'menu.command': MenuCommand,
} as const satisfies Record<string, z.ZodType>;

/** Events the backend itself emits (the rest are synthesized by the transport clients). */
export const BACKEND_EVENTS = [
  'sync.status',
  'queue.changed',
  'scan.progress',
  'documents.inbox',
  'auth.changed',
  'storage.integrity',
] as const satisfies readonly EventName[];

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes: the schema's input side (before defaults and transforms). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives: the parsed input. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

/** The whole API the renderer sees as `window.vikno` (and nothing else). */
export interface ViknoApi {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Envelope<MethodOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The backend's side, derived from a method table (the contract's by default): one handler per method. */
export type Handlers<Ctx, T extends Record<string, MethodSpec> = Methods> = {
  [M in keyof T]: (input: z.output<T[M]['input']>, ctx: Ctx) => z.output<T[M]['output']> | Promise<z.output<T[M]['output']>>;
};
