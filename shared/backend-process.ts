/**
 * What Electron main and the backend's utilityProcess say to each other (besides the
 * per-window MessagePorts that carry the contract itself).
 */

/**
 * Main → backend process. `start` is the first message to every backend process: the device key
 * main keeps under the OS keychain (base64, DEVICE_KEY_BYTES bytes), or null where there is no
 * keychain and the backend keeps its own key file. It travels over this channel, never in the
 * process's environment or arguments, which other programs of the user can read (/proc).
 * `connect` carries one MessagePort.
 */
export type ControlMessage = { type: 'start'; deviceKey: string | null } | { type: 'connect' } | { type: 'shutdown' };

/** Backend process → main. */
export type StatusMessage = { type: 'ready' } | { type: 'fatal'; message: string };

/** Exit code of a backend that cannot start (corrupt database, bad config): main must not restart it. */
export const EXIT_FATAL = 3;

/** The device key's length: main keeps it (main/electron/device-key-store.ts), the backend seals the device token with it (main/backend/config/device-key.ts). */
export const DEVICE_KEY_BYTES = 32;
