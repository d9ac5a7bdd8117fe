/**
 * The shape of a Vikno config file (the machine-wide one and the per-user `<dataDir>/config.json`,
 * docs/IT.md "Configuration"): every key optional, unknown keys refused. docs/desk-config.schema.json
 * is generated from it for IT's editors.
 */
import { z } from 'zod';
import { PlaceCode as Code } from '../../../shared/place-code';
import { APOSTROPHE_CHOICES } from '../../../shared/validate';
import { DocumentsConfigFile } from './documents-config';

/** auto: download and install on quit; notify: tell the clerk, IT installs; off: managed fleets. */
export const UPDATE_POLICIES = ['auto', 'notify', 'off'] as const;
export type UpdatePolicy = (typeof UPDATE_POLICIES)[number];

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** This machine itself: the only place plain http may reach (citizens' data crosses a network only over TLS). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The desk's settings, as either config file holds them (docs/IT.md "Configuration"). Every key is optional. */
export const DeskConfigFile = z
  .object({
    center: z
      .object({ code: Code, name: z.string().trim().min(1).max(200) })
      .strict()
      .optional()
      .describe('The center: its code (1–8 of A–Z0–9, part of every registration number) and its name (receipts, header).'),
    desk: z
      .object({ code: Code, window: z.string().trim().min(1).max(20) })
      .strict()
      .optional()
      .describe('This desk: its code (1–8 of A–Z0–9, part of every registration number) and the window number citizens see.'),
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
      .optional()
      .describe('IANA time zone that decides the registration day and due dates (default Europe/Kyiv).'),
    backOffice: z
      .object({
        url: z
          .url({ protocol: /^https?$/, error: 'use the back office address, e.g. https://cnap.example.gov.ua/' })
          .refine(
            // An address that does not parse is z.url's finding already; zod runs this check on it too.
            (url) => !URL.canParse(url) || new URL(url).protocol === 'https:' || isLoopback(new URL(url).hostname),
            'use https:// for a back office on another machine (http:// only for 127.0.0.1 or localhost on this one)',
          )
          .describe('The back office address: https:// (http:// only for this machine itself).'),
        caFile: z
          .string()
          .trim()
          .min(1, 'the path of a PEM file')
          .optional()
          .describe("A PEM file with the center's own CA, trusted besides the system's for this back office (docs/IT.md, TLS)."),
        enrollmentCode: z
          .string()
          .trim()
          .min(1, 'the code the back office printed')
          .max(200)
          .optional()
          .describe('The one-time code `npm run server -- enroll` printed for this desk: the desk enrolls itself at first start.'),
      })
      .strict()
      .optional()
      .describe('The back office this desk syncs with; without it the desk runs standalone.'),
    backupsToKeep: z.number().int().min(1).max(365).optional().describe('How many daily database backups to keep (default 7).'),
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
      .optional()
      .describe('Working days a case may wait for hand-off, how near a due date is "due soon", days a result waits unclaimed.'),
    names: z
      .object({ apostrophe: z.enum(APOSTROPHE_CHOICES) })
      .strict()
      .optional()
      .describe('How names are stored: the one apostrophe every typed variant becomes (ʼ U+02BC by default).'),
    documents: DocumentsConfigFile.optional().describe(
      'Scanners, the hot folder, file limits, compression and retention (docs/IT.md, Scanners).',
    ),
    accounts: z
      .object({
        idleLockMinutes: z.number().int('whole minutes').min(0, '0 (never) or more').max(480, 'at most 480 minutes (8 hours)').optional(),
        pinAllowed: z.boolean('true or false').optional(),
      })
      .strict()
      .optional()
      .describe('Sign-in: minutes of idleness before the app locks (0 never; default 10), and whether a PIN may replace the password.'),
    updates: z
      .object({
        policy: z.enum(UPDATE_POLICIES, { error: `expected one of ${UPDATE_POLICIES.join(', ')}` }).optional(),
        url: z.url({ protocol: /^https$/, error: 'an https:// address of the update feed' }).optional(),
      })
      .strict()
      .optional()
      .describe('How the app updates itself: policy auto, notify (default) or off, and the https address of the update feed.'),
    log: z
      .object({ level: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }) })
      .strict()
      .optional()
      .describe('How much the desk writes to its log (default info; logs never hold personal data at any level).'),
  })
  .strict();

/**
 * What a config file may hold besides the desk's settings: `$schema` (so an editor checks the file
 * against docs/desk-config.schema.json) and, in the machine-wide file only, the keys each user's
 * `<dataDir>/config.json` may override (config-layers.ts).
 */
export const ConfigFile = DeskConfigFile.extend({
  $schema: z.string().optional().describe("For editors: this schema's path or address. Vikno ignores it."),
  userMayOverride: z
    .array(z.string().min(1))
    .max(100)
    .optional()
    .describe(
      'Machine-wide file only: the keys (dotted, e.g. log.level) each user’s own config.json may set. Default: documents.scanner, documents.hotFolder, log.level.',
    ),
}).strict();
export type ConfigFile = z.infer<typeof ConfigFile>;

/** The JSON Schema IT's editors check a config file against: generated from ConfigFile, committed as docs/desk-config.schema.json. */
export function deskConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigFile, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://vikno.example/desk-config.schema.json',
    title: 'Vikno desk configuration (machine-wide or per-user config.json)',
  };
}
