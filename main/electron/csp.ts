/**
 * The renderer's CSP under Electron. The renderer talks to the backend over a MessagePort,
 * never the network, so it may connect nowhere.
 */
import { buildCsp } from '../../shared/csp';

export const ELECTRON_CSP = buildCsp({ connectSrc: [] });
