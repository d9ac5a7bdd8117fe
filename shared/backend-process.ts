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
