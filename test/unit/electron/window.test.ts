import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH, receiptViewerWindowOptions, secureWindowOptions } from '../../../main/electron/window';

describe('secureWindowOptions', () => {
  const packaged = secureWindowOptions({ preloadPath: '/app/dist/main/preload.cjs', isPackaged: true });
  const dev = secureWindowOptions({ preloadPath: '/app/dist/main/preload.cjs', isPackaged: false });

  it('isolates and sandboxes the renderer with no Node anywhere', () => {
    expect(packaged.webPreferences).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and every risky feature off', () => {
    expect(packaged.webPreferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it('offers developer tools only in unpackaged builds', () => {
    expect(packaged.webPreferences?.devTools).toBe(false);
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('opens hidden (shown on ready-to-show), titled and large enough for the intake form', () => {
    expect(packaged.show).toBe(false);
    expect(packaged.title).toBe('Vikno');
    expect(packaged.minWidth).toBeGreaterThanOrEqual(1024);
    expect(packaged.minHeight).toBeGreaterThanOrEqual(700);
    expect([MIN_WIDTH, MIN_HEIGHT]).toEqual([1024, 700]);
    expect(packaged.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('differs between builds only in developer tools', () => {
    const { devTools: _packagedDevTools, ...packagedPrefs } = packaged.webPreferences ?? {};
    const { devTools: _devDevTools, ...devPrefs } = dev.webPreferences ?? {};
    expect(packagedPrefs).toEqual(devPrefs);
  });
});

describe('receiptViewerWindowOptions', () => {
  const prefs = receiptViewerWindowOptions().webPreferences ?? {};

  it('is as locked down as the main window, with no preload and no developer tools', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs.preload).toBeUndefined();
  });

  it('enables only the PDF viewer plugin, whose print button opens the OS dialog', () => {
    expect(prefs.plugins).toBe(true);
  });
});
