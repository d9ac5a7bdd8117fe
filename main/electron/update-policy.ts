/**
 * What the desk does about new versions (docs/IT.md, "Updates"), decided from the desk config's
 * `updates` and applied to electron-updater's autoUpdater, which is injected so the policy is
 * unit-tested without Electron (test/unit/electron/update-policy.test.ts, with a stand-in updater).
 *
 * - `auto`: download in the background and install when the clerk quits.
 * - `notify`: look, and tell the clerk a version is out; IT installs it (nothing is downloaded).
 * - `off`: never look (fleets updated by IT's own tools).
 * No feed URL: nothing is checked, and the log says why.
 * Only the two switches above are ever set on the updater: signature and checksum verification
 * (electron-updater's defaults, verifyUpdateCodeSignature on Windows) are never touched.
 */
import type { UpdatePolicy } from '../backend/config/desk-config';

export interface UpdateSettings {
  policy: UpdatePolicy;
  url: string | null;
}

export interface UpdateInfoLike {
  version: string;
}

/** What the policy uses of electron-updater's AppUpdater. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'update-available' | 'update-downloaded', listener: (info: UpdateInfoLike) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateDeps {
  updater: UpdaterLike;
  /** Tells the clerk (a system notification). */
  notify(message: { title: string; body: string }): void;
  log(line: string): void;
  /** Runs `check` again every `ms` (a desk stays open all day). */
  every(ms: number, check: () => void): void;
}

/** How often a running desk looks again. */
export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

export type UpdatesStarted = 'off' | 'no-feed' | 'auto' | 'notify';

export function availableMessage(version: string): { title: string; body: string } {
  return {
    title: `Vikno ${version}`,
    body: `Вийшла нова версія Vikno ${version}. Її встановить ІТ-служба центру. (Vikno ${version} is out; your IT will install it.)`,
  };
}

export function downloadedMessage(version: string): { title: string; body: string } {
  return {
    title: `Vikno ${version}`,
    body: `Нову версію Vikno ${version} завантажено: вона встановиться, коли ви закриєте програму. (Vikno ${version} is downloaded and installs when you quit.)`,
  };
}

export function startUpdates(settings: UpdateSettings, deps: UpdateDeps): UpdatesStarted {
  const { updater, log } = deps;
  if (settings.policy === 'off') {
    log('Updates: policy off in the desk config, never checking');
    return 'off';
  }
  if (settings.url === null) {
    log(`Updates: policy ${settings.policy} but no updates.url in the desk config, so not checking (docs/IT.md, Updates)`);
    return 'no-feed';
  }
  const auto = settings.policy === 'auto';
  updater.autoDownload = auto;
  updater.autoInstallOnAppQuit = auto;
  updater.setFeedURL({ provider: 'generic', url: settings.url });
  updater.on('error', (error) => log(`Updates: ${error.message}`));
  if (auto) {
    updater.on('update-downloaded', (info) => {
      log(`Updates: version ${info.version} downloaded, installs on quit`);
      deps.notify(downloadedMessage(info.version));
    });
  } else {
    updater.on('update-available', (info) => {
      log(`Updates: version ${info.version} is available; policy notify leaves installing to IT`);
      deps.notify(availableMessage(info.version));
    });
  }
  const check = () => {
    updater
      .checkForUpdates()
      .catch((error: unknown) => log(`Updates: the check failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  check();
  deps.every(CHECK_EVERY_MS, check);
  log(`Updates: policy ${settings.policy}, feed ${settings.url}`);
  return settings.policy;
}
