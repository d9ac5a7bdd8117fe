/**
 * Entry of the Electron main process (bundled to dist/main/electron.cjs, next to preload.cjs
 * and backend.cjs; the renderer is in ../renderer). Glue only: every decision it applies is a
 * pure function in this folder with its own unit test.
 */
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import type { IpcMainEvent, MessagePortMain, WebContents } from 'electron';
import { createBackendSupervisor } from './backend-process';
import type { BackendState } from './backend-process';
import { deviceKeyFromKeyChain, keyForBackend, keyStoreFile } from './device-key-store';
import type { StoredKey } from './device-key-store';
import { IPC } from './ipc-channels';
import { isTrustedSender } from './ipc-sender';
import { WRITE_MACHINE_CONFIG_FLAG } from './machine-config-params';
import { machineConfigFolder, restrictMachineConfigDir, writeMachineConfig } from './machine-config-writer';
import { menuTemplate } from './menu';
import { shouldBlockNavigation, windowOpenDecision } from './navigation';
import { permissionCheckDecision, permissionRequestDecision } from './permissions';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, createAppProtocolHandler } from './protocol';
import { startAutoUpdates } from './updates';
import { receiptViewerWindowOptions, secureWindowOptions } from './window';

let mainWindow: BrowserWindow | null = null;
const trustedIds = new Set<number>();
let updatesStarted = false;

function reportState(state: BackendState): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC.backend, state);
  if (state.state === 'fatal') {
    dialog.showErrorBox('Vikno cannot start', state.message);
    app.quit();
  }
}

// Read from the keychain once the app is ready (safeStorage needs it), before the first backend starts.
let deviceKey: StoredKey = { kind: 'no-keychain' };

const backend = createBackendSupervisor<MessagePortMain>({
  fork: () =>
    utilityProcess.fork(join(__dirname, 'backend.cjs'), ['--data', app.getPath('userData'), '--version', app.getVersion()], {
      serviceName: 'Vikno backend',
    }),
  deviceKey: () => keyForBackend(deviceKey),
  onState: reportState,
});

function createWindow(): void {
  const window = new BrowserWindow(secureWindowOptions({ preloadPath: join(__dirname, 'preload.cjs'), isPackaged: app.isPackaged }));
  const id = window.webContents.id;
  trustedIds.add(id);
  window.once('ready-to-show', () => {
    window.show();
    // Once per run, after the clerk sees the window: a check never delays the start (packaged apps only).
    if (!updatesStarted) {
      updatesStarted = true;
      startAutoUpdates();
    }
  });
  window.on('closed', () => {
    trustedIds.delete(id);
    mainWindow = null;
  });
  mainWindow = window;
  void window.loadURL(APP_URL);
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function hardenWebContents(contents: WebContents): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (shouldBlockNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.action === 'allow') return { action: 'allow', overrideBrowserWindowOptions: receiptViewerWindowOptions() };
    if (decision.openExternally) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function onConnect(event: IpcMainEvent): void {
  if (!isTrustedSender({ senderFrameUrl: event.senderFrame?.url, senderId: event.sender.id, trustedIds })) return;
  const { port1, port2 } = new MessageChannelMain();
  if (backend.connect(port1) === 'refused') {
    port1.close();
    port2.close();
    return;
  }
  event.sender.postMessage(IPC.port, null, [port2]);
}

function onReady(): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '..', 'renderer')));
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionRequestDecision(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionCheckDecision(permission, requestingOrigin),
  );
  // USB, HID and serial devices belong to the backend (scanners), never to the page.
  session.defaultSession.setDevicePermissionHandler(() => false);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isPackaged: app.isPackaged,
        isMac: process.platform === 'darwin',
        // The page runs the export: it holds the session, checks the role and saves the file.
        onExportDiagnostics: () => {
          if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC.menu, 'exportDiagnostics');
        },
      }),
    ),
  );
  ipcMain.on(IPC.connect, onConnect);
  deviceKey = deviceKeyFromKeyChain(safeStorage, keyStoreFile(app.getPath('userData')));
  backend.start();
  createWindow();
  app.on('activate', () => {
    if (!mainWindow) createWindow();
  });
}

// Quitting waits for the backend to close SQLite cleanly, then quits for real.
let shutdown: 'running' | 'stopping' | 'done' = 'running';
function onBeforeQuit(event: { preventDefault(): void }): void {
  if (shutdown === 'done') return;
  event.preventDefault();
  if (shutdown === 'stopping') return;
  shutdown = 'stopping';
  void backend.stop().then(() => {
    shutdown = 'done';
    app.quit();
  });
}

function startDesk(): void {
  // Every renderer sandboxed, whatever options a future window is created with.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  // Two instances would open the same SQLite database; the second one just brings the first forward.
  if (app.requestSingleInstanceLock()) {
    app.on('second-instance', focusWindow);
    app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
    // A desk app: closing the window ends the session on every platform, macOS included.
    app.on('window-all-closed', () => app.quit());
    app.on('before-quit', onBeforeQuit);
    void app.whenReady().then(onReady);
  } else {
    app.quit();
  }
}

/** The MSI's custom action (build/msi-project-created.cjs): write the machine config, say what happened on stderr, exit 0 or 2. */
function writeMachineConfigAndExit(): void {
  // Packaged, argv is [Vikno.exe, ...flags]; in development [electron, '.', ...flags].
  const outcome = writeMachineConfig(
    process.argv.slice(app.isPackaged ? 1 : 2),
    machineConfigFolder(process.env, process.platform),
    (dir) => restrictMachineConfigDir(dir, process.platform, process.env),
  );
  for (const line of outcome.lines) console.error(line);
  app.exit(outcome.code);
}

// Decided before the single-instance lock: the installer's run must neither wait for nor focus a running desk.
if (process.argv.includes(WRITE_MACHINE_CONFIG_FLAG)) writeMachineConfigAndExit();
else startDesk();
