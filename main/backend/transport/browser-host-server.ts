import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCsp } from '../../../shared/csp';
import { createBackend } from '../index';
import type { Backend } from '../index';
import { createFileLogger } from '../log/logger';
import type { Logger } from '../log/logger';
import { createStaticHandler } from './static-files';
import { answerLinkCheck, attachWebSocket, isLinkCheck, LINK_PATH, WS_PATH } from './websocket';

export interface BrowserHostOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  rendererDir: string;
  appVersion: string;
  logger?: Logger;
  /** The receipt worker's bundle (BackendConfig.receiptWorker); the bundled host names the one beside it. */
  receiptWorker?: string;
}

export interface BrowserHost {
  /** The full URL to open, token included. */
  url: string;
  /** The address the server listens on: always 127.0.0.1. */
  address: string;
  port: number;
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

/**
 * The backend in a plain Node process, the renderer and the contract served on 127.0.0.1
 * only (docs/ARCHITECTURE.md §2.1). The per-launch token travels in the URL fragment, which browsers
 * never send to servers, and the renderer presents it when opening the WebSocket.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const logger = options.logger ?? createFileLogger(options.dataDir);
  const backend = createBackend({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    logger,
    ...(options.receiptWorker === undefined ? {} : { receiptWorker: options.receiptWorker }),
  });
  const token = randomBytes(24).toString('base64url');
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await backend.close();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  const serveStatic = createStaticHandler({
    root: options.rendererDir,
    csp: buildCsp({
      connectSrc: [
        `ws://127.0.0.1:${port}${WS_PATH}`,
        `ws://localhost:${port}${WS_PATH}`,
        `http://127.0.0.1:${port}${LINK_PATH}`,
        `http://localhost:${port}${LINK_PATH}`,
      ],
    }),
    allowedHosts: [`127.0.0.1:${port}`, `localhost:${port}`],
  });
  server.on('request', (req, res) => {
    if (isLinkCheck(req)) answerLinkCheck(req, res, { token, allowedOrigins: origins });
    else void serveStatic(req, res);
  });
  const ws = attachWebSocket(server, backend, { token, allowedOrigins: origins, logger });

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    address,
    port,
    token,
    backend,
    close() {
      closing ??= (async () => {
        await ws.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await backend.close();
      })();
      return closing;
    },
  };
}
