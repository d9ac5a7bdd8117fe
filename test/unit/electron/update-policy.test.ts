import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, startUpdates } from '../../../main/electron/update-policy';
import type { UpdateInfoLike, UpdaterLike, UpdateSettings } from '../../../main/electron/update-policy';

/**
 * A stand-in for electron-updater's autoUpdater (Electron cannot run here): it records every
 * property the policy sets, the feed, the checks, and lets the test fire the updater's events.
 */
class StandInUpdater implements UpdaterLike {
  readonly writes: string[] = [];
  readonly feeds: { provider: 'generic'; url: string }[] = [];
  checks = 0;
  failNextCheck: Error | null = null;
  readonly listeners = new Map<string, ((arg: never) => void)[]>();
  private values = { autoDownload: true, autoInstallOnAppQuit: true };

  get autoDownload(): boolean {
    return this.values.autoDownload;
  }
  set autoDownload(value: boolean) {
    this.writes.push('autoDownload');
    this.values.autoDownload = value;
  }
  get autoInstallOnAppQuit(): boolean {
    return this.values.autoInstallOnAppQuit;
  }
  set autoInstallOnAppQuit(value: boolean) {
    this.writes.push('autoInstallOnAppQuit');
    this.values.autoInstallOnAppQuit = value;
  }
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    const failure = this.failNextCheck;
    this.failNextCheck = null;
    return failure ? Promise.reject(failure) : Promise.resolve(null);
  }
  on(event: string, listener: (arg: never) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: 'update-available' | 'update-downloaded', info: UpdateInfoLike): void;
  emit(event: 'error', error: Error): void;
  emit(event: string, arg: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (arg: unknown) => void)(arg);
  }
}

function start(settings: UpdateSettings) {
  const updater = new StandInUpdater();
  const notices: { title: string; body: string }[] = [];
  const logs: string[] = [];
  const timers: { ms: number; check: () => void }[] = [];
  const started = startUpdates(settings, {
    updater,
    notify: (message) => notices.push(message),
    log: (line) => logs.push(line),
    every: (ms, check) => timers.push({ ms, check }),
  });
  return { updater, notices, logs, timers, started };
}

const FEED = 'https://updates.cnap.example.gov.ua/vikno/';

describe('update policy', () => {
  it('auto: downloads in the background and installs when the clerk quits', () => {
    const { updater, notices, started } = start({ policy: 'auto', url: FEED });
    expect(started).toBe('auto');
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.feeds).toEqual([{ provider: 'generic', url: FEED }]);
    expect(updater.checks).toBe(1);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body).toMatch(/^Нову версію Vikno 0\.2\.0 завантажено.*installs when you quit/);
  });

  it('notify: checks, downloads nothing, and tells the clerk IT will install', () => {
    const { updater, notices, started } = start({ policy: 'notify', url: FEED });
    expect(started).toBe('notify');
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.feeds).toEqual([{ provider: 'generic', url: FEED }]);
    expect(updater.checks).toBe(1);
    expect(updater.listeners.has('update-downloaded')).toBe(false);
    updater.emit('update-available', { version: '0.2.0' });
    expect(notices).toEqual([
      {
        title: 'Vikno 0.2.0',
        body: 'Вийшла нова версія Vikno 0.2.0. Її встановить ІТ-служба центру. (Vikno 0.2.0 is out; your IT will install it.)',
      },
    ]);
  });

  it('off: never checks and never touches the updater', () => {
    const { updater, logs, timers, started } = start({ policy: 'off', url: FEED });
    expect(started).toBe('off');
    expect(updater.checks).toBe(0);
    expect(updater.feeds).toEqual([]);
    expect(updater.writes).toEqual([]);
    expect(timers).toEqual([]);
    expect(logs).toEqual(['Updates: policy off in the desk config, never checking']);
  });

  it('no feed URL: no check, and a log line saying why', () => {
    for (const policy of ['auto', 'notify'] as const) {
      const { updater, logs, timers, started } = start({ policy, url: null });
      expect(started).toBe('no-feed');
      expect(updater.checks).toBe(0);
      expect(updater.feeds).toEqual([]);
      expect(timers).toEqual([]);
      expect(logs).toEqual([`Updates: policy ${policy} but no updates.url in the desk config, so not checking (docs/IT.md, Updates)`]);
    }
  });

  it('sets only the two download switches: signature verification and the rest stay as electron-updater has them', () => {
    for (const policy of ['auto', 'notify'] as const) {
      expect(start({ policy, url: FEED }).updater.writes.sort()).toEqual(['autoDownload', 'autoInstallOnAppQuit']);
    }
  });

  it('looks again every few hours, and a failed check or updater error is logged, not thrown', async () => {
    const { updater, logs, timers } = start({ policy: 'notify', url: FEED });
    expect(timers.map((t) => t.ms)).toEqual([CHECK_EVERY_MS]);
    updater.failNextCheck = new Error('getaddrinfo ENOTFOUND updates.cnap.example.gov.ua');
    timers[0]?.check();
    expect(updater.checks).toBe(2);
    await Promise.resolve();
    updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(logs).toContain('Updates: the check failed: getaddrinfo ENOTFOUND updates.cnap.example.gov.ua');
    expect(logs).toContain('Updates: sha512 checksum mismatch');
  });
});
