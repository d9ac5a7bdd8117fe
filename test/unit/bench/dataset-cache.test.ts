/** The store bench's data set cache (test/bench/dataset-cache.ts), on real data sets of a few hundred rows. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStore } from '../../bench/dataset';
import type { BenchStore } from '../../bench/dataset';
import { cachedStore, datasetKey } from '../../bench/dataset-cache';
import type { DatasetParams } from '../../bench/dataset-cache';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const PARAMS: DatasetParams = { rows: 300, seed: 7, samples: 20, migrations: ['1:desk-meta', '2:domain'], generatorVersion: 1 };
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A cache whose builds are real buildStore runs, counted. */
function counting(root: string) {
  let builds = 0;
  const get = (params: DatasetParams) =>
    cachedStore(root, params, (folder) => {
      builds += 1;
      return buildStore(folder, params.rows, params.seed, params.samples);
    });
  return { get, builds: () => builds };
}

describe('the bench data set cache', () => {
  it('builds a data set once, then hands the same file and sample back without building', () => {
    const cache = counting(tempDir());
    const first = cache.get(PARAMS);
    expect(first.built).toBe(true);
    const digest = sha256(first.store.file);
    const second = cache.get(PARAMS);
    expect(second.built).toBe(false);
    expect(cache.builds()).toBe(1);
    expect(second.store).toEqual(first.store);
    expect(second.store.people.length).toBeGreaterThan(0);
    expect(sha256(second.store.file)).toBe(digest);
  });

  it('builds a new data set when the rows, the seed, the migrations or the generator change', () => {
    const cache = counting(tempDir());
    const base = cache.get(PARAMS);
    for (const changed of [
      { ...PARAMS, rows: 301 },
      { ...PARAMS, seed: 8 },
      { ...PARAMS, migrations: [...PARAMS.migrations, '3:intake-drafts'] },
      { ...PARAMS, generatorVersion: 2 },
    ]) {
      const entry = cache.get(changed);
      expect(entry.built).toBe(true);
      expect(entry.folder).not.toBe(base.folder);
    }
    expect(cache.builds()).toBe(5);
  });

  it('never takes a half-built data set: a failed build leaves nothing under the entry’s name, and a dead run’s partial is removed', () => {
    const root = tempDir();
    expect(() =>
      cachedStore(root, PARAMS, (folder) => {
        writeFileSync(join(folder, 'vikno.db'), 'half a database');
        throw new Error('stopped half-way');
      }),
    ).toThrow('stopped half-way');
    expect(readdirSync(root)).toEqual([]);
    // A run killed mid-build (no pid is above 2^22 on Linux) left its partial folder behind.
    const stale = join(root, `${datasetKey(PARAMS)}.partial-4194999-00ff00ff`);
    mkdirSync(stale);
    writeFileSync(join(stale, 'vikno.db'), 'half a database');
    writeFileSync(join(stale, 'meta.json'), JSON.stringify({ clerkId: 'x', people: [], generationMs: 1, fileBytes: 15 }));
    const cache = counting(root);
    expect(cache.get(PARAMS).built).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(root)).toEqual([datasetKey(PARAMS)]);
  });

  it('leaves a partial build of a run still going alone', () => {
    const root = tempDir();
    const ours = join(root, `${datasetKey(PARAMS)}.partial-${process.pid}-0000aaaa`);
    mkdirSync(ours);
    const stub: BenchStore = { file: '', clerkId: 'c', people: [], generationMs: 1, fileBytes: 1 };
    cachedStore(root, { ...PARAMS, rows: 1 }, (folder) => ({ ...stub, file: join(folder, 'vikno.db') }));
    expect(existsSync(ours)).toBe(true);
  });

  it('names entries so that any change of a parameter gives another name', () => {
    const params = fc.record({
      rows: fc.nat(),
      seed: fc.integer(),
      samples: fc.nat(),
      migrations: fc.array(fc.string(), { maxLength: 4 }),
      generatorVersion: fc.nat(),
    });
    fc.assert(
      fc.property(params, params, (a, b) => {
        const same = JSON.stringify(a) === JSON.stringify(b);
        expect(datasetKey(a) === datasetKey(b)).toBe(same);
        expect(datasetKey(a)).toMatch(/^store-[0-9a-f]{20}$/);
      }),
    );
  });
});
