/**
 * The back office's certificate and key (`--tls-cert`/`--tls-key`, docs/IT.md "TLS and a center's
 * own CA"), read and checked before the server opens its storage: a wrong file must stop the start
 * with a sentence saying which file and why, not fail the first desk's handshake later.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface TlsFiles {
  certFile: string;
  keyFile: string;
}

/** What Fastify's https option takes, and the fingerprint admin commands pin (admin/admin-client.ts). */
export interface ServerTls {
  cert: Buffer;
  key: Buffer;
  /** SHA-256 of the certificate the server presents, as X509Certificate and getPeerCertificate() spell it. */
  fingerprint256: string;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const PEM_PRIVATE_KEY = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

function read(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`Cannot read the TLS ${what} ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function certificate(file: string, pem: Buffer): X509Certificate {
  const first = PEM_CERTIFICATE.exec(pem.toString('latin1'));
  if (!first) throw new Error(`The TLS certificate ${file} is not a PEM certificate (expected "-----BEGIN CERTIFICATE-----")`);
  try {
    return new X509Certificate(first[0]);
  } catch (error) {
    throw new Error(`The TLS certificate ${file} cannot be read as a certificate: ${(error as Error).message}`, { cause: error });
  }
}

function privateKey(file: string, pem: Buffer): KeyObject {
  const text = pem.toString('latin1');
  if (!PEM_PRIVATE_KEY.test(text)) throw new Error(`The TLS key ${file} is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----")`);
  // The server starts unattended: nobody is there to type a passphrase.
  if (text.includes('ENCRYPTED'))
    throw new Error(`The TLS key ${file} is protected by a passphrase; give the server an unencrypted key readable by its user only`);
  try {
    return createPrivateKey(pem);
  } catch (error) {
    throw new Error(`The TLS key ${file} cannot be read as a private key: ${(error as Error).message}`, { cause: error });
  }
}

/** Reads and checks the pair; every problem is an Error naming the file. `now` decides expiry. */
export function loadServerTls(files: TlsFiles, now: Date = new Date()): ServerTls {
  const cert = read(files.certFile, 'certificate');
  const key = read(files.keyFile, 'key');
  const x509 = certificate(files.certFile, cert);
  const keyObject = privateKey(files.keyFile, key);
  if (!x509.checkPrivateKey(keyObject))
    throw new Error(
      `The TLS key ${files.keyFile} does not belong to the certificate ${files.certFile} (${x509.subject.replace(/\n/g, ', ')})`,
    );
  if (Date.parse(x509.validTo) < now.getTime())
    throw new Error(`The TLS certificate ${files.certFile} expired on ${x509.validTo}; desks refuse it — renew it first`);
  if (Date.parse(x509.validFrom) > now.getTime())
    throw new Error(
      `The TLS certificate ${files.certFile} is valid only from ${x509.validFrom}; check the server's clock or the certificate`,
    );
  return { cert, key, fingerprint256: x509.fingerprint256 };
}
