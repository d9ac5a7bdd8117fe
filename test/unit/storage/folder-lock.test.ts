import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderLocked, holderIsLive, LOCK_FILE, lockDataFolder } from '../../../main/backend/storage/folder-lock';
import type { Machine } from '../../../main/backend/storage/folder-lock';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const BOOT = Date.parse('2026-12-04T06:00:00Z');
/** A stand-in for the machine: its boot time, and which pids run. */
const machine = (running: number[], bootedAt = BOOT): Machine => ({ bootedAt, alive: (pid) => running.includes(pid) });

describe('the data folder lock', () => {
  it('holds while its process runs in this boot; a dead process or another boot does not', () => {
    const holder = { pid: 4242, bootedAt: BOOT, since: '2026-12-04T08:00:00Z' };
    expect(holderIsLive(holder, machine([4242]))).toBe(true);
    // The boot time comes from a clock that NTP may have moved a little.
    expect(holderIsLive(holder, machine([4242], BOOT + 60_000))).toBe(true);
    expect(holderIsLive(holder, machine([]))).toBe(false);
    expect(holderIsLive(holder, machine([4242], BOOT + 8 * 3600_000))).toBe(false);
  });

  it('is this process’s until released, refuses a second claim meanwhile, and leaves no stray files', () => {
    const dir = tempDir();
    const lock = lockDataFolder(dir, machine([process.pid]));
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, bootedAt: BOOT });
    expect(() => lockDataFolder(dir, machine([process.pid]))).toThrow(FolderLocked);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataFolder(dir, machine([process.pid])).release();
  });

  it('takes over a damaged lock file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '{"pid": "half a');
    const lock = lockDataFolder(dir, machine([process.pid]));
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('release leaves a lock another process took over alone', () => {
    const dir = tempDir();
    const lock = lockDataFolder(dir, machine([process.pid]));
    const other = JSON.stringify({ pid: 4242, bootedAt: BOOT, since: '2026-12-04T08:00:00Z' });
    writeFileSync(join(dir, LOCK_FILE), other);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });
});
