/**
 * Two config files, one desk (docs/IT.md "Configuration"): the machine-wide file IT deploys, then
 * the per-user `<dataDir>/config.json`, which may set only the keys the machine file lets users
 * override. Without a machine-wide file the per-user file holds everything, as before there was one.
 */
import type { z } from 'zod';
import { ConfigError } from './config-file-read';
import { configIssueText, issueLines } from './config-issues';
import { keyPaths, nearestKey } from './config-keys';
import { ConfigFile, DeskConfigFile } from './desk-config-file';

/**
 * What a user may change when the machine file does not say: the scanner and its hot folder
 * (each desk's own hardware and software) and how much goes to the log (for a support call).
 * Identity, the back office, sign-in, updates and retention stay IT's.
 */
export const DEFAULT_USER_MAY_OVERRIDE: readonly string[] = ['documents.scanner', 'documents.hotFolder', 'log.level'];

/** Every key IT may name in userMayOverride: the desk's settings, not the file's own bookkeeping. */
export const SETTING_KEYS: readonly string[] = keyPaths(DeskConfigFile);

const ALL_KEYS = keyPaths(ConfigFile);

export interface ConfigSource {
  /** The file's path, named in every message. */
  file: string;
  /** Its parsed JSON; null when there is no such file. */
  json: unknown;
}

type Settings = z.infer<typeof DeskConfigFile>;

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function invalid(what: string, problems: readonly string[]): ConfigError {
  return new ConfigError(`${capitalised(what)} is invalid:\n  ${problems.join('\n  ')}\nFix these keys (docs/IT.md, Configuration).`);
}

function checked(source: ConfigSource, what: string): z.infer<typeof ConfigFile> {
  const parsed = ConfigFile.safeParse(source.json, { error: configIssueText });
  if (!parsed.success) throw invalid(`${what} ${source.file}`, issueLines(parsed.error.issues, ALL_KEYS));
  return parsed.data;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The dotted keys whose values a file sets (objects are walked into, so an empty one sets nothing; lists and values are leaves). */
export function keysSet(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isPlainObject(child) ? keysSet(child, path) : [path];
  });
}

/** Whether `key` is one of the allowed keys or inside one. */
export function mayOverride(key: string, allowed: readonly string[]): boolean {
  return allowed.some((entry) => key === entry || key.startsWith(`${entry}.`));
}

/** The user's values over the machine's, object by object. */
function layered(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    out[key] = isPlainObject(below) && isPlainObject(value) ? layered(below, value) : value;
  }
  return out;
}

function withoutBookkeeping(file: z.infer<typeof ConfigFile>): Settings {
  const { $schema: _schema, userMayOverride: _allowed, ...settings } = file;
  return settings;
}

function allowedKeys(machine: z.infer<typeof ConfigFile>, file: string): readonly string[] {
  const allowed = machine.userMayOverride ?? DEFAULT_USER_MAY_OVERRIDE;
  const unknown = allowed.filter((key) => !SETTING_KEYS.includes(key));
  if (unknown.length > 0) {
    throw invalid(
      `the machine-wide config ${file}`,
      unknown.map((key) => {
        const near = nearestKey(key, SETTING_KEYS);
        return `userMayOverride: "${key}" is not a key of the configuration${near ? ` (did you mean "${near}"?)` : ''}`;
      }),
    );
  }
  return allowed;
}

/** The desk's settings from both files; ConfigError naming the file, the key and what it expects. */
export function layerConfig(machine: ConfigSource, user: ConfigSource): Settings | null {
  const machineFile = machine.json === null ? null : checked(machine, 'the machine-wide config');
  const userFile = user.json === null ? null : checked(user, 'the per-user config');
  if (!machineFile) {
    if (userFile?.userMayOverride) {
      throw new ConfigError(
        `The per-user config ${user.file} sets userMayOverride, which only the machine-wide config (${machine.file}) may set: move it there or remove it`,
      );
    }
    return userFile ? withoutBookkeeping(userFile) : null;
  }
  const allowed = allowedKeys(machineFile, machine.file);
  if (!userFile) return withoutBookkeeping(machineFile);
  const { $schema: _schema, ...userKeys } = userFile;
  const locked = keysSet(userKeys).filter((key) => !mayOverride(key, allowed));
  if (locked.length > 0) {
    throw new ConfigError(
      `The per-user config ${user.file} sets ${locked.join(', ')}, which the machine-wide config ${machine.file} does not let users override ` +
        `(allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}). Remove ${locked.length > 1 ? 'them' : 'it'} from the per-user file, or have IT add ${locked.length > 1 ? 'them' : 'it'} to userMayOverride.`,
    );
  }
  const merged = DeskConfigFile.safeParse(layered(withoutBookkeeping(machineFile), userKeys), { error: configIssueText });
  if (!merged.success) {
    throw invalid(
      `the machine-wide config ${machine.file} with the per-user config ${user.file} over it`,
      issueLines(merged.error.issues, ALL_KEYS),
    );
  }
  return merged.data;
}
