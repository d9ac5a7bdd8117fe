/**
 * The back office's entry point (`npm run server -- …`, see cli-args.ts). A server claims its
 * data folder (admin/instance-file.ts); `enroll`, `devices`, `revoke`, `catalog publish`, `queue configure`, `provider-token` and `clerk …` go through the running server's
 * admin routes when there is one, and straight to the storage when there is not; each first says
 * which folder and storage it works on.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CatalogDocument } from '../shared/catalog-document';
import type { CatalogDocumentInput } from '../shared/catalog-document';
import { publishCatalog } from './catalog/publish-catalog';
import type { z } from 'zod';
import { QueueConfig } from '../shared/domain/queue-config';
import {
  configureQueueThrough,
  enrollThrough,
  listDevicesThrough,
  providerTokenThrough,
  publishCatalogThrough,
  revokeThrough,
} from './admin/admin-client';
import { publishQueueConfig } from './queue/publish-config';
import { createProviderToken } from './provider/provider-tokens';
import { claimInstance, liveInstance } from './admin/instance-file';
import type { Instance } from './admin/instance-file';
import { printDevices } from './admin/device-list';
import { loadServerTls } from './http/tls-files';
import { startServer } from './app';
import { listDevices, revokeDevice } from './auth/devices';
import { CODE_LIFETIME_HOURS, createEnrollmentCode } from './auth/enrollment';
import { parseCliArgs, USAGE } from './cli-args';
import { isClerkCommand, runClerkCommand } from './clerks/clerk-commands';
import type { Command } from './cli-args';
import { createStorage } from './storage/create-storage';
import { privateDataFolder } from './data-folder';
import { createServerLog, serverLogLevel } from './log/server-log';
import type { Storage } from './storage/storage';

type AdminCommand = Exclude<Command, { name: 'serve' } | { name: 'help' }>;

/** Runs `fn` on the folder's storage, holding the folder so no server opens it meanwhile. */
async function withStorage<T>(dataDir: string, fn: (storage: Storage) => Promise<T>): Promise<T> {
  const claim = claimInstance(dataDir, 'command', randomBytes(32).toString('base64url'));
  try {
    const storage = await createStorage({ databaseUrl: process.env.DATABASE_URL, dataDir });
    try {
      return await fn(storage);
    } finally {
      await storage.close();
    }
  } finally {
    claim.release();
  }
}

/** A JSON document as IT wrote it, checked here first so a bad one is refused with every wrong path and nothing sent. */
function readCheckedFile<S extends z.ZodType>(file: string, what: string, schemaFile: string, schema: S): z.input<S> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the ${what} ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(document)'}: ${issue.message}`);
    throw new Error(`The ${what} ${file} does not match ${schemaFile}; nothing was published:\n${lines.join('\n')}`);
  }
  return json as z.input<S>;
}

/**
 * Without --data, the default folder in the working folder only if a back office's data is there:
 * a command run from another folder than the server's must not make a second, empty database
 * whose codes the running server would refuse (PostgreSQL is one database wherever it runs from).
 */
function refuseNewDatabase(dataDir: string, dataDirGiven: boolean): void {
  if (dataDirGiven || process.env.DATABASE_URL || liveInstance(dataDir) || existsSync(join(dataDir, 'PG_VERSION'))) return;
  throw new Error(
    `No back office data in ${dataDir} (the default folder, as no --data was given): this command would create a new, empty PGlite database there that no running server reads. Name the server's folder, as given to \`npm run server -- --data DIR\`, with --data DIR; nothing was created.`,
  );
}

