import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PlaceCode as Code } from '../../../shared/place-code';
import { APOSTROPHE_CHOICES, DEFAULT_APOSTROPHE } from '../../../shared/validate';
import type { ApostropheChoice } from '../../../shared/validate';
import { DEFAULT_FLAG_RULES } from '../../../shared/domain/status-flags';
import type { FlagRules } from '../../../shared/domain/status-flags';
import { DEFAULT_DOCUMENTS, documentsConfig, DocumentsConfigFile } from './documents-config';
import type { DocumentsConfig } from './documents-config';

/** auto: download and install on quit; notify: tell the clerk, IT installs; off: managed fleets. */
export const UPDATE_POLICIES = ['auto', 'notify', 'off'] as const;
export type UpdatePolicy = (typeof UPDATE_POLICIES)[number];

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** This machine itself: the only place plain http may reach (citizens' data crosses a network only over TLS). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** `<dataDir>/config.json`, written by IT (docs/IT.md). Every field is optional. */
export const DeskConfigFile = z
  .object({
    center: z
      .object({ code: Code, name: z.string().trim().min(1).max(200) })
      .strict()
      .optional(),
    desk: z
      .object({ code: Code, window: z.string().trim().min(1).max(20) })
      .strict()
      .optional(),
    /** IANA zone that decides the registration day and due dates. */
    timeZone: z
      .string()
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'use an IANA time zone such as Europe/Kyiv')
      .optional(),
    /** The back office this desk syncs with; without it the desk runs standalone. */
    backOffice: z
      .object({
        url: z
          .url({ protocol: /^https?$/, error: 'use the back office address, e.g. https://cnap.example.gov.ua/' })
          .refine(
            (url) => new URL(url).protocol === 'https:' || isLoopback(new URL(url).hostname),
            'use https:// for a back office on another machine (http:// only for 127.0.0.1 or localhost on this one)',
          ),
        /** A PEM file with the center's own CA, trusted besides the system's for this back office (docs/IT.md, TLS). */
        caFile: z.string().trim().min(1, 'the path of a PEM file').optional(),
        /** The code `npm run server -- enroll` printed for this desk: the desk enrolls itself at first start. */
        enrollmentCode: z.string().trim().min(1, 'the code the back office printed').max(200).optional(),
      })
      .strict()
      .optional(),
    /** How many daily database backups to keep in `<dataDir>/backups`. */
    backupsToKeep: z.number().int().min(1).max(365).optional(),
    /**
     * The status model's local rules (docs/ARCHITECTURE.md §6.1; none is set by a law we could read):
     * working days a case may wait for hand-off, how near a due date is "due soon", days a result
     * waits before it may go back to the provider unclaimed.
     */
    statusRules: z
      .object({
        handoffWorkingDays: z.number().int().min(0).max(30).optional(),
        dueSoonWorkingDays: z.number().int().min(0).max(60).optional(),
        unclaimedAfterDays: z.number().int().min(1).max(3650).optional(),
      })
      .strict()
      .optional(),
    /** How names are stored: the one apostrophe every variant typed becomes (ʼ U+02BC by default). */
    names: z
      .object({ apostrophe: z.enum(APOSTROPHE_CHOICES) })
      .strict()
      .optional(),
    /** Scanners, the hot folder, file limits, compression and retention (documents-config.ts). */
    documents: DocumentsConfigFile.optional(),
    /** Sign-in (docs/ARCHITECTURE.md §9.2): minutes of idleness before the app locks (0 never), and whether a PIN may replace the password. */
    accounts: z
      .object({
        idleLockMinutes: z.number().int('whole minutes').min(0, '0 (never) or more').max(480, 'at most 480 minutes (8 hours)').optional(),
        pinAllowed: z.boolean('true or false').optional(),
      })
      .strict()
      .optional(),
    /** How the app updates itself (docs/IT.md, Updates): the feed's https address and what to do with a new version. */
    updates: z
      .object({
        policy: z.enum(UPDATE_POLICIES, { error: `one of ${UPDATE_POLICIES.join(', ')}` }).optional(),
        url: z.url({ protocol: /^https$/, error: 'an https:// address of the update feed' }).optional(),
      })
      .strict()
      .optional(),
    /** How much the desk writes to its log (logs never hold personal data at any level). */
    log: z
      .object({ level: z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(', ')}` }) })
      .strict()
      .optional(),
  })
  .strict();

export interface AccountsConfig {
  idleLockMinutes: number;
  pinAllowed: boolean;
}

export const DEFAULT_ACCOUNTS: AccountsConfig = { idleLockMinutes: 10, pinAllowed: false };

export interface DeskConfig {
  center: { code: string; name: string };
  desk: { code: string; window: string };
  timeZone: string;
  backupsToKeep: number;
  names: { apostrophe: ApostropheChoice };
  statusRules: StatusRules;
  backOfficeUrl: string | null;
  backOfficeCaFile: string | null;
  enrollmentCode: string | null;
  updates: { policy: UpdatePolicy; url: string | null };
  logLevel: LogLevel;
  documents: DocumentsConfig;
  accounts: AccountsConfig;
  source: 'file' | 'default';
}

export interface StatusRules extends FlagRules {
  unclaimedAfterDays: number;
}

export const DEFAULT_STATUS_RULES: StatusRules = { ...DEFAULT_FLAG_RULES, unclaimedAfterDays: 30 };

/** Demo identity for a desk IT has not configured yet; app.info reports it as `default`. */
export const DEFAULT_DESK: DeskConfig = {
  center: { code: 'DEMO', name: 'Демонстраційний ЦНАП' },
  desk: { code: '01', window: '1' },
  timeZone: 'Europe/Kyiv',
  backupsToKeep: 7,
  names: { apostrophe: DEFAULT_APOSTROPHE },
  statusRules: DEFAULT_STATUS_RULES,
  backOfficeUrl: null,
  backOfficeCaFile: null,
  enrollmentCode: null,
  updates: { policy: 'notify', url: null },
  logLevel: 'info',
  documents: DEFAULT_DOCUMENTS,
  accounts: DEFAULT_ACCOUNTS,
  source: 'default',
};

export const CONFIG_FILE_NAME = 'config.json';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadDeskConfig(dataDir: string): DeskConfig {
  const file = join(dataDir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_DESK;
    throw new ConfigError(`Cannot read the desk config ${file}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`The desk config ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = DeskConfigFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new ConfigError(`The desk config ${file} is invalid — ${problems.join('; ')}. Fix these fields (see docs/IT.md).`);
  }
  return {
    center: parsed.data.center ?? DEFAULT_DESK.center,
    desk: parsed.data.desk ?? DEFAULT_DESK.desk,
    timeZone: parsed.data.timeZone ?? DEFAULT_DESK.timeZone,
    backupsToKeep: parsed.data.backupsToKeep ?? DEFAULT_DESK.backupsToKeep,
    names: parsed.data.names ?? DEFAULT_DESK.names,
    statusRules: { ...DEFAULT_STATUS_RULES, ...parsed.data.statusRules },
    backOfficeUrl: parsed.data.backOffice?.url ?? null,
    backOfficeCaFile: parsed.data.backOffice?.caFile ?? null,
    enrollmentCode: parsed.data.backOffice?.enrollmentCode ?? null,
    updates: { policy: parsed.data.updates?.policy ?? 'notify', url: parsed.data.updates?.url ?? null },
    logLevel: parsed.data.log?.level ?? DEFAULT_DESK.logLevel,
    documents: documentsConfig(parsed.data.documents),
    accounts: { ...DEFAULT_ACCOUNTS, ...parsed.data.accounts },
    source: 'file',
  };
}
