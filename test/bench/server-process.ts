import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { enrollThrough } from '../../server/admin/admin-client';
import { liveInstance } from '../../server/admin/instance-file';

export interface ServerProcess {
  url: string;
  /** A one-time enrollment code, through the running server's admin route. */
  enrollmentCode(centerCode: string, deskCode: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The back office as `npm run server` runs it, in its own process: in production it is another
 * machine, so its work and a desk's overlap; in one process they would take turns on one thread.
 */
export async function startServerProcess(root: string, dataDir: string, databaseUrl: string | undefined): Promise<ServerProcess> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, [join(root, 'scripts', 'server.ts'), '--data', dataDir, '--port', '0', '--max-file-mb', '300'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${output}`)));
  });
  return {
    url,
    enrollmentCode: async (centerCode, deskCode) => {
      const instance = liveInstance(dataDir);
      if (!instance) throw new Error(`no running server holds ${dataDir}`);
      return (await enrollThrough(instance, { centerCode, deskCode })).code;
    },
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0) throw new Error(`the server exited with ${code}:\n${output}`);
    },
  };
}
