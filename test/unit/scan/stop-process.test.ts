import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopProcess } from '../../../main/backend/scan/stop-process';

/** A real Node process that ignores the named signals, and says when it is listening. */
async function stubborn(ignores: string[]) {
  const code = `${ignores.map((s) => `process.on('${s}', () => {});`).join('')} setInterval(() => {}, 1000); console.log('ready');`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'ignore'] });
  await once(child.stdout, 'data');
  return child;
}

describe('stopping a scanning program', () => {
  it('asks with SIGINT first', async () => {
    const child = await stubborn([]);
    stopProcess(child, 5000);
    const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
    expect(signal).toBe('SIGINT');
  });

  it('one that ignores SIGINT gets SIGTERM after the grace', async () => {
    const child = await stubborn(['SIGINT']);
    stopProcess(child, 50);
    const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
    expect(signal).toBe('SIGTERM');
  });

  it('one that ignores both is killed', async () => {
    const child = await stubborn(['SIGINT', 'SIGTERM']);
    stopProcess(child, 50);
    const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
    expect(signal).toBe('SIGKILL');
  });
});
