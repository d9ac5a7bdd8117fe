import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('flips the security fuses of docs/ARCHITECTURE.md §9.1', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('never rebuilds native modules: better-sqlite3 13 is Node-API', () => {
    expect(config.npmRebuild).toBe(false);
    expect(pkg.dependencies['better-sqlite3']).toMatch(/^13\.\d+\.\d+$/);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('packs the built app, whose entry is the bundled main process', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**', 'package.json']));
    expect(pkg.main).toBe('dist/main/electron.cjs');
  });

  it('pins exact versions for everything, and the Node and Electron the app runs on', () => {
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
    }
    expect(pkg.devDependencies.node).toBe('24.21.0');
    expect(pkg.devDependencies.electron).toMatch(/^45\./);
    expect(process.version).toBe('v24.21.0');
  });
});
