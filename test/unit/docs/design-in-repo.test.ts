import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The design lives in docs/ARCHITECTURE.md, complete without anything outside the repository: no
 * tracked file may point at the origin design file (kept outside it) by name or by its section
 * numbers, which mean something else in ARCHITECTURE.md. The names are built here so this file
 * does not mention them itself.
 */
const ORIGIN = ['DESIGN', 'md'].join('.');
const ORIGIN_SECTION = new RegExp(`\\b${'DESIGN'} §`);
const root = join(import.meta.dirname, '..', '..', '..');

function trackedTextFiles(): Array<{ path: string; text: string }> {
  const paths = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  return paths
    .map((path) => ({ path, bytes: readFileSync(join(root, path)) }))
    .filter(({ bytes }) => !bytes.includes(0))
    .map(({ path, bytes }) => ({ path, text: bytes.toString('utf8') }));
}

describe('the design is in the repository', () => {
  it('no tracked file refers to the origin design file', () => {
    const files = trackedTextFiles();
    expect(files.length).toBeGreaterThan(100);
    const mentions = files.flatMap(({ path, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ line, where: `${path}:${i + 1}` }))
        .filter(({ line }) => line.includes(ORIGIN) || ORIGIN_SECTION.test(line))
        .map(({ where, line }) => `${where}: ${line.trim()}`),
    );
    expect(mentions).toEqual([]);
  });
});
