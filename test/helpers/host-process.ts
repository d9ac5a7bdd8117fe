import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './built-app';

export const hostScript = join(repoRoot, 'dist', 'main', 'browser-host.cjs');

/** The built browser host (`npm run start:browser`) on a free port; resolves with the line that names its URL. */
export function startHost(dataDir: string): Promise<{ child: ChildProcessWithoutNullStreams; line: string }> {
  const child = spawn(process.execPath, [hostScript, '--data', dataDir, '--port', '0']);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('http://'));
      if (line) resolve({ child, line });
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${err}`)));
  });
}

export function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
