import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger, LOG_DAYS_KEPT } from '../../../main/backend/log/logger';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vikno-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.useRealTimers();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** pino-roll names files by the local day (date-fns `yyyy-MM-dd`). */
const localDay = (at: Date) => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

const logFiles = (dir: string) => readdirSync(join(dir, 'logs')).sort();
const lines = (dir: string, file: string) =>
  readFileSync(join(dir, 'logs', file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the desk log', () => {
  it("writes JSON lines into the day's file, owner-only, in an owner-only folder", async () => {
    const dir = dataDir();
    const logger = createFileLogger(dir);
    logger.log('info', 'Backend started', { version: '1.2.3' });
    await logger.close();
    const [file, ...others] = logFiles(dir);
    expect(others).toEqual([]);
    expect(file).toBe(`backend.${localDay(new Date())}.1.log`);
    const [line] = lines(dir, file!);
    expect(line).toMatchObject({ level: 'info', msg: 'Backend started', version: '1.2.3' });
    expect(Date.parse(String(line!.time))).not.toBeNaN();
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'logs', file!)).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'logs')).mode & 0o777).toBe(0o700);
    }
  });

  it('writes only its level and above, and follows a new level', async () => {
    const dir = dataDir();
    const logger = createFileLogger(dir, { level: 'warn' });
    logger.log('debug', 'd1');
    logger.log('info', 'i1');
    logger.log('warn', 'w1');
    logger.log('error', 'e1');
    logger.setLevel('debug');
    logger.log('debug', 'd2');
    logger.setLevel('error');
    logger.log('warn', 'w2');
    await logger.close();
    expect(lines(dir, logFiles(dir)[0]!).map((l) => l.msg)).toEqual(['w1', 'e1', 'd2']);
  });

  it('starts a new file at midnight, named for the new day', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const evening = new Date(2026, 11, 4, 23, 59, 50);
    vi.setSystemTime(evening);
    const dir = dataDir();
    const logger = createFileLogger(dir);
    logger.log('info', 'before midnight');
    // pino-roll opens its file asynchronously: let it, then cross midnight.
    await vi.waitFor(() => expect(logFiles(dir)).toHaveLength(1), { interval: 5 });
    await vi.advanceTimersByTimeAsync(20_000);
    await vi.waitFor(() => expect(logFiles(dir)).toHaveLength(2), { interval: 5 });
    logger.log('info', 'after midnight');
    await logger.close();
    const next = new Date(2026, 11, 5);
    expect(logFiles(dir)).toEqual([`backend.${localDay(evening)}.1.log`, `backend.${localDay(next)}.1.log`]);
    expect(lines(dir, `backend.${localDay(evening)}.1.log`).map((l) => l.msg)).toEqual(['before midnight']);
    expect(lines(dir, `backend.${localDay(next)}.1.log`).map((l) => l.msg)).toEqual(['after midnight']);
  });

  it(`keeps ${LOG_DAYS_KEPT} days of files: the older ones go at the daily roll`, async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date(2026, 11, 20, 23, 59, 50));
    const dir = dataDir();
    const logger = createFileLogger(dir);
    logger.log('info', 'today');
    await vi.waitFor(() => expect(logFiles(dir)).toHaveLength(1), { interval: 5 });
    for (let day = 1; day <= 19; day += 1) writeFileSync(join(dir, 'logs', `backend.${localDay(new Date(2026, 11, day))}.1.log`), '');
    await vi.advanceTimersByTimeAsync(20_000);
    await vi.waitFor(() => expect(logFiles(dir)).toHaveLength(LOG_DAYS_KEPT), { interval: 5 });
    await logger.close();
    expect(logFiles(dir)[0]).toBe(`backend.${localDay(new Date(2026, 11, 8))}.1.log`);
    expect(logFiles(dir).at(-1)).toBe(`backend.${localDay(new Date(2026, 11, 21))}.1.log`);
  });
});