/** Which folder and storage the command works on, and whether through a running server. */
function target(dataDir: string, running: Instance | null): string {
  const storage = running?.storage ?? (process.env.DATABASE_URL ? 'postgresql' : 'pglite');
  const where = storage === 'postgresql' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`;
  const how = running
    ? `through the back office running at ${running.url ?? '(starting)'} (process ${running.pid})`
    : 'directly (no back office runs on it)';
  return `Data folder ${dataDir}, storage ${where}, ${how}\n`;
}

async function admin(dataDir: string, command: AdminCommand): Promise<void> {
  const running = liveInstance(dataDir);
  if (running?.role === 'command')
    throw new Error(`Another admin command (process ${running.pid}) is using ${dataDir}; try again when it has finished`);
  process.stdout.write(target(dataDir, running));
  if (command.name === 'devices') {
    const devices = running
      ? (await listDevicesThrough(running, command.centerCode)).devices
      : await withStorage(dataDir, (storage) => listDevices(storage, command.centerCode));
    process.stdout.write(printDevices(devices));
    return;
  }
  if (command.name === 'enroll') {
    const place = { centerCode: command.centerCode, deskCode: command.deskCode };
    const code = running
      ? (await enrollThrough(running, place)).code
      : await withStorage(dataDir, (storage) => createEnrollmentCode(storage, place));
    process.stdout.write(
      `Enrollment code for center ${command.centerCode}, desk ${command.deskCode} (one use, ${CODE_LIFETIME_HOURS} hours):\n${code}\n`,
    );
    return;
  }
  if (command.name === 'catalog-publish') {
    const doc: CatalogDocumentInput = readCheckedFile(command.file, 'catalog', 'docs/catalog.schema.json', CatalogDocument);
    const result = running
      ? await publishCatalogThrough(running, doc)
      : await withStorage(dataDir, (storage) => publishCatalog(storage, CatalogDocument.parse(doc)));
    process.stdout.write(
      `Catalog ${result.center ?? '(base list, every center)'}: ${result.published} published, ${result.unchanged} unchanged, ${result.withdrawn} withdrawn\n`,
    );
    return;
  }
  if (command.name === 'queue-configure') {
    const doc = readCheckedFile(command.file, 'queue configuration', 'docs/queue.schema.json', QueueConfig);
    const result = running
      ? await configureQueueThrough(running, doc)
      : await withStorage(dataDir, (storage) => publishQueueConfig(storage, QueueConfig.parse(doc)));
    process.stdout.write(
      result.unchanged
        ? `Queue of center ${result.centerCode}: unchanged (version ${result.version})\n`
        : `Queue of center ${result.centerCode}: version ${result.version} published\n`,
    );
    return;
  }
  if (isClerkCommand(command)) {
    await runClerkCommand(command, { running, withStorage: (fn) => withStorage(dataDir, fn) });
    return;
  }
  if (command.name === 'provider-token') {
    const token = running
      ? (await providerTokenThrough(running, command.edrpou)).token
      : await withStorage(dataDir, (storage) => createProviderToken(storage, command.edrpou));
    process.stdout.write(`Provider token for ЄДРПОУ ${command.edrpou} (give it to that provider's staff only):\n${token}\n`);
    return;
  }
  const revoked = running
    ? (await revokeThrough(running, command.deviceId)).revoked
    : await withStorage(dataDir, (storage) => revokeDevice(storage, command.deviceId));
  process.stdout.write(revoked ? `Device ${command.deviceId} revoked\n` : `No active device ${command.deviceId}\n`);
  if (!revoked) process.exitCode = 1;
}

/**
 * The kiosk, board and bookings pages `npm run server` built beside the bundled server
 * (dist/server/pages, scripts/server.ts); null when they are not there (then they are not served).
 */
function builtPages(): string | null {
  const dir = join(dirname(process.argv[1] ?? '.'), 'pages');
  return existsSync(join(dir, 'kiosk.html')) ? dir : null;
}

async function serve(dataDir: string, command: Extract<Command, { name: 'serve' }>): Promise<void> {
  // Before the folder is claimed or the storage opened: a bad certificate stops the start with its reason.
  const tls = command.tls ? loadServerTls(command.tls) : null;
  const adminToken = randomBytes(32).toString('base64url');
  const claim = claimInstance(dataDir, 'server', adminToken);
  process.on('exit', () => claim.release());
  const log = createServerLog(dataDir, serverLogLevel());
  const storage = await createStorage({ databaseUrl: process.env.DATABASE_URL, dataDir });
  const server = await startServer(
    storage,
    command.host,
    command.port,
    { dir: join(dataDir, 'blobs'), maxBytes: command.maxFileBytes },
    adminToken,
    { pagesDir: builtPages(), log: log.logger, https: tls },
  );
  log.logger.info({ storage: storage.kind, https: tls !== null }, 'Back office started');
  claim.listening(server.url, { tlsFingerprint: tls?.fingerprint256 ?? null, storage: storage.kind });
  process.stdout.write(`Vikno back office on ${server.url} (storage: ${storage.kind})\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    server.close().then(
      async () => {
        log.logger.info('Back office stopped');
        await log.close();
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Started by `npm run server` (scripts/run-child.ts): that script is gone, so is its command.
  if (process.channel) process.once('disconnect', () => stop('The npm script that started it is gone'));
}

async function main(): Promise<void> {
  const { dataDir, dataDirGiven, command } = parseCliArgs(process.argv.slice(2), process.cwd(), process.env);
  if (command.name === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (command.name !== 'serve') refuseNewDatabase(dataDir, dataDirGiven);
  privateDataFolder(dataDir);
  if (command.name === 'serve') await serve(dataDir, command);
  else await admin(dataDir, command);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
