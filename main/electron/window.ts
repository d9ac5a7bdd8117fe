/**
 * The options of every Vikno window (docs/ARCHITECTURE.md §9.1). A pure function so the hardening is
 * asserted by unit tests: Electron itself cannot run on our build machines.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of dist/main/preload.cjs. */
  preloadPath: string;
  /** `app.isPackaged`: developer tools exist only in development builds. */
  isPackaged: boolean;
}

/** Clerk screens are at least 1366×768; below 1024×700 the intake form stops fitting. */
export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 700;

/** The hardening every Vikno window shares; each window adds only what it needs on top. */
const HARDENED_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableWebSQL: false,
  webviewTag: false,
  // A file dropped on the window would otherwise replace the app with that file.
  navigateOnDragDrop: false,
  // A runaway alert() loop cannot lock a clerk out of the window.
  safeDialogs: true,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export function secureWindowOptions({ preloadPath, isPackaged }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Vikno',
    width: 1280,
    height: 800,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    // Shown on 'ready-to-show' so the clerk never sees a blank white frame.
    show: false,
    // Matches the renderer's background so resizing does not flash.
    backgroundColor: '#f5f6f8',
    webPreferences: { ...HARDENED_PREFERENCES, preload: preloadPath, devTools: !isPackaged },
  };
}

/**
 * The receipt viewer: a child window showing one PDF with Chromium's viewer, whose print button
 * opens the operating system's print dialog. No preload, so no door to the backend; the PDF
 * viewer is a plugin, the only thing this window enables beyond the main window.
 */
export function receiptViewerWindowOptions(): BrowserWindowConstructorOptions {
  return {
    title: 'Vikno — опис',
    width: 900,
    height: 1000,
    autoHideMenuBar: true,
    webPreferences: { ...HARDENED_PREFERENCES, plugins: true, devTools: false },
  };
}
