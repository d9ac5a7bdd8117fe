/**
 * A throw-away PostgreSQL server for tests: a fresh cluster in a temp folder, on 127.0.0.1
 * and a free port, run by the newest major installed under /usr/lib/postgresql (Debian's
 * layout; the back office supports any major from 15 on, so the tests take what is there). PostgreSQL refuses to run as root, and tests run as root here
 * and in CI, so its commands run as the `postgres` user on a folder that user owns.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

const INSTALLS = '/usr/lib/postgresql';

/** The bin folder of the newest installed major (numerically: 9.6 < 15 < 17). */
export function newestPostgresBin(installs = INSTALLS): string {
  const majors = existsSync(installs)
    ? readdirSync(installs)
        .filter((name) => /^\d+(\.\d+)?$/.test(name) && existsSync(join(installs, name, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  const newest = majors.at(-1);
  if (newest === undefined) throw new Error(`No PostgreSQL found: no ${installs}/<major>/bin/initdb (install postgresql)`);
  return join(installs, newest, 'bin');
}

let bin: string | undefined;

function postgresBin(): string {
  if (bin === undefined) {
    bin = newestPostgresBin();
    process.stderr.write(`Test PostgreSQL: ${bin}\n`);
  }
  return bin;
}

function asPostgres(command: string, args: readonly string[]): void {
  execFileSync('runuser', ['-u', 'postgres', '--', join(postgresBin(), command), ...args], { stdio: 'pipe' });
}

export interface TestPostgres {
  /** A connection string to an empty database. */
  url: string;
  stop(): Promise<void>;
}

/** `durable`: keep fsync on, as production runs (the bench measures with it; tests need not pay for it). */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    // fsync off for tests: a test cluster is thrown away, durability only costs time.
    const settings = `-c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -p ${port} -c fsync=${options.durable ? 'on' : 'off'}`;
    asPostgres('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', settings, 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE vikno');
  await admin.end();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/vikno`,
    stop: async () => {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
