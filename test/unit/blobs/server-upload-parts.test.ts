import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../server/cli-args';
import { createKeyedLock } from '../../../server/blobs/keyed-lock';

describe('server upload parts', () => {
  it('runs tasks for one key one at a time, in order, even after one fails; other keys do not wait', async () => {
    const lock = createKeyedLock();
    const log: string[] = [];
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = lock('a', async () => {
      log.push('a1 start');
      await gate;
      log.push('a1 end');
      throw new Error('a1 failed');
    });
    const second = lock('a', async () => {
      log.push('a2');
      return 2;
    });
    expect(await lock('b', async () => 'b')).toBe('b');
    release();
    await expect(first).rejects.toThrow('a1 failed');
    expect(await second).toBe(2);
    expect(log).toEqual(['a1 start', 'a1 end', 'a2']);
  });

  it('takes the file size limit from --max-file-mb, 200 MiB unless told', () => {
    expect(parseCliArgs([], '/srv').command).toMatchObject({ name: 'serve', maxFileBytes: 200 * 2 ** 20 });
    expect(parseCliArgs(['--max-file-mb', '50'], '/srv').command).toMatchObject({ maxFileBytes: 50 * 2 ** 20 });
    expect(() => parseCliArgs(['--max-file-mb', '0.5'], '/srv')).toThrow(/--max-file-mb/);
  });
});
