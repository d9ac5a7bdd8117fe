import { QueueHub } from './queue/hub';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { BlobOptions } from './blobs/blob-options';
import { buildServer } from './http/server';
import type { HttpsFiles } from './http/server';
import { keepStatistics } from './storage/statistics';
import type { StatisticsKeeper } from './storage/statistics';
import type { Storage } from './storage/storage';

export interface RunningServer {
  url: string;
  /** Stops accepting, lets requests in flight finish, then closes the storage. */
  close(): Promise<void>;
}

/**
 * The URL this machine reaches a server bound to host:port at: a wildcard address (all
 * interfaces) is reached on loopback, and an IPv6 address goes in brackets.
 */
export function localUrl(host: string, port: number, secure = false): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `${secure ? 'https' : 'http'}://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

export interface ServerOptions {
  /** The server's clock (ServerDeps.now): the system's unless a test moves time. */
  now?: () => Date;
  /** The built kiosk, board and booking pages (ServerDeps.pagesDir); none: not served. */
  pagesDir?: string | null;
  /** The live queue hub (ServerDeps.queueHub): a test passes its own to publish as a kiosk or another desk would. */
  queueHub?: QueueHub;
  /** The back office's log (server/log/server-log.ts): requests and failures; none in most tests. */
  log?: FastifyBaseLogger;
  /** HTTPS with this certificate and key (http/tls-files.ts); none: plain HTTP. */
  https?: HttpsFiles | null;
}

/**
 * Serves the back office over `storage` on host:port (port 0: any free one), files in
 * `blobs.dir`; the admin routes answer to `adminToken` (none: they are off).
 */
export async function startServer(
  storage: Storage,
  host: string,
  port: number,
  blobs: BlobOptions,
  adminToken: string | null = null,
  options: ServerOptions = {},
): Promise<RunningServer> {
  let statistics: StatisticsKeeper | null = null;
  const https = options.https ?? null;
  const app = await buildServer(
    {
      storage,
      blobs,
      adminToken,
      statistics: { written: (count) => statistics?.written(count) },
      now: options.now ?? (() => new Date()),
      pagesDir: options.pagesDir ?? null,
      queueHub: options.queueHub ?? new QueueHub(options.now),
      ...(options.log ? { log: options.log } : {}),
    },
    https,
  );
  await app.listen({ host, port });
  // Only once listening: a server that failed to start must leave nothing running on the storage.
  const log = options.log;
  statistics = keepStatistics(storage, (error) =>
    log ? log.error({ err: error }, 'Refreshing statistics failed') : console.error('Refreshing statistics failed:', error),
  );
  const { port: bound } = app.server.address() as AddressInfo;
  return {
    url: localUrl(host, bound, https !== null),
    close: async () => {
      // Fastify lets requests in flight finish, closes idle keep-alive connections, and
      // server.ts ends the event streams first.
      await app.close();
      await statistics?.idle();
      await storage.close();
    },
  };
}
