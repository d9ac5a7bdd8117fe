/**
 * The sandboxed preload (bundled to dist/main/preload.cjs): exposes `window.vikno` and nothing
 * else — no ipcRenderer, no port, no process (docs/ARCHITECTURE.md §11.1, rule 3).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC } from '../electron/ipc-channels';
import { createPreloadBridge } from './api';

const bridge = createPreloadBridge({ requestPort: () => ipcRenderer.send(IPC.connect) });

ipcRenderer.on(IPC.port, (event) => {
  const port = event.ports[0];
  if (port) bridge.portReceived(port);
});
ipcRenderer.on(IPC.backend, (_event, state: unknown) => bridge.backendState(state));
ipcRenderer.on(IPC.menu, (_event, command: unknown) => bridge.menuCommand(command));

contextBridge.exposeInMainWorld('vikno', bridge.api);
bridge.start();
