/** The test PostgreSQL helper runs whatever major is installed, the newest when there are several. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newestPostgresBin } from '../../helpers/postgres';
import { useTempDirs } from '../../helpers/temp-dir';

describe('test PostgreSQL install', () => {
  const tempDir = useTempDirs();

  const install = (root: string, major: string, withInitdb = true) => {
    mkdirSync(join(root, major, 'bin'), { recursive: true });
    if (withInitdb) writeFileSync(join(root, major, 'bin', 'initdb'), '');
  };

  it('takes the newest major by number, only one that has initdb', () => {
    const root = tempDir();
    install(root, '9.6');
    install(root, '15');
    install(root, '17');
    install(root, '18', false);
    mkdirSync(join(root, 'common'));
    expect(newestPostgresBin(root)).toBe(join(root, '17', 'bin'));
  });

  it('names what is missing when no PostgreSQL is installed', () => {
    expect(() => newestPostgresBin(join(tempDir(), 'none'))).toThrow(/No PostgreSQL found.*initdb/);
  });
});
