import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENTS } from '../../../main/backend/config/documents-config';
import type { DocumentsConfig } from '../../../main/backend/config/documents-config';
import { createScanner } from '../../../main/backend/scan/create-scanner';
import { findProgram } from '../../../main/backend/scan/find-program';
import { Naps2Scanner } from '../../../main/backend/scan/naps2-scanner';
import { SaneScanner } from '../../../main/backend/scan/sane-scanner';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

function file(dir: string, name: string, executable: boolean): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
}

const config = (over: Partial<DocumentsConfig['scanner']> = {}): DocumentsConfig['scanner'] => ({ ...DEFAULT_DOCUMENTS.scanner, ...over });

describe('finding the scanner program without a shell', () => {
  it('takes the first runnable match along PATH, skipping a file that cannot run', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    file(a, 'scanimage', false);
    const found = file(b, 'scanimage', true);
    file(c, 'scanimage', true);
    const env = { PATH: ['', a, b, c].join(':') };
    expect(findProgram(null, { names: ['scanimage'], platform: 'linux', env })).toBe(found);
    expect(findProgram(null, { names: ['scanimage'], platform: 'linux', env: { PATH: a } })).toBeNull();
    expect(findProgram(null, { names: ['scanimage'], platform: 'linux', env: {} })).toBeNull();
  });

  it('a configured program is used as it is, or not at all', () => {
    const dir = tempDir();
    const mine = file(dir, 'my-scanimage', true);
    const onPath = file(tempDir(), 'scanimage', true);
    const search = { names: ['scanimage'], platform: 'linux' as const, env: { PATH: join(onPath, '..') } };
    expect(findProgram(mine, search)).toBe(mine);
    expect(findProgram(join(dir, 'missing'), search)).toBeNull();
    expect(findProgram(dir, search)).toBeNull();
  });

  it('on Windows: Path with semicolons, PATHEXT extensions, then the install folders', () => {
    const onPath = tempDir();
    const programFiles = tempDir();
    const installed = file(join(programFiles, 'NAPS2'), 'NAPS2.Console.exe', false);
    const search = (env: NodeJS.ProcessEnv) =>
      findProgram(null, { names: ['NAPS2.Console'], platform: 'win32', env, extraDirs: [join(programFiles, 'NAPS2')] });
    expect(search({ Path: onPath, PATHEXT: '.COM;.EXE' })).toBe(installed);
    const first = file(onPath, 'NAPS2.Console.exe', false);
    expect(search({ Path: `${tempDir()};${onPath}`, PATHEXT: '.COM;.EXE' })).toBe(first);
  });
});

describe('createScanner', () => {
  it('none configured: no scanner', () => {
    expect(createScanner(config({ adapter: 'none' }), 'linux', { PATH: '/usr/bin:/bin' })).toBeNull();
  });

  it('auto: SANE on Linux, NAPS2 on Windows and macOS', () => {
    const bin = tempDir();
    file(bin, 'scanimage', true);
    file(bin, 'naps2', true);
    expect(createScanner(config(), 'linux', { PATH: bin })).toBeInstanceOf(SaneScanner);
    const programFiles = tempDir();
    file(join(programFiles, 'NAPS2'), 'NAPS2.Console.exe', true);
    const windows = createScanner(config(), 'win32', { Path: tempDir(), ProgramFiles: programFiles });
    expect(windows).toBeInstanceOf(Naps2Scanner);
    expect(windows?.adapter).toBe('naps2');
    expect(createScanner(config({ adapter: 'naps2' }), 'linux', { PATH: bin })).toBeInstanceOf(Naps2Scanner);
    const mac = createScanner(config(), 'darwin', { PATH: bin });
    expect(mac).toBeInstanceOf(Naps2Scanner);
    expect(createScanner(config({ adapter: 'sane' }), 'darwin', { PATH: bin })).toBeInstanceOf(SaneScanner);
  });

  it('a program that is not there: a scanner that says no_scanner and names where it looked', async () => {
    const scanner = createScanner(config(), 'win32', { Path: tempDir() });
    expect(scanner?.adapter).toBe('naps2');
    expect(await scanner!.discover()).toEqual({
      state: 'unavailable',
      problem: { kind: 'no_scanner', detail: 'NAPS2.Console on PATH not found' },
      devices: [],
    });
    const job = scanner!.scan({ device: 'x', source: 'flatbed', mode: 'gray', dpi: 300, pageSize: 'a4' }, tempDir(), () => {
      throw new Error('no page can come');
    });
    expect(await job.done).toEqual({
      state: 'failed',
      problem: { kind: 'no_scanner', detail: 'NAPS2.Console on PATH not found' },
      pages: 0,
    });
  });
});
