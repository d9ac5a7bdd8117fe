// @vitest-environment jsdom
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MACHINE_CONFIG_PARAMETERS } from '../../../main/electron/machine-config-params';

// build/msi-project-created.cjs on the project.wxs electron-builder 26 really renders: its
// templates/msi/template.xml compiled with ejs the way MsiTarget's projectTemplate does, filled with
// what MsiTarget passes for our electron-builder.yml (per machine, one click, shortcuts, no run after
// finish) and a file list holding the main executable as computeFileDeclaration writes it.
// candle and light (WiX) need Windows or wine; this proves the XML and what it declares.

const require = createRequire(import.meta.url);
type Hook = { addMachineConfigParameters(wxs: string): string; msiProjectCreated(file: string): Promise<void>; PARAMETERS: string[] };
const hook = require('../../../build/msi-project-created.cjs') as Hook;
// electron-builder's own template engine (a dependency of app-builder-lib; it ships no types).
const ejs = require('ejs') as { compile(template: string): (data: Record<string, unknown>) => string };

const WIX = 'http://wixtoolset.org/schemas/v4/wxs';
const work = mkdtempSync(join(tmpdir(), 'vikno-msi-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function renderTemplate(overrides: Record<string, unknown> = {}): string {
  const source = readFileSync('node_modules/app-builder-lib/templates/msi/template.xml', 'utf8')
    .replace(/{{/g, '<%')
    .replace(/}}/g, '%>')
    .replace(/\${([^}]+)}/g, '<%=$1%>');
  const files = [
    '<Component>\n        <File Name="Vikno.exe" Source="$(var.appDir)\\Vikno.exe" ReadOnly="yes" KeyPath="yes" Id="mainExecutable">\n' +
      '          <Shortcut Id="desktopShortcut" Directory="DesktopFolder" Name="Vikno" WorkingDirectory="APPLICATIONFOLDER" Advertise="yes" Icon="ViknoIcon.exe"/>\n' +
      '        </File>\n      </Component>',
    '<Component>\n        <File Name="ffmpeg.dll" Source="$(var.appDir)\\ffmpeg.dll" ReadOnly="yes" KeyPath="yes" Id="ffmpeg.dll_f"/>\n      </Component>',
  ];
  return ejs.compile(source)({
    isPerMachine: true,
    isAssisted: false,
    shortcutName: 'Vikno',
    isCreateDesktopShortcut: true,
    isCreateStartMenuShortcut: true,
    menuCategory: null,
    iconPath: 'C:\\build\\icon.ico',
    iconId: 'ViknoIcon.exe',
    compressionLevel: 'high',
    version: '0.1.0.0',
    productName: 'Vikno',
    upgradeCode: '215161A7-4EC2-42C7-A194-252D7E40885C',
    manufacturer: 'Vikno contributors',
    appDescription: 'Vikno',
    isRunAfterFinish: false,
    programFilesId: 'ProgramFiles64Folder',
    installationDirectoryWixName: 'Vikno',
    dirs: '',
    files: files.join('\n      '),
    ...overrides,
  });
}

/** jsdom's DOMParser (the test's environment), strict XML: a well-formedness error is a parsererror document. */
function parseXml(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ''}`);
  return document;
}

const elements = (document: Document, name: string) => [...document.getElementsByTagNameNS(WIX, name)];

describe('build/msi-project-created.cjs on electron-builder’s rendered project.wxs', () => {
  const rendered = renderTemplate();
  const document = parseXml(hook.addMachineConfigParameters(rendered));

  it('starts from a well-formed template that has no parameters of ours (the fixture is real)', () => {
    const before = parseXml(rendered);
    expect(elements(before, 'Property').map((p) => p.getAttribute('Id'))).not.toContain('CENTER');
    expect(elements(before, 'File').find((f) => f.getAttribute('Id') === 'mainExecutable')).toBeDefined();
  });

  it('declares each install parameter as a public Secure property, the enrollment code hidden from the log', () => {
    const properties = new Map(elements(document, 'Property').map((p) => [p.getAttribute('Id'), p]));
    for (const name of MACHINE_CONFIG_PARAMETERS) {
      const property = properties.get(name);
      expect(property?.getAttribute('Secure'), name).toBe('yes');
      expect(property?.parentElement?.localName, name).toBe('Product');
      expect(property?.hasAttribute('Value'), name).toBe(false);
    }
    expect(properties.get('CODE')?.getAttribute('Hidden')).toBe('yes');
  });

  it('takes the same parameters the app reads', () => {
    expect(hook.PARAMETERS).toEqual([...MACHINE_CONFIG_PARAMETERS]);
  });

  it('runs the installed app, deferred and elevated, failing the install when it fails', () => {
    const [action, ...more] = elements(document, 'CustomAction').filter((a) => a.getAttribute('Id') === 'ViknoWriteMachineConfig');
    expect(more).toEqual([]);
    expect(action?.getAttribute('FileKey')).toBe('mainExecutable');
    expect(action?.getAttribute('Execute')).toBe('deferred');
    expect(action?.getAttribute('Impersonate')).toBe('no');
    expect(action?.getAttribute('Return')).toBe('check');
    expect(action?.getAttribute('HideTarget')).toBe('yes');
    const command = action?.getAttribute('ExeCommand') ?? '';
    expect(command.split(' ')[0]).toBe('--write-machine-config');
    for (const name of MACHINE_CONFIG_PARAMETERS) expect(command).toContain(` --${name.toLowerCase()}="[${name}]"`);
  });

  it('schedules it after the files are installed, only when a parameter is given and never on removal', () => {
    const [custom, ...more] = elements(document, 'Custom').filter((c) => c.getAttribute('Action') === 'ViknoWriteMachineConfig');
    expect(more).toEqual([]);
    expect(custom?.parentElement?.localName).toBe('InstallExecuteSequence');
    expect(custom?.getAttribute('After')).toBe('InstallFiles');
    expect(custom?.textContent).toBe(`(${MACHINE_CONFIG_PARAMETERS.join(' OR ')}) AND NOT REMOVE~="ALL"`);
  });

  it('joins the template’s own install sequence when it has one (run after finish)', () => {
    const withRun = parseXml(hook.addMachineConfigParameters(renderTemplate({ isRunAfterFinish: true })));
    const sequences = elements(withRun, 'InstallExecuteSequence');
    expect(sequences).toHaveLength(1);
    expect([...(sequences[0]?.children ?? [])].map((c) => c.getAttribute('Action'))).toEqual(['runAfterFinish', 'ViknoWriteMachineConfig']);
  });

  it('refuses a project it does not recognise instead of building an MSI without parameters', () => {
    expect(() => hook.addMachineConfigParameters(rendered.replace('Id="mainExecutable"', ''))).toThrow(/mainExecutable.*template changed/);
  });

  it('edits the project file in place, as electron-builder calls it', async () => {
    const file = join(work, 'project.wxs');
    writeFileSync(file, rendered);
    await hook.msiProjectCreated(file);
    expect(readFileSync(file, 'utf8')).toBe(hook.addMachineConfigParameters(rendered));
  });
});

describe('electron-builder.yml names the hook', () => {
  it('resolves msiProjectCreated with electron-builder’s own resolver to this hook', async () => {
    const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { msiProjectCreated: string };
    type Resolve = (type: unknown, executor: unknown, name: string, root: string) => Promise<unknown>;
    const { resolveFunction } = require('app-builder-lib/out/util/resolve.js') as { resolveFunction: Resolve };
    expect(await resolveFunction('module', config.msiProjectCreated, 'msiProjectCreated', process.cwd())).toBe(hook.msiProjectCreated);
  });
});
