/**
 * The only IPC between main and the preload: everything else goes over the MessagePort to the
 * backend. Shared by both sides so the names cannot drift.
 */
export const IPC = {
  /** preload → main: "give this window a port to the backend". */
  connect: 'vikno:connect',
  /** main → preload: the port, in `event.ports[0]`. */
  port: 'vikno:port',
  /** main → preload: the backend process's BackendState. */
  backend: 'vikno:backend',
  /** main → preload: a menu command (MENU_COMMANDS) for the page to carry out. */
  menu: 'vikno:menu',
} as const;
