/**
 * The zip "Export diagnostics" makes for IT and support (docs/IT.md, Logs and diagnostics): what
 * tells why a desk misbehaves, and nothing about citizens. Logs are scrubbed again on the way out
 * (a log written before scrubbing existed holds whatever it held); secrets in the configuration are
 * masked by key; the database itself never goes in.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { SyncStatus } from '../../../shared/contract';
import { isSecretKey, REDACTED, scrubJsonLine } from '../../../shared/redact';
import type { DeskConfig } from '../config/desk-config';
import { CONFIG_FILE_NAME } from '../config/desk-config';
import { listBackups, quickCheckFile } from '../db/backup';
import type { Db } from '../db/open';
import { schemaVersion } from '../db/open';

export interface DiagnosticsSources {
  db: Db;
  dataDir: string;
  /** The machine-wide config file IT deploys (it may not exist). */
  machineConfigFile: string;
  backupsDir: string;
  appVersion: string;
  desk: DeskConfig;
  syncStatus: () => SyncStatus;
  now: () => Date;
}

/** A copy with the value of every secret-named key (token, secret, password, enrollment code…) masked, at any depth. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, isSecretKey(key) ? REDACTED : maskSecrets(item)]));
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** A config file as IT wrote it, masked; or why it could not be read (never a parser's quote of it). */
function configFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no config file: built-in defaults' : 'unreadable' };
  }
  try {
    return maskSecrets(JSON.parse(text));
  } catch {
    return { problem: 'not valid JSON' };
  }
}

function logFiles(dataDir: string): Record<string, Uint8Array> {
  const dir = join(dataDir, 'logs');
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return {};
  }
  const files: Record<string, Uint8Array> = {};
  for (const name of names) {
    const lines = readFileSync(join(dir, name), 'utf8').split('\n');
    files[`logs/${name}`] = strToU8(lines.map((line) => (line === '' ? line : scrubJsonLine(line))).join('\n'));
  }
  return files;
}

/** The newest backup's name, size, time and a fresh quick_check of it; null when none was taken yet. */
function lastBackup(backupsDir: string): unknown {
  const newest = listBackups(backupsDir)[0];
  if (!newest) return null;
  let integrity: string;
  try {
    integrity = quickCheckFile(newest.file);
  } catch (error) {
    integrity = `cannot be opened: ${(error as Error).message}`;
  }
  return { name: basename(newest.file), bytes: statSync(newest.file).size, takenAt: newest.takenAt, integrity };
}

function versions(sources: DiagnosticsSources): unknown {
  const sqlite = sources.db.prepare('SELECT sqlite_version() AS version').get() as { version: string };
  return {
    app: sources.appVersion,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    sqlite: sqlite.version,
    schemaVersion: schemaVersion(sources.db),
    platform: `${process.platform} ${process.arch}`,
  };
}

const stamp = (at: Date) => at.toISOString().slice(0, 19).replaceAll('-', '').replaceAll(':', '').replace('T', '-');

/** The zip's name and bytes, and the names of the entries it holds (for the audit entry). */
export function diagnosticsZip(sources: DiagnosticsSources): { fileName: string; bytes: Uint8Array; entries: string[] } {
  const at = sources.now();
  const { desk } = sources;
  const entries: Record<string, Uint8Array> = {
    'versions.json': json(versions(sources)),
    'config.json': json(configFile(join(sources.dataDir, CONFIG_FILE_NAME))),
    'machine-config.json': json({ file: sources.machineConfigFile, content: configFile(sources.machineConfigFile) }),
    'effective-config.json': json(maskSecrets(desk)),
    'sync-status.json': json(sources.syncStatus()),
    'last-backup.json': json(lastBackup(sources.backupsDir)),
    'exported.json': json({ at: at.toISOString(), center: desk.center.code, desk: desk.desk.code }),
    ...logFiles(sources.dataDir),
  };
  return {
    fileName: `vikno-diagnostics-${desk.center.code}-${desk.desk.code}-${stamp(at)}.zip`,
    bytes: zipSync(entries),
    entries: Object.keys(entries),
  };
}
