/**
 * How an admin command reaches the back office running on this machine: plain fetch over HTTP;
 * over HTTPS, trusting exactly the certificate that server recorded in its instance file. The
 * command connects to loopback, a name the certificate (made for the server's public name, often by
 * a center's own CA) need not carry, so the usual chain-and-name check would refuse it; the pinned
 * fingerprint is a stronger check here, since only the server's own user can write that file.
 */
import type { TLSSocket } from 'node:tls';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import type { Instance } from './instance-file';

function pinnedConnector(fingerprint256: string): buildConnector.connector {
  const connect = buildConnector({ rejectUnauthorized: false });
  return (options, callback) =>
    connect(options, (...args) => {
      const [error, socket] = args;
      if (error) return callback(error, null);
      const presented = (socket as TLSSocket).getPeerCertificate().fingerprint256;
      if (presented === fingerprint256) return callback(null, socket);
      socket.destroy();
      return callback(
        new Error(
          `the server presented certificate ${presented}, not the one it recorded (${fingerprint256}): another process answers on that port`,
        ),
        null,
      );
    });
}

/** The fetch for `instance`: HTTPS only with a recorded certificate to pin. */
export function instanceFetch(instance: Instance): typeof fetch {
  if (!instance.url?.startsWith('https:')) return fetch;
  const fingerprint = instance.tlsFingerprint;
  if (!fingerprint) throw new Error(`The back office at ${instance.url} recorded no certificate to check; restart it with this version`);
  const dispatcher = new Agent({ connect: pinnedConnector(fingerprint) });
  // undici's fetch with its own Agent: the Response it gives is the WHATWG one the global fetch gives.
  return ((input: string | URL, init?: RequestInit) => undiciFetch(input, { ...init, dispatcher } as never)) as unknown as typeof fetch;
}
