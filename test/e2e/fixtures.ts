import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

const HOST_BUNDLE = resolve('dist/main/browser-host.cjs');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;
const URL_LINE = /is running at (http:\/\/\S+)/;

export interface BrowserHostProcess {
  /** The full URL to open, token fragment included. */
  url: string;
  dataDir: string;
  /** Ends the host (SIGTERM) and resolves once it has exited; safe to call more than once. */
  stop(): Promise<void>;
  /**
   * Stops the host and starts a new one on the same data folder and port (the same origin, as a
   * clerk restarting `npm run start:browser` gets), with a new token; resolves to the new URL.
   */
  restart(): Promise<string>;
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => {
      cleanup();
      reject(new Error(`The browser host ${why}.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`printed no URL within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = URL_LINE.exec(stdout);
      if (match?.[1]) {
        cleanup();
        resolveUrl(match[1]);
      }
    };
    const onStderr = (chunk: Buffer) => {
      stderr += chunk.toString();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`exited before it was ready (code ${code}, signal ${signal})`);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      child.stderr?.off('data', onStderr);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.once('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    // A host that ignores SIGTERM must not hang the suite; SIGKILL is the last resort.
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ host: BrowserHostProcess; hostUrl: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; the host has none.
  host: async ({}, use) => {
    if (!existsSync(HOST_BUNDLE)) {
      throw new Error(`${HOST_BUNDLE} is missing: run \`npm run build\` before the e2e tests.`);
    }
    const dataDir = await mkdtemp(join(tmpdir(), 'vikno-e2e-'));
    let child: ChildProcess | undefined;
    const start = async (port: string): Promise<string> => {
      // process.execPath: the test runner's own Node (24.21, as the app), not whatever is on PATH.
      const started = spawn(process.execPath, [HOST_BUNDLE, '--data', dataDir, '--port', port], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      // Keep draining the pipes after start-up so a chatty host never blocks on a full buffer.
      started.stdout.resume();
      started.stderr.resume();
      return waitForUrl(started);
    };
    const stop = () => (child ? stopChild(child) : Promise.resolve());
    try {
      const url = await start('0');
      const restart = async () => {
        await stop();
        return start(new URL(url).port);
      };
      await use({ url, dataDir, stop, restart });
    } finally {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  hostUrl: async ({ host }, use) => {
    await use(host.url);
  },
});

export { expect } from '@playwright/test';
