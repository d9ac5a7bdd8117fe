/**
 * The one fetch every request of this desk to its back office goes through (sync, enrollment,
 * files, the queue and its event stream, audit upload, clerk passwords): it trusts Node's and the
 * operating system's certificate authorities plus the center's own CA from `backOffice.caFile`
 * (docs/IT.md, "TLS and a center's own CA"), says in words when the back office's certificate is not trusted, and names
 * the desk's app version on every request (the back office's `devices` command shows it).
 *
 * undici's own fetch with an undici Agent (the `undici` package, pinned): Node's global fetch takes
 * no CA list, and an Agent from the package handed to the fetch built into Node (or Electron) mixes
 * two copies of undici whose dispatcher interfaces differ across versions; one package for both
 * cannot drift. The trust is per Agent, so it reaches nothing else in the process.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createSecureContext, getCACertificates } from 'node:tls';
import type { SecureContext } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { HEADER_APP_VERSION } from '../../../shared/sync-protocol';
import { ConfigError } from '../config/desk-config';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of `backOffice.caFile` (a relative path is taken from the data folder, beside
 * config.json), each checked: an unreadable file or one holding no certificate stops the desk with a
 * ConfigError saying so, rather than every request failing later for a reason nobody sees.
 */
export function readCaFile(dataDir: string, caFile: string): string[] {
  const file = resolve(dataDir, caFile);
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch (error) {
    throw new ConfigError(`Cannot read backOffice.caFile ${file}: ${(error as Error).message}`);
  }
  const pems = text.match(PEM_CERTIFICATE) ?? [];
  if (pems.length === 0)
    throw new ConfigError(
      `backOffice.caFile ${file} holds no PEM certificate (expected "-----BEGIN CERTIFICATE-----"): give the center's CA certificate`,
    );
  for (const [i, pem] of pems.entries()) {
    try {
      new X509Certificate(pem);
    } catch (error) {
      throw new ConfigError(`backOffice.caFile ${file}: certificate ${i + 1} cannot be read: ${(error as Error).message}`);
    }
  }
  return pems;
}

/** The TLS verification failures a clerk or IT can act on: the certificate is not one this desk trusts. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The TLS code in an error or its causes (undici wraps the socket's error in `fetch failed`). */
function tlsCode(error: unknown): string | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && UNTRUSTED.has(code)) return code;
  }
  return null;
}

/** Why the certificate was refused, in words, with what to do. */
export function untrustedMessage(origin: string, code: string): string {
  const what =
    code === 'ERR_TLS_CERT_ALTNAME_INVALID'
      ? 'a certificate made for another name'
      : code === 'CERT_HAS_EXPIRED'
        ? 'an expired certificate'
        : code === 'CERT_NOT_YET_VALID'
          ? 'a certificate not yet valid (check this computer’s clock)'
          : 'a certificate this desk does not trust';
  return `The back office ${origin} presented ${what} (${code}); the desk did not send anything. If the center uses its own CA, name its PEM file in backOffice.caFile (docs/IT.md, "TLS and a center's own CA")`;
}

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (headers === undefined) return {};
  const entries = headers instanceof Headers || Array.isArray(headers) ? [...new Headers(headers).entries()] : Object.entries(headers);
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

export interface BackOfficeFetchOptions {
  dataDir: string;
  caFile: string | null;
  appVersion: string;
  /** A test's HTTP client (fault injection) instead of the network; the version header and the TLS wording still apply. */
  base?: typeof fetch;
}

/** The desk's fetch to its back office; throws ConfigError when `caFile` is unusable. */
export function backOfficeFetch(options: BackOfficeFetchOptions): typeof fetch {
  const send = options.base ?? networkFetch(options.caFile === null ? [] : readCaFile(options.dataDir, options.caFile));
  return async (input, init) => {
    if (input instanceof Request) throw new TypeError('The back-office fetch takes a URL and its options, not a Request');
    // A plain record, not a Headers object: the callers and the tests' wrappers read it as one.
    const headers = { ...plainHeaders(init?.headers), [HEADER_APP_VERSION]: options.appVersion };
    try {
      return await send(input, { ...init, headers });
    } catch (error) {
      const code = tlsCode(error);
      if (code === null) throw error;
      throw new TypeError(untrustedMessage(new URL(input).origin, code), { cause: error });
    }
  };
}

/**
 * The trust of a back-office connection: Node's list (its bundled roots and NODE_EXTRA_CA_CERTS),
 * the operating system's store (where IT may have deployed the center's CA by policy) and the CA
 * file's certificates. One secure context for every connection, and one per CA file in the process
 * (tests open many desks): reading the system store and parsing its certificates takes ~0.1 s.
 */
const contexts = new Map<string, SecureContext>();

/** The system store, where the runtime can read it (Electron's TLS library is not OpenSSL); else Node's list and caFile still apply. */
function systemCas(): string[] {
  try {
    return getCACertificates('system');
  } catch {
    return [];
  }
}

function trust(extraCas: readonly string[]): SecureContext {
  const key = extraCas.join('\n');
  let context = contexts.get(key);
  if (!context) {
    context = createSecureContext({ ca: [...new Set([...getCACertificates('default'), ...systemCas(), ...extraCas])] });
    contexts.set(key, context);
  }
  return context;
}

/** undici's fetch through an Agent with that trust, made at the first request: a standalone desk never pays for it. */
function networkFetch(extraCas: readonly string[]): typeof fetch {
  let dispatcher: Agent | null = null;
  return (input, init) => {
    dispatcher ??= new Agent({ connect: { secureContext: trust(extraCas) } });
    // The two fetches' type declarations differ (undici's own against lib.dom's); at run time both are the WHATWG fetch.
    return undiciFetch(input as string | URL, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
  };
}
