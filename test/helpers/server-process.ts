import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { addClerkThrough, enrollThrough } from '../../server/admin/admin-client';
import { liveInstance } from '../../server/admin/instance-file';

export interface ServerProcess {
  url: string;
  /** What it printed so far, stdout and stderr. */
  output(): string;
  /** A one-time enrollment code, through the running server's admin route. */
  enrollmentCode(centerCode: string, deskCode: string): Promise<string>;
  /** A clerk account of the center (made through the admin route, no password change asked); its id. */
  clerkAccount(centerCode: string, login: string): Promise<string>;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

/**
 * The back office as `npm run server` runs it (scripts/server.ts bundles server/main.ts and runs
 * it), in its own process, on a free loopback port; resolves once it listens.
 */
export async function startServerProcess(
  root: string,
  dataDir: string,
  databaseUrl: string | undefined,
  extraArgs: readonly string[] = [],
): Promise<ServerProcess> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  // A free port unless the caller names one (a restart on the address desks already know).
  const port = extraArgs.includes('--port') ? [] : ['--port', '0'];
  const child = spawn(process.execPath, [join(root, 'scripts', 'server.ts'), '--data', dataDir, ...port, ...extraArgs], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (https?:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${output}`)));
  });
  return {
    url,
    output: () => output,
    enrollmentCode: async (centerCode, deskCode) => {
      const instance = liveInstance(dataDir);
      if (!instance) throw new Error(`no running server holds ${dataDir}`);
      return (await enrollThrough(instance, { centerCode, deskCode })).code;
    },
    clerkAccount: async (centerCode, login) => {
      const instance = liveInstance(dataDir);
      if (!instance) throw new Error(`no running server holds ${dataDir}`);
      const account = {
        centerCode,
        login,
        fullName: 'Клерк стенду',
        roles: ['clerk' as const],
        password: `${login}-pass-1`,
        mustChangePassword: false,
      };
      return (await addClerkThrough(instance, account)).id;
    },
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
