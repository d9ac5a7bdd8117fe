import { join } from 'node:path';
import { DEFAULT_APOSTROPHE } from '../../../shared/validate';
import type { ApostropheChoice } from '../../../shared/validate';
import { DEFAULT_FLAG_RULES } from '../../../shared/domain/status-flags';
import type { FlagRules } from '../../../shared/domain/status-flags';
import { ConfigError, readConfigJson } from './config-file-read';
import { layerConfig } from './config-layers';
import type { LogLevel, UpdatePolicy } from './desk-config-file';
import { DEFAULT_DOCUMENTS, documentsConfig } from './documents-config';
import type { DocumentsConfig } from './documents-config';
import { machineConfigPath } from './machine-config-path';

export { ConfigError };
export { DeskConfigFile, LOG_LEVELS, UPDATE_POLICIES } from './desk-config-file';
export type { LogLevel, UpdatePolicy } from './desk-config-file';

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

/**
 * The desk's settings (docs/IT.md "Configuration"): the machine-wide file (`machineFile`, by
 * default the platform's place or VIKNO_MACHINE_CONFIG), then `<dataDir>/config.json` over it for
 * the keys IT lets users override; defaults for what neither sets. ConfigError, in words naming
 * the file and the key, when either file is unreadable or wrong: the app does not start on a
 * configuration it would have to guess at.
 */
export function loadDeskConfig(dataDir: string, machineFile: string = machineConfigPath()): DeskConfig {
  const userFile = join(dataDir, CONFIG_FILE_NAME);
  const settings = layerConfig(
    { file: machineFile, json: readConfigJson(machineFile, 'the machine-wide config') },
    { file: userFile, json: readConfigJson(userFile, 'the per-user config') },
  );
  if (!settings) return DEFAULT_DESK;
  return {
    center: settings.center ?? DEFAULT_DESK.center,
    desk: settings.desk ?? DEFAULT_DESK.desk,
    timeZone: settings.timeZone ?? DEFAULT_DESK.timeZone,
    backupsToKeep: settings.backupsToKeep ?? DEFAULT_DESK.backupsToKeep,
    names: settings.names ?? DEFAULT_DESK.names,
    statusRules: { ...DEFAULT_STATUS_RULES, ...settings.statusRules },
    backOfficeUrl: settings.backOffice?.url ?? null,
    backOfficeCaFile: settings.backOffice?.caFile ?? null,
    enrollmentCode: settings.backOffice?.enrollmentCode ?? null,
    updates: { policy: settings.updates?.policy ?? DEFAULT_DESK.updates.policy, url: settings.updates?.url ?? null },
    logLevel: settings.log?.level ?? DEFAULT_DESK.logLevel,
    documents: documentsConfig(settings.documents),
    accounts: { ...DEFAULT_ACCOUNTS, ...settings.accounts },
    source: 'file',
  };
}

/**
 * What is wrong with a file IT wants installed as the machine-wide config (the installers'
 * CONFIG=), in the words a desk's start would give; [] when a desk would start with it.
 */
export function machineConfigProblems(file: string): string[] {
  try {
    const json = readConfigJson(file, 'the config file given by CONFIG');
    if (json === null) return [`The config file given by CONFIG, ${file}, does not exist`];
    layerConfig({ file, json }, { file: 'no per-user config', json: null });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [error.message];
    throw error;
  }
}
