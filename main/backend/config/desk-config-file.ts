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
        policy: z.enum(UPDATE_POLICIES, { error: `expected one of ${UPDATE_POLICIES.join(', ')}` }).optional(),
        url: z.url({ protocol: /^https$/, error: 'an https:// address of the update feed' }).optional(),
      })
      .strict()
      .optional(),
    /** How much the desk writes to its log (logs never hold personal data at any level). */
    log: z
      .object({ level: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }) })
      .strict()
      .optional(),
  })
  .strict();

/**
 * What a config file may hold besides the desk's settings: `$schema` (so an editor checks the file
 * against docs/desk-config.schema.json) and, in the machine-wide file only, the keys each user's
 * `<dataDir>/config.json` may override (config-layers.ts).
 */
export const ConfigFile = DeskConfigFile.extend({
  $schema: z.string().optional(),
  userMayOverride: z.array(z.string().min(1)).max(100).optional(),
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
