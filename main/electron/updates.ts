/**
 * Electron glue for the update policy (update-policy.ts): reads the desk config the way the
 * backend does, then hands electron-updater's autoUpdater to the policy. Started from index.ts
 * once the window is shown, and only in a packaged app (a development run has no feed to trust).
 */
import { app, Notification } from 'electron';
import { autoUpdater } from 'electron-updater';
import { loadDeskConfig } from '../backend/config/desk-config';
import { startUpdates } from './update-policy';
import type { UpdatesStarted } from './update-policy';

/** electron-builder's appId: Windows shows notifications only for the app its Start menu shortcut names. */
const APP_USER_MODEL_ID = 'ua.cnap.vikno';

function log(line: string): void {
  console.warn(line);
}

export function startAutoUpdates(): UpdatesStarted | 'not-packaged' | 'bad-config' {
  if (!app.isPackaged) return 'not-packaged';
  let settings;
  try {
    settings = loadDeskConfig(app.getPath('userData')).updates;
  } catch (error) {
    // The backend stops the app with the same message; updates just stay off.
    log(`Updates: not checking, the desk config cannot be read: ${(error as Error).message}`);
    return 'bad-config';
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  return startUpdates(settings, {
    updater: autoUpdater,
    notify: ({ title, body }) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    log,
    every: (ms, check) => {
      setInterval(check, ms).unref();
    },
  });
}
