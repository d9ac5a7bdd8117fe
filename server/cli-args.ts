import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PlaceCode } from '../shared/place-code';
import { zEdrpou } from '../shared/validate/zod';
import { Login } from '../shared/auth';
import { Role, ROLES } from '../shared/roles';
import { DEFAULT_MAX_BLOB_BYTES } from './blobs/blob-routes';
import type { TlsFiles } from './http/tls-files';

/**
 * `server [--data DIR] [--port N] [--host H] [--max-file-mb N]`, `server enroll --center C --desk D`,
 * `server revoke --device ID`, `server catalog publish --file catalog.json`, `server queue configure --file queue.json`, `server provider-token --edrpou X`. Storage: PostgreSQL when DATABASE_URL is set, else PGlite in
 * --data (default `.vikno-data/server` in the working folder). Port 8470, host 127.0.0.1.
 * Uploaded files live in `<data>/blobs` with either storage; the largest accepted is 200 MiB.
 */
export const DEFAULT_PORT = 8470;
export const DEFAULT_HOST = '127.0.0.1';

/** What `npm run server -- --help` prints, and what follows a command line it cannot read. */
export const USAGE = `Usage: npm run server -- [COMMAND] [OPTIONS]

  (no command)                      run the back office
      --data DIR                    its data folder (default .vikno-data/server here); PostgreSQL instead when DATABASE_URL is set
      --port N                      the port (default ${8470}); 0 picks a free one, which no desk can be told in advance
      --host H                      the address to listen on (default 127.0.0.1)
      --max-file-mb N               the largest uploaded file (default 200)
      --tls-cert FILE --tls-key FILE
                                    serve HTTPS with this PEM certificate (chain) and key (or VIKNO_TLS_CERT, VIKNO_TLS_KEY)
  enroll --center C --desk D        a one-time enrollment code for that desk
  devices [--center C]              the enrolled desks: device id, center, desk, enrolled, last seen, app version
  revoke --device ID                revoke an enrolled desk (its id from \`devices\`)
  catalog publish --file F.json     publish the center's service catalog
  queue configure --file F.json     publish the center's queue configuration
  provider-token --edrpou X         a token for a provider's staff
  clerk add --center C --login L --name "N" --roles clerk,supervisor [--desks 01,02] [--pin]
                                    a clerk account; the temporary password from VIKNO_CLERK_PASSWORD or made and printed once
                                    (--pin: a PIN too, from VIKNO_CLERK_PIN or made and printed once)
  clerk reset --center C --login L [--pin]   a new temporary password (and PIN), changed at the next sign-in
  clerk disable|enable --center C --login L  stop or allow an account's sign-in and work
  clerk list --center C             the center's accounts
  --help, -h                        this text

Each command takes --data DIR to name the server's folder: the running server's, whose admin routes
it then uses. Without --data a command uses .vikno-data/server here only if a back office's data is
there; it never creates a new database, and it says which folder and storage it used.
`;

export type Command =
  | { name: 'help' }
  | { name: 'serve'; port: number; host: string; maxFileBytes: number; tls: TlsFiles | null }
  | { name: 'enroll'; centerCode: string; deskCode: string }
  | { name: 'revoke'; deviceId: string }
  | { name: 'devices'; centerCode: string | null }
  | { name: 'catalog-publish'; file: string }
  | { name: 'queue-configure'; file: string }
  | { name: 'provider-token'; edrpou: string }
  | { name: 'clerk-add'; centerCode: string; login: string; fullName: string; roles: Role[]; desks: string[] | null; pin: boolean }
  | { name: 'clerk-reset'; centerCode: string; login: string; pin: boolean }
  | { name: 'clerk-disable'; centerCode: string; login: string; disabled: boolean }
  | { name: 'clerk-list'; centerCode: string };

export interface CliArgs {
  dataDir: string;
  /** Whether --data named the folder (else dataDir is the default in the working folder). */
  dataDirGiven: boolean;
  command: Command;
}

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new Error(`${flag} is required`);
  return value.trim();
}

function placeCode(value: string | undefined, flag: string): string {
  const parsed = PlaceCode.safeParse(required(value, flag));
  if (!parsed.success) throw new Error(`${flag}: ${parsed.error.issues[0]?.message ?? 'not a valid code'}, not "${value}"`);
  return parsed.data;
}

