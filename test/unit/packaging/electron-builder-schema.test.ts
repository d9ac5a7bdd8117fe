import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { secretLookingValues } from '../../helpers/secret-scan';

// electron-builder.yml checked the way electron-builder 26 checks it before every build: its own
// validateConfiguration, and app-builder-lib's scheme.json compiled with the ajv options of its
// schemaValidator.js (the test reads them back from that file, so a change there is noticed).
const require = createRequire(import.meta.url);
const read = () => parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
const config = read();
const scheme = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as object;
const validatorSource = readFileSync('node_modules/app-builder-lib/out/util/config/schemaValidator.js', 'utf8');
const AJV_OPTIONS = { allErrors: true, verbose: true, coerceTypes: true, strict: false };
const validateScheme = new Ajv(AJV_OPTIONS).compile(scheme);

/** The fixed MSI upgrade code: every version shares it so an MSI replaces the one before (GPO, Intune). */
const UPGRADE_CODE = '215161a7-4ec2-42c7-a194-252d7e40885c';

type ValidateConfiguration = (config: unknown, debug: { isEnabled: boolean; add(key: string, value: string): void }) => Promise<void>;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration: ValidateConfiguration };
const noDebug = { isEnabled: false, add: () => undefined };

const section = (name: string) => config[name] as Record<string, unknown>;

describe('electron-builder.yml against electron-builder 26', () => {
  it('passes electron-builder’s own configuration check', async () => {
    await expect(validateConfiguration(read(), noDebug)).resolves.toBeUndefined();
  });

  it('matches scheme.json with the ajv options electron-builder uses', () => {
    expect(validatorSource.replace(/\s+/g, ' ')).toContain(
      'new ajv_1.default({ allErrors: true, verbose: true, coerceTypes: true, strict: false, })',
    );
    expect(validateScheme(read()), JSON.stringify(validateScheme.errors)).toBe(true);
  });

  it('is refused when a key is misspelt (the check is not vacuous)', async () => {
    const wrong = read();
    wrong.nsis = { ...(wrong.nsis as object), perMachin: true };
    expect(validateScheme(wrong)).toBe(false);
    await expect(validateConfiguration(wrong, noDebug)).rejects.toThrow(/Invalid configuration object/);
  });
});

describe('electron-builder.yml: what the issue asks of the installers', () => {
  it('flips every fuse of docs/ARCHITECTURE.md §9.1', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('installs per machine only, without a directory choice, from NSIS and MSI, x64', () => {
    expect(section('nsis')).toMatchObject({
      perMachine: true,
      oneClick: false,
      allowToChangeInstallationDirectory: false,
      allowElevation: true,
    });
    expect(section('msi')).toMatchObject({ perMachine: true, oneClick: true });
    expect(section('win').target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(section('win').verifyUpdateCodeSignature).toBe(true);
  });

  it('keeps the MSI upgrade code of every earlier version', () => {
    expect(section('msi').upgradeCode).toBe(UPGRADE_CODE);
  });

  it('builds deb depending on libsecret, AppImage, and a hardened, notarized dmg + zip', () => {
    expect((section('linux').target as { target: string }[]).map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(section('deb').depends).toContain('libsecret-1-0');
    expect((section('mac').target as { target: string }[]).map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(section('mac')).toMatchObject({ hardenedRuntime: true, notarize: true, entitlements: 'build/entitlements.mac.plist' });
  });

  it('keeps asar on and native modules outside it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
  });

  it('publishes to a generic https feed whose host comes from the build environment', () => {
    const publish = config.publish as { provider: string; url: string };
    expect(publish.provider).toBe('generic');
    expect(publish.url).toMatch(/\$\{env\.[A-Z_]+\}/);
    expect(new URL(publish.url.replace(/\$\{env\.[A-Z_]+\}/g, 'updates.example.org')).protocol).toBe('https:');
  });

  it('names files that exist in build/', () => {
    const files = [
      section('nsis').include,
      section('nsis').license,
      section('win').icon,
      section('linux').icon,
      section('mac').icon,
      section('mac').entitlements,
      section('mac').entitlementsInherit,
    ];
    for (const file of files) expect(existsSync(String(file)), String(file)).toBe(true);
  });

  it('entitles the hardened runtime to JIT and nothing else', () => {
    const plist = readFileSync('build/entitlements.mac.plist', 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });
});

describe('electron-builder.yml holds no secret', () => {
  it('has no long base64 or hex string and no literal value for a password, key or certificate setting', () => {
    expect(secretLookingValues(config, /^\$\{env\.[A-Z_]+\}$/)).toEqual([]);
    expect(config).not.toHaveProperty('cscLink');
    expect(config).not.toHaveProperty('cscKeyPassword');
    expect(section('win')).not.toHaveProperty('azureSignOptions');
  });

  it('notices a secret put into it (the scan is not vacuous)', () => {
    const leaked = {
      ...config,
      win: { ...section('win'), cscKeyPassword: 'hunter2' },
      mac: { ...section('mac'), identity: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlq' },
    };
    expect(secretLookingValues(leaked, /^\$\{env\.[A-Z_]+\}$/)).toEqual([
      '.win.cscKeyPassword: a literal value for a secret-named setting',
      '.mac.identity: a long encoded string',
    ]);
  });
});
