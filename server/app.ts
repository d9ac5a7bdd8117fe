import type { AddressInfo } from 'node:net';
import type { BlobOptions } from './blobs/blob-routes';
import { createHttpServer } from './http/server';
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
export function localUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
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
): Promise<RunningServer> {
  let statistics: StatisticsKeeper | null = null;
  const server = createHttpServer(storage, blobs, adminToken, { written: (count) => statistics?.written(count) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  // Only once listening: a server that failed to start must leave nothing running on the storage.
  statistics = keepStatistics(storage, (error) => console.error('Refreshing statistics failed:', error));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: localUrl(host, bound),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections with no request would hold close() open for minutes.
      server.closeIdleConnections();
      await closed;
      await statistics?.idle();
      await storage.close();
    },
  };
}
