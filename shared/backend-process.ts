/**
 * What Electron main and the backend's utilityProcess say to each other (besides the
 * per-window MessagePorts that carry the contract itself).
 */

/** Main → backend process. `connect` carries one MessagePort. */
export type ControlMessage = { type: 'connect' } | { type: 'shutdown' };

/** Backend process → main. */
export type StatusMessage = { type: 'ready' } | { type: 'fatal'; message: string };

/** Exit code of a backend that cannot start (corrupt database, bad config): main must not restart it. */
export const EXIT_FATAL = 3;

/**
 * The environment variable in which main hands the device key (base64, DEVICE_KEY_BYTES bytes) to
 * the backend process: main keeps it under the OS keychain (main/electron/device-key-store.ts), the
 * backend seals the device token with it (main/backend/config/device-key.ts).
 */
export const DEVICE_KEY_ENV = 'VIKNO_DEVICE_KEY';
export const DEVICE_KEY_BYTES = 32;
