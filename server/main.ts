/**
 * The back office's entry point (`npm run server -- …`, see cli-args.ts). With PGlite only one
 * process may open the data folder: run `enroll` and `revoke` while the server is stopped, or
 * use PostgreSQL.
 */
import { join } from 'node:path';
import { startServer } from './app';
import { revokeDevice } from './auth/devices';
import { createEnrollmentCode } from './auth/enrollment';
import { parseCliArgs } from './cli-args';
import { createStorage } from './storage/create-storage';

async function main(): Promise<void> {
  const { dataDir, command } = parseCliArgs(process.argv.slice(2), process.cwd());
  const storage = await createStorage({ databaseUrl: process.env.DATABASE_URL, dataDir });
  if (command.name === 'enroll') {
    try {
      const code = await createEnrollmentCode(storage, command);
      process.stdout.write(`Enrollment code for center ${command.centerCode}, desk ${command.deskCode} (one use, 24 hours):\n${code}\n`);
    } finally {
      await storage.close();
    }
    return;
  }
  if (command.name === 'revoke') {
    try {
      const revoked = await revokeDevice(storage, command.deviceId);
      process.stdout.write(revoked ? `Device ${command.deviceId} revoked\n` : `No active device ${command.deviceId}\n`);
      if (!revoked) process.exitCode = 1;
    } finally {
      await storage.close();
    }
    return;
  }
  const server = await startServer(storage, command.host, command.port, { dir: join(dataDir, 'blobs'), maxBytes: command.maxFileBytes });
  process.stdout.write(`Vikno back office on ${server.url} (storage: ${storage.kind})\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
