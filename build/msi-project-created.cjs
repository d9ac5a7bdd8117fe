// electron-builder's msiProjectCreated hook (electron-builder.yml): called with the path of the
// project.wxs it rendered from app-builder-lib/templates/msi/template.xml, before candle and light
// compile it. It adds the machine config's install parameters to the MSI, so that
//   msiexec /i Vikno-x.y.z.msi /qn CENTER=KV01 CENTERNAME="ЦНАП Києва" DESK=07 WINDOW=7 ...
// writes %ProgramData%\Vikno\config.json as the NSIS installer's /CENTER= ... does (docs/IT.md).
//
// The MSI only passes the properties on: a deferred custom action, run as SYSTEM after the files are
// installed, starts the installed Vikno.exe with --write-machine-config and one flag per property
// (main/electron/machine-config-params.ts checks them with the desk config's schema and writes the
// file). Its exit code fails and rolls back the install when a value is wrong (Return="check").
//
// A deferred action sees no installer property, but an EXE action's command line (the Target
// column) is formatted when the action is written into the install script, while the properties
// are still there; the CustomActionData hand-off is needed only by DLL and script actions.
// The template is WiX 4.0.0.5512 (a preview that still has candle, light and the v3 syntax):
// a <Custom> action's condition is its text, as in the template's own runAfterFinish.
'use strict';

const { readFile, writeFile } = require('node:fs/promises');

/** The names IT types; main/electron/machine-config-params.ts takes the same (a test holds them equal). */
const PARAMETERS = ['CONFIG', 'CENTER', 'CENTERNAME', 'DESK', 'WINDOW', 'BACKOFFICE', 'CODE', 'UPDATES', 'UPDATEURL'];

/** Kept out of the verbose install log: the enrollment code lets a desk join the center. */
const HIDDEN = new Set(['CODE']);

const ACTION = 'ViknoWriteMachineConfig';

/** Runs on install, upgrade and repair when IT gave a parameter; never while the product is removed. */
const CONDITION = `(${PARAMETERS.join(' OR ')}) AND NOT REMOVE~="ALL"`;

function xmlAttribute(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function only(wxs, text) {
  const count = wxs.split(text).length - 1;
  if (count !== 1) {
    throw new Error(
      `msi-project-created: expected one ${text} in electron-builder's project.wxs, found ${count}; its MSI template changed`,
    );
  }
}

/** Returns the .wxs text with the parameters, the custom action and its schedule added. */
function addMachineConfigParameters(wxs) {
  only(wxs, '</Product>');
  only(wxs, 'Id="mainExecutable"');
  // Every property is passed, set or not: an empty --name="" is no value to the app.
  const command = ['--write-machine-config', ...PARAMETERS.map((name) => `--${name.toLowerCase()}="[${name}]"`)].join(' ');
  const properties = PARAMETERS.map((name) => `    <Property Id="${name}" Secure="yes"${HIDDEN.has(name) ? ' Hidden="yes"' : ''}/>`);
  const custom = `      <Custom Action="${ACTION}" After="InstallFiles">${CONDITION.replace(/"/g, '&quot;')}</Custom>`;
  const hasSequence = wxs.includes('</InstallExecuteSequence>');
  if (hasSequence) only(wxs, '</InstallExecuteSequence>');
  const added = [
    '    <!-- Vikno: the machine config from install parameters (build/msi-project-created.cjs). -->',
    ...properties,
    `    <CustomAction Id="${ACTION}" FileKey="mainExecutable" ExeCommand="${xmlAttribute(command)}" Execute="deferred" Impersonate="no" Return="check" HideTarget="yes"/>`,
    ...(hasSequence ? [] : ['    <InstallExecuteSequence>', custom, '    </InstallExecuteSequence>']),
    '',
  ].join('\n');
  const withSchedule = hasSequence
    ? wxs.replace(/([ \t]*)<\/InstallExecuteSequence>/, `$1  ${custom.trimStart()}\n$1</InstallExecuteSequence>`)
    : wxs;
  return withSchedule.replace(/[ \t]*<\/Product>/, `${added}  </Product>`);
}

async function msiProjectCreated(projectFile) {
  await writeFile(projectFile, addMachineConfigParameters(await readFile(projectFile, 'utf8')), 'utf8');
}

module.exports = { msiProjectCreated, addMachineConfigParameters, PARAMETERS };
