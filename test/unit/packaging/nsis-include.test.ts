import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskConfigFile } from '../../../main/backend/config/desk-config';

// build/installer.nsh compiled by Debian's makensis (package nsis, installed by .ci/run) inside a
// small stand-in of electron-builder's installer script: the same macro hooks (customInit in
// .onInit, customInstall in the install section, customUnInstall in the uninstall section), the
// same Unicode mode and -WX (electron-builder's warningsAsErrors default), once as the installer
// and once with BUILD_UNINSTALLER as electron-builder builds the uninstaller. Running the result
// needs Windows; this proves the include compiles with no warning in both builds.

const work = mkdtempSync(join(tmpdir(), 'vikno-nsis-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// electron-builder defines ${isUpdated} from its --updated flag (nsisScriptGenerator flags()); the stand-in does the same with GetOptions.
const IS_UPDATED = `
!macro _isUpdated _a _b _t _f
  ClearErrors
  \${GetParameters} $R9
  \${GetOptions} $R9 "--updated" $R9
  IfErrors \`\${_f}\` \`\${_t}\`
!macroend
!define isUpdated \`"" isUpdated ""\`
`;

function compile(name: string, body: string): { output: string; exe: string } {
  const exe = join(work, `${name}.exe`);
  const script = join(work, `${name}.nsi`);
  writeFileSync(script, `Unicode true\nName "Vikno include check"\nOutFile "${exe}"\nRequestExecutionLevel admin\n${body}`);
  const output = execFileSync('makensis', ['-WX', '-V2', script], { encoding: 'utf8' });
  return { output, exe };
}

describe('build/installer.nsh', () => {
  const include = `!addincludedir "${resolve('build')}"\n!include "installer.nsh"\n`;

  it('compiles into the installer without a warning', () => {
    const { exe } = compile(
      'installer',
      `${IS_UPDATED}${include}Function .onInit\n  !insertmacro customInit\nFunctionEnd\nSection "install"\n  !insertmacro customInstall\nSectionEnd\n`,
    );
    expect(existsSync(exe)).toBe(true);
  });

  it('compiles into the uninstaller without a warning (no installer-only code left unreferenced)', () => {
    const { exe } = compile(
      'uninstaller',
      `!define BUILD_UNINSTALLER\n${IS_UPDATED}${include}Section "install"\n  WriteUninstaller "$TEMP\\\\u.exe"\nSectionEnd\nSection "Uninstall"\n  !insertmacro customUnInstall\nSectionEnd\n`,
    );
    expect(existsSync(exe)).toBe(true);
  });

  it('takes the documented silent-install parameters and writes the machine-wide config', () => {
    const text = readFileSync('build/installer.nsh', 'utf8');
    for (const name of ['CONFIG', 'CENTER', 'CENTERNAME', 'DESK', 'WINDOW', 'BACKOFFICE', 'CODE', 'UPDATES', 'UPDATEURL']) {
      expect(text, name).toContain(`viknoOption $R0 ${name} `);
    }
    expect(text).toContain('ReadEnvStr $R2 PROGRAMDATA');
    expect(text).toContain('"$R3\\config.json"');
  });

  it('writes only keys the desk config accepts, in the objects they belong to', () => {
    // Reads the include's JSON layout: the fields written (viknoJsonField) before each object is closed.
    const layout: Record<string, string[]> = {};
    let pending: string[] = [];
    for (const line of readFileSync('build/installer.nsh', 'utf8').split('\n')) {
      const field = /!insertmacro viknoJsonField (\w+) /.exec(line);
      if (field?.[1]) pending.push(field[1]);
      const object = /StrCpy \$R9 '\$R9,"(\w+)":\{\$R8\}'/.exec(line);
      if (object?.[1]) {
        layout[object[1]] = pending;
        pending = [];
      }
    }
    expect(layout).toEqual({
      center: ['code', 'name'],
      desk: ['code', 'window'],
      backOffice: ['url', 'enrollmentCode'],
      updates: ['policy', 'url'],
    });
    const sample: Record<string, string> = {
      'center.code': 'KV01',
      'center.name': 'ЦНАП Києва',
      'desk.code': '07',
      'desk.window': '7',
      'backOffice.url': 'https://cnap.example.gov.ua/',
      'backOffice.enrollmentCode': '8F3K-2Q9D',
      'updates.policy': 'notify',
      'updates.url': 'https://updates.cnap.example.gov.ua/vikno/',
    };
    const written = Object.fromEntries(
      Object.entries(layout).map(([object, fields]) => [object, Object.fromEntries(fields.map((f) => [f, sample[`${object}.${f}`]]))]),
    );
    const parsed = DeskConfigFile.safeParse(written);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});
