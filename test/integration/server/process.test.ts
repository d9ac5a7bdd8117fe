import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Health } from '../../../shared/sync-protocol';
import { startPostgres } from '../../helpers/postgres';
import { startServerProcess } from '../../helpers/server-process';
import type { TestPostgres } from '../../helpers/postgres';
import { STORAGES } from './harness';
import { newDeskKey } from '../../helpers/desk-session';

const root = join(import.meta.dirname, '..', '..', '..');

describe.each(STORAGES)('`npm run server` on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-server-process-'));
  let postgres: TestPostgres | undefined;
  beforeAll(async () => {
    if (kind === 'postgresql') postgres = await startPostgres();
  });
  afterAll(async () => {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  function serverEnv(): NodeJS.ProcessEnv {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    if (postgres) env.DATABASE_URL = postgres.url;
    return env;
  }

  it('enrolls desks from the command line with the server stopped and running, refuses a second server on its folder, exits 0 on SIGTERM', async () => {
    // What `npm run server` runs: bundle server/main.ts, then run the bundle with the arguments.
    const script = join(root, 'scripts', 'server.ts');
    const data = join(dir, 'data');
    const enrolled = execFileSync(process.execPath, [script, 'enroll', '--center', 'C9', '--desk', 'D3', '--data', data], {
      cwd: root,
      env: serverEnv(),
      encoding: 'utf8',
    });
    const code = /^[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5}$/m.exec(enrolled)?.[0];
    expect(code).toBeDefined();
    const server = await startServerProcess(root, data, serverEnv().DATABASE_URL);
    const { url } = server;
    const health = Health.parse(await (await fetch(`${url}/health`)).json());
    expect(health).toMatchObject({ status: 'ok', storage: kind });
    const enroll = await fetch(`${url}/enroll`, {
      method: 'POST',
      body: JSON.stringify({ code, deviceName: 'Desk 3', publicKey: newDeskKey().publicKey }),
    });
    expect(await enroll.json()).toMatchObject({ centerCode: 'C9', deskCode: 'D3' });

    // While it runs, `enroll` goes through the running server (PGlite is one process) and a second server is refused.
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [script, ...args, '--data', data], { cwd: root, env: serverEnv(), encoding: 'utf8' });
    const second = cli(['enroll', '--center', 'C9', '--desk', 'D4']);
    expect(second.status).toBe(0);
    const secondCode = /^[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5}$/m.exec(second.stdout)?.[0];
    const desk = await fetch(`${url}/enroll`, {
      method: 'POST',
      body: JSON.stringify({ code: secondCode, deviceName: 'Desk 4', publicKey: newDeskKey().publicKey }),
    });
    const { deviceId } = (await desk.json()) as { deviceId: string };
    expect(cli(['revoke', '--device', deviceId]).stdout).toContain(`Device ${deviceId} revoked`);
    const rival = cli(['--port', '0']);
    expect(rival.status).toBe(1);
    expect(rival.stderr).toMatch(/Another Vikno back office \(process \d+, http:\/\/127\.0\.0\.1:\d+\) is using/);

    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('SIGTERM: shutting down');
    expect(existsSync(join(data, 'server-instance.json'))).toBe(false);
  });

  it('manages clerk accounts from the command line, stopped and running: add (password from the environment or printed once), list, disable, reset; bad input exits 1 with the reason', async () => {
    const script = join(root, 'scripts', 'server.ts');
    const data = join(dir, 'clerks');
    const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      spawnSync(process.execPath, [script, ...args, '--data', data], { cwd: root, env: { ...serverEnv(), ...env }, encoding: 'utf8' });
    const add = ['clerk', 'add', '--center', 'KV01', '--name', 'Коваль Олена', '--roles', 'clerk,supervisor'];
    expect(cli(['enroll', '--center', 'KV01', '--desk', '01']).status).toBe(0);
    const stopped = cli([...add, '--login', 'koval', '--desks', '01,02'], { VIKNO_CLERK_PASSWORD: 'from-the-env-1' });
    expect(stopped.status).toBe(0);
    expect(stopped.stdout).toContain('Account koval of KV01 created');
    expect(stopped.stdout).not.toContain('from-the-env-1');

    const server = await startServerProcess(root, data, serverEnv().DATABASE_URL);
    try {
      const running = cli([...add, '--login', 'bondar', '--pin']);
      expect(running.status).toBe(0);
      expect(running.stdout).toMatch(/Temporary password .*: [A-Za-z0-9]{12}\n/);
      expect(running.stdout).toMatch(/PIN \(shown once\): \d{6}\n/);
      expect(cli(['clerk', 'disable', '--center', 'KV01', '--login', 'koval']).stdout).toContain('Account koval of KV01 disabled');
      expect(cli(['clerk', 'reset', '--center', 'KV01', '--login', 'bondar']).stdout).toContain('new temporary password set');
      const list = cli(['clerk', 'list', '--center', 'KV01']).stdout;
      expect(list).toMatch(/^bondar\tКоваль Олена\tclerk,supervisor\tevery desk\tmust change password, PIN$/m);
      expect(list).toMatch(/^koval\tКоваль Олена\tclerk,supervisor\tdesks 01,02\tdisabled, must change password$/m);
      const taken = cli([...add, '--login', 'koval']);
      expect([taken.status, taken.stderr]).toEqual([1, expect.stringContaining('Center KV01 already has an account koval')]);
      const badRole = cli([...add, '--login', 'melnyk', '--roles', 'clerk,boss']);
      expect([badRole.status, badRole.stderr]).toEqual([1, expect.stringContaining('unknown role boss')]);
      const unknownCenter = cli(['clerk', 'add', '--center', 'ZZ9', '--login', 'melnyk', '--name', 'М', '--roles', 'clerk']);
      expect([unknownCenter.status, unknownCenter.stderr]).toEqual([1, expect.stringContaining('No center ZZ9')]);
      expect(cli(['clerk', 'list', '--center', 'KV01']).stdout).not.toContain('melnyk');
    } finally {
      await server.stop();
    }
    // Eleven runs of the bundled command on a shared 2-core machine.
  }, 240_000);

  it('publishes a catalog from the command line, stopped and running; a bad document lists its wrong paths and publishes nothing', async () => {
    const script = join(root, 'scripts', 'server.ts');
    const data = join(dir, 'catalog-data');
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [script, ...args, '--data', data], { cwd: root, env: serverEnv(), encoding: 'utf8' });
    const sample = join(root, 'docs', 'catalog.sample.json');
    const services = (JSON.parse(readFileSync(sample, 'utf8')) as { services: unknown[] }).services.length;
    const offline = cli(['catalog', 'publish', '--file', sample]);
    expect(offline.stderr).toBe('');
    expect(offline.stdout).toContain(`Catalog (base list, every center): ${services} published, 0 unchanged, 0 withdrawn`);

    const bad = join(dir, 'bad-catalog.json');
    writeFileSync(bad, JSON.stringify({ center: 'kv', subsistenceMinimum: [{ year: 1990, workingAgeKopecks: 1 }], services: [] }));
    const server = await startServerProcess(root, data, serverEnv().DATABASE_URL);
    const refused = cli(['catalog', 'publish', '--file', bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('nothing was published');
    expect(refused.stderr).toContain('center:');
    expect(refused.stderr).toContain('subsistenceMinimum.0.year:');
    // Running: through the server's admin route; the same document changes nothing.
    expect(cli(['catalog', 'publish', '--file', sample]).stdout).toContain(`0 published, ${services} unchanged, 0 withdrawn`);
    expect(await server.stop()).toBe(0);
  });

  // Seven runs of the command line (each bundles and starts Node) and a server: minutes on a busy machine.
  it('configures a center’s queue from the command line, stopped and running; a bad queue.json lists its wrong paths and publishes nothing', async () => {
    const script = join(root, 'scripts', 'server.ts');
    const data = join(dir, 'queue-data');
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [script, ...args, '--data', data], { cwd: root, env: serverEnv(), encoding: 'utf8' });
    expect(cli(['catalog', 'publish', '--file', join(root, 'docs', 'catalog.sample.json')]).status).toBe(0);
    const sample = join(root, 'docs', 'queue.sample.json');
    const first = cli(['queue', 'configure', '--file', sample]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Queue of center C01: version 1 published');
    expect(cli(['queue', 'configure', '--file', sample]).stdout).toContain('Queue of center C01: unchanged (version 1)');

    const bad = join(dir, 'bad-queue.json');
    const doc = JSON.parse(readFileSync(sample, 'utf8')) as { desks: { deskCode: string }[] };
    writeFileSync(bad, JSON.stringify({ ...doc, centerCode: 'c1', desks: [{ ...doc.desks[0], deskCode: 'desk 1' }] }));
    const refused = cli(['queue', 'configure', '--file', bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('does not match docs/queue.schema.json; nothing was published');
    expect(refused.stderr).toContain('centerCode:');
    expect(refused.stderr).toContain('desks.0.deskCode:');
    const unknownService = join(dir, 'unknown-service.json');
    writeFileSync(
      unknownService,
      JSON.stringify({ ...doc, centerCode: 'C02', areas: [{ code: 'x', nameUk: 'Х', nameEn: 'X', serviceCodes: ['ID-01', 'NOPE'] }] }),
    );
    expect(cli(['queue', 'configure', '--file', unknownService]).stderr).toMatch(/areas\.0\.serviceCodes\.1: no queue serves service NOPE/);

    // Running: through the server's admin route, which checks the catalog too.
    const server = await startServerProcess(root, data, serverEnv().DATABASE_URL);
    try {
      const changed = join(dir, 'changed-queue.json');
      writeFileSync(changed, JSON.stringify({ ...doc, recallsBeforeNoShow: 2 }));
      expect(cli(['queue', 'configure', '--file', changed]).stdout).toContain('Queue of center C01: version 2 published');
      const missing = join(dir, 'missing-service.json');
      const queues = (doc as unknown as { queues: { serviceCodes: string[] }[] }).queues;
      const areas = (doc as unknown as { areas: { serviceCodes: string[] }[] }).areas;
      writeFileSync(
        missing,
        JSON.stringify({
          ...doc,
          areas: [{ ...areas[0], serviceCodes: ['ID-01', 'XX-01'] }, ...areas.slice(1)],
          queues: [{ ...queues[0], serviceCodes: ['ID-01', 'XX-01'] }, ...queues.slice(1)],
        }),
      );
      const refusedRunning = cli(['queue', 'configure', '--file', missing]);
      expect(refusedRunning.status).toBe(1);
      expect(refusedRunning.stderr).toContain("areas.0.serviceCodes.1: service XX-01 is not in center C01's catalog");
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 180_000);
});

describe('`npm run server` asked for help or given a wrong option', () => {
  const script = join(root, 'scripts', 'server.ts');
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: tmpdir(), encoding: 'utf8' });

  it('prints its usage for --help and -h, exits 0 and makes no data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vikno-server-help-'));
    for (const flag of ['--help', '-h']) {
      const result = run(flag, '--data', join(dir, 'data'));
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      expect(result.stdout).toMatch(/^Usage: npm run server -- \[COMMAND\] \[OPTIONS\][\s\S]*enroll --center C --desk D/);
    }
    expect(existsSync(join(dir, 'data'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names an option it does not know and prints its usage, exiting 1', () => {
    const result = run('--colour', 'red');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Unknown option '--colour'[\s\S]*Usage: npm run server/);
  });
});