const OPTIONS = {
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  center: { type: 'string' },
  desk: { type: 'string' },
  device: { type: 'string' },
  file: { type: 'string' },
  edrpou: { type: 'string' },
  login: { type: 'string' },
  name: { type: 'string' },
  roles: { type: 'string' },
  desks: { type: 'string' },
  pin: { type: 'boolean' },
  'max-file-mb': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n\n${USAGE}`, { cause: error });
  }
}

/** The environment the server reads besides DATABASE_URL: the TLS files when not on the command line. */
export type CliEnv = Partial<Record<'VIKNO_TLS_CERT' | 'VIKNO_TLS_KEY', string>>;

export function parseCliArgs(argv: readonly string[], cwd: string, env: CliEnv = {}): CliArgs {
  const { values, positionals } = readArgs(argv);
  const dataDir = values.data ?? join(cwd, '.vikno-data', 'server');
  const dataDirGiven = values.data !== undefined;
  if (values.help) return { dataDir, dataDirGiven, command: { name: 'help' } };
  return { dataDir, dataDirGiven, command: parseCommand(values, positionals, env) };
}

type Values = ReturnType<typeof readArgs>['values'];

/** Both files or neither (plain HTTP, for a back office only this machine reaches); a flag wins over its variable. */
function tlsFiles(values: Values, env: CliEnv): TlsFiles | null {
  const certFile = values['tls-cert'] ?? env.VIKNO_TLS_CERT;
  const keyFile = values['tls-key'] ?? env.VIKNO_TLS_KEY;
  if (!certFile && !keyFile) return null;
  if (!certFile?.trim()) throw new Error('--tls-key needs --tls-cert (or VIKNO_TLS_CERT): the certificate the key belongs to');
  if (!keyFile?.trim()) throw new Error("--tls-cert needs --tls-key (or VIKNO_TLS_KEY): the certificate's private key");
  return { certFile: certFile.trim(), keyFile: keyFile.trim() };
}

function login(value: string | undefined): string {
  const parsed = Login.safeParse(required(value, '--login'));
  if (!parsed.success) throw new Error(`--login: ${parsed.error.issues[0]?.message ?? 'not a valid login'}, not "${value}"`);
  return parsed.data;
}

function roles(value: string | undefined): Role[] {
  const names = required(value, '--roles')
    .split(',')
    .map((r) => r.trim());
  const unknown = names.filter((r) => !Role.safeParse(r).success);
  if (unknown.length > 0) throw new Error(`--roles: unknown role ${unknown.join(', ')}; the roles are ${ROLES.join(', ')}`);
  return [...new Set(names)] as Role[];
}

function clerkCommand(values: Values, rest: readonly string[]): Command {
  const [action, ...extra] = rest;
  if (extra.length > 0) throw new Error(`Unexpected arguments: ${extra.join(' ')}`);
  if (action === 'list') return { name: 'clerk-list', centerCode: placeCode(values.center, '--center') };
  const account = { centerCode: placeCode(values.center, '--center'), login: login(values.login) };
  if (action === 'add') {
    const desks = values.desks === undefined ? null : values.desks.split(',').map((d) => placeCode(d.trim(), '--desks'));
    return {
      name: 'clerk-add',
      ...account,
      fullName: required(values.name, '--name'),
      roles: roles(values.roles),
      desks,
      pin: values.pin === true,
    };
  }
  if (action === 'reset') return { name: 'clerk-reset', ...account, pin: values.pin === true };
  if (action === 'disable' || action === 'enable') return { name: 'clerk-disable', ...account, disabled: action === 'disable' };
  throw new Error('Expected: clerk add|reset|disable|enable|list');
}

function parseCommand(values: Values, positionals: readonly string[], env: CliEnv): Command {
  const [name, ...rest] = positionals;
  if (name === 'clerk') return clerkCommand(values, rest);
  if (name === 'catalog') {
    if (rest.length !== 1 || rest[0] !== 'publish') throw new Error('Expected: catalog publish --file catalog.json');
    return { name: 'catalog-publish', file: required(values.file, '--file') };
  }
  if (name === 'queue') {
    if (rest.length !== 1 || rest[0] !== 'configure') throw new Error('Expected: queue configure --file queue.json');
    return { name: 'queue-configure', file: required(values.file, '--file') };
  }
  if (rest.length > 0) throw new Error(`Unexpected arguments: ${rest.join(' ')}`);
  if (name === 'enroll') return { name, centerCode: placeCode(values.center, '--center'), deskCode: placeCode(values.desk, '--desk') };
  if (name === 'revoke') return { name, deviceId: required(values.device, '--device') };
  if (name === 'devices') return { name, centerCode: values.center === undefined ? null : placeCode(values.center, '--center') };
  if (name === 'provider-token') {
    const edrpou = zEdrpou.safeParse(required(values.edrpou, '--edrpou'));
    if (!edrpou.success) throw new Error(`--edrpou: not a valid ЄДРПОУ, "${values.edrpou}"`);
    return { name, edrpou: edrpou.data };
  }
  if (name !== undefined)
    throw new Error(`Unknown command ${name}; expected enroll, devices, revoke, catalog publish, queue configure, provider-token or clerk`);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${values.port}`);
  const maxFileMb = values['max-file-mb'] === undefined ? DEFAULT_MAX_BLOB_BYTES / 2 ** 20 : Number(values['max-file-mb']);
  if (!Number.isInteger(maxFileMb) || maxFileMb < 1)
    throw new Error(`--max-file-mb must be a whole number of MiB, not ${values['max-file-mb']}`);
  return { name: 'serve', port, host: values.host ?? DEFAULT_HOST, maxFileBytes: maxFileMb * 2 ** 20, tls: tlsFiles(values, env) };
}
