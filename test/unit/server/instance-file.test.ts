import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimInstance, FolderInUse, liveInstance } from '../../../server/admin/instance-file';
import { localUrl } from '../../../server/app';
import { parseCliArgs, USAGE } from '../../../server/cli-args';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const TOKEN = 'a'.repeat(43);

/** A pid that surely belongs to no running process: one that just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the data folder claim of a back office', () => {
  it('is held by one process at a time, readable by its user only, and gone once released', () => {
    const dir = tempDir();
    const claim = claimInstance(dir, 'server', TOKEN);
    expect(statSync(join(dir, 'server-instance.json')).mode & 0o777).toBe(0o600);
    expect(liveInstance(dir)).toEqual({
      pid: process.pid,
      role: 'server',
      url: null,
      adminToken: TOKEN,
      tlsFingerprint: null,
      storage: null,
    });
    claim.listening('http://127.0.0.1:8470');
    expect(liveInstance(dir)).toMatchObject({ url: 'http://127.0.0.1:8470' });
    expect(() => claimInstance(dir, 'server', TOKEN)).toThrow(FolderInUse);
    expect(() => claimInstance(dir, 'command', TOKEN)).toThrow(
      /Another Vikno back office \(process \d+, http:\/\/127\.0\.0\.1:8470\) is using/,
    );
    claim.release();
    expect(liveInstance(dir)).toBeNull();
  });

  it('is taken over from a process that died without releasing it, and ignores a damaged file', () => {
    const dir = tempDir();
    const file = join(dir, 'server-instance.json');
    writeFileSync(file, JSON.stringify({ pid: deadPid(), role: 'server', url: 'http://127.0.0.1:1', adminToken: TOKEN }));
    expect(liveInstance(dir)).toBeNull();
    claimInstance(dir, 'server', TOKEN).release();
    writeFileSync(file, '{"pid": ');
    expect(liveInstance(dir)).toBeNull();
    const claim = claimInstance(dir, 'server', TOKEN);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    claim.release();
  });

  it('never touches a claim that is no longer its own', () => {
    const dir = tempDir();
    const file = join(dir, 'server-instance.json');
    const claim = claimInstance(dir, 'server', TOKEN);
    // Another live process took the folder over (here: our parent, which is surely running).
    const other = JSON.stringify({ pid: process.ppid, role: 'server', url: 'http://127.0.0.1:2', adminToken: TOKEN });
    writeFileSync(file, other);
    claim.listening('http://127.0.0.1:1');
    claim.release();
    expect(readFileSync(file, 'utf8')).toBe(other);
  });
});

describe('the URL a server is reached at on this machine', () => {
  it('is loopback for a wildcard address, with IPv6 in brackets', () => {
    expect(localUrl('127.0.0.1', 8470)).toBe('http://127.0.0.1:8470');
    expect(localUrl('0.0.0.0', 8470)).toBe('http://127.0.0.1:8470');
    expect(localUrl('::', 8470)).toBe('http://[::1]:8470');
    expect(localUrl('::1', 8470)).toBe('http://[::1]:8470');
    expect(localUrl('desk-server.local', 80)).toBe('http://desk-server.local:80');
  });
});

describe('server command line', () => {
  it('answers --help and -h with its usage, and a command line it cannot read with the reason and the usage', () => {
    expect(parseCliArgs(['--help'], '/srv').command).toEqual({ name: 'help' });
    expect(parseCliArgs(['enroll', '-h'], '/srv').command).toEqual({ name: 'help' });
    expect(() => parseCliArgs(['--colour', 'red'], '/srv')).toThrow(/Unknown option '--colour'[\s\S]*Usage: npm run server -- \[COMMAND\]/);
    expect(USAGE).toMatch(/enroll --center C --desk D[\s\S]*queue configure --file/);
  });

  it('wants center and desk codes a desk can carry', () => {
    expect(parseCliArgs(['enroll', '--center', ' KV01 ', '--desk', '07'], '/srv').command).toEqual({
      name: 'enroll',
      centerCode: 'KV01',
      deskCode: '07',
    });
    expect(() => parseCliArgs(['enroll', '--center', 'KV 01', '--desk', '07'], '/srv')).toThrow(
      /--center: use 1–8 capital Latin letters or digits, not "KV 01"/,
    );
    expect(() => parseCliArgs(['enroll', '--center', 'KV01'], '/srv')).toThrow(/--desk is required/);
  });

  it('configures a center’s queue from a file', () => {
    expect(parseCliArgs(['queue', 'configure', '--file', 'queue.json'], '/srv').command).toEqual({
      name: 'queue-configure',
      file: 'queue.json',
    });
    expect(() => parseCliArgs(['queue', 'configure'], '/srv')).toThrow(/--file is required/);
    expect(() => parseCliArgs(['queue', 'publish', '--file', 'q.json'], '/srv')).toThrow(/Expected: queue configure --file queue.json/);
  });

  it('issues a provider token only for a valid ЄДРПОУ', () => {
    expect(parseCliArgs(['provider-token', '--edrpou', '32855961'], '/srv').command).toEqual({
      name: 'provider-token',
      edrpou: '32855961',
    });
    expect(() => parseCliArgs(['provider-token', '--edrpou', '32855968'], '/srv')).toThrow(/--edrpou: not a valid ЄДРПОУ/);
    expect(() => parseCliArgs(['provider-token'], '/srv')).toThrow(/--edrpou is required/);
  });
});
