import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { secretLookingValues } from '../../helpers/secret-scan';

// The release workflow cannot run here (GitHub Actions, network); its shape is checked instead.
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  'runs-on': string;
  strategy?: { matrix: { include: { os: string; platform: string }[] } };
  steps: Step[];
  env?: Record<string, string>;
}

const text = readFileSync('.github/workflows/release.yml', 'utf8');
const workflow = parse(text) as { on: { push: { tags: string[] } }; jobs: Record<string, Job> };
const job = (name: string): Job => {
  const found = workflow.jobs[name];
  if (!found) throw new Error(`no job ${name}`);
  return found;
};
const runs = (j: Job) => j.steps.map((s) => s.run ?? '').join('\n');
const step = (j: Job, name: RegExp): Step => {
  const found = j.steps.find((s) => s.name && name.test(s.name));
  if (!found) throw new Error(`no step ${String(name)}`);
  return found;
};
/** A value taken from the repository's secrets or variables, or the run's own token. */
const REFERENCE = /^\$\{\{ (secrets\.[A-Z0-9_]+|vars\.[A-Z0-9_]+|github\.token) \}\}$/;

describe('.github/workflows/release.yml', () => {
  it('runs on a v* tag: unit tests first, then a build per operating system, then publishing', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(job('build').needs).toBe('test');
    expect(job('publish').needs).toBe('build');
    expect(job('test')['runs-on']).toBe('ubuntu-latest');
    expect(runs(job('test'))).toMatch(/npm ci[\s\S]*npm run test:unit/);
  });

  it('builds each platform on its own system', () => {
    expect(job('build').strategy?.matrix.include).toEqual([
      { os: 'windows-latest', platform: '--win' },
      { os: 'macos-latest', platform: '--mac' },
      { os: 'ubuntu-latest', platform: '--linux' },
    ]);
    expect(job('build')['runs-on']).toBe('${{ matrix.os }}');
    for (const [name, os] of [
      [/\(Windows\)/, 'Windows'],
      [/\(macOS\)/, 'macOS'],
      [/\(Linux\)/, 'Linux'],
    ] as const) {
      const build = step(job('build'), name);
      expect(build.if).toBe(`runner.os == '${os}'`);
      expect(build.run).toContain('npm run dist -- ');
      expect(build.run).toContain('--publish never');
    }
  });

  it('fails a Windows or macOS build that is not signed', () => {
    expect(step(job('build'), /\(Windows\)/).run).toContain('-c.forceCodeSigning=true');
    expect(step(job('build'), /\(macOS\)/).run).toContain('-c.forceCodeSigning=true');
  });

  it('maps the signing secrets to the variables electron-builder reads, in the step that signs', () => {
    expect(step(job('build'), /\(Windows\)/).env).toMatchObject({
      CSC_LINK: '${{ secrets.WIN_CSC_LINK }}',
      CSC_KEY_PASSWORD: '${{ secrets.WIN_CSC_KEY_PASSWORD }}',
      AZURE_TENANT_ID: '${{ secrets.AZURE_TENANT_ID }}',
      AZURE_CLIENT_ID: '${{ secrets.AZURE_CLIENT_ID }}',
      AZURE_CLIENT_SECRET: '${{ secrets.AZURE_CLIENT_SECRET }}',
    });
    expect(step(job('build'), /\(macOS\)/).env).toEqual({
      CSC_LINK: '${{ secrets.MAC_CSC_LINK }}',
      CSC_KEY_PASSWORD: '${{ secrets.MAC_CSC_KEY_PASSWORD }}',
      APPLE_ID: '${{ secrets.APPLE_ID }}',
      APPLE_APP_SPECIFIC_PASSWORD: '${{ secrets.APPLE_APP_SPECIFIC_PASSWORD }}',
      APPLE_TEAM_ID: '${{ secrets.APPLE_TEAM_ID }}',
    });
    // The Linux build signs nothing and gets no secret.
    expect(step(job('build'), /\(Linux\)/).env).toBeUndefined();
  });

  it('takes Node from the pin in package.json, not a literal version', () => {
    for (const name of ['test', 'build']) {
      const setup = job(name).steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(setup?.with?.['node-version']).toBe('${{ steps.node.outputs.version }}');
      expect(runs(job(name))).toContain("require('./package.json').devDependencies.node");
    }
  });

  it('uploads installers before the latest*.yml that point desks at them', () => {
    const upload = step(job('publish'), /update host/).run ?? '';
    const installers = upload.indexOf("--exclude 'latest*.yml'");
    const metadata = upload.indexOf('release/latest*.yml');
    expect(installers).toBeGreaterThan(-1);
    expect(metadata).toBeGreaterThan(installers);
    expect(upload).toContain('StrictHostKeyChecking=yes');
  });

  it('holds no secret: every secret-named value comes from the repository’s secrets', () => {
    expect(secretLookingValues(workflow, REFERENCE)).toEqual([]);
    for (const j of Object.values(workflow.jobs)) {
      for (const s of j.steps) {
        for (const [key, value] of Object.entries(s.env ?? {})) {
          if (/CSC|APPLE|AZURE_(TENANT|CLIENT)|SSH_KEY|KNOWN_HOSTS/.test(key))
            expect(value, key).toMatch(/^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
        }
      }
    }
  });

  it('notices a literal secret (the scan is not vacuous)', () => {
    const leaked = structuredClone(workflow);
    const mac = leaked.jobs.build?.steps.find((s) => s.name?.includes('macOS'));
    if (!mac?.env) throw new Error('no macOS step');
    mac.env.CSC_KEY_PASSWORD = 'correct horse battery staple';
    expect(secretLookingValues(leaked, REFERENCE)).toHaveLength(1);
  });

  it('every secret and variable it reads is described in docs/RELEASE.md', () => {
    const release = readFileSync('docs/RELEASE.md', 'utf8');
    const names = new Set([...text.matchAll(/\b(?:secrets|vars)\.([A-Z0-9_]+)/g)].map((m) => m[1] ?? ''));
    expect(names.size).toBeGreaterThan(10);
    for (const name of names) expect(release, name).toContain(`\`${name}\``);
  });
});
