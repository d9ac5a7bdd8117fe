/**
 * The machine config's install parameters (docs/IT.md, "Installers and silent install"): the MSI's
 * properties (CENTER=KV01) reach the app as flags (--center=KV01) through its custom action
 * (build/msi-project-created.cjs), and mean what the NSIS include's /CENTER= means: the same names,
 * an empty value is no value, CONFIG excludes the values, a center needs its name, a desk its
 * window, a code its back office. Pure: argv in, a checked config or problems in words out.
 */
import type { z } from 'zod';
import { DeskConfigFile } from '../backend/config/desk-config';

export const WRITE_MACHINE_CONFIG_FLAG = '--write-machine-config';

/** In the order the docs list them; the MSI declares exactly these as public properties. */
export const MACHINE_CONFIG_PARAMETERS = [
  'CONFIG',
  'CENTER',
  'CENTERNAME',
  'DESK',
  'WINDOW',
  'BACKOFFICE',
  'CODE',
  'UPDATES',
  'UPDATEURL',
] as const;
export type MachineConfigParameter = (typeof MACHINE_CONFIG_PARAMETERS)[number];

export type MachineConfigFile = z.infer<typeof DeskConfigFile>;

export type MachineConfigRequest =
  /** No parameter has a value: an existing machine config stays as it is (an upgrade keeps IT's file). */
  { kind: 'nothing' } | { kind: 'copy'; file: string } | { kind: 'values'; config: MachineConfigFile };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export function flagOf(parameter: MachineConfigParameter): string {
  return `--${parameter.toLowerCase()}`;
}

/** Where each value lands in the desk config, so a schema problem is reported by the parameter IT typed. */
const VALUE_PATHS: Record<Exclude<MachineConfigParameter, 'CONFIG'>, string> = {
  CENTER: 'center.code',
  CENTERNAME: 'center.name',
  DESK: 'desk.code',
  WINDOW: 'desk.window',
  BACKOFFICE: 'backOffice.url',
  CODE: 'backOffice.enrollmentCode',
  UPDATES: 'updates.policy',
  UPDATEURL: 'updates.url',
};

/** [parameter, the one it needs, what that one is] — the NSIS include refuses the same pairs. */
const NEEDS: readonly [MachineConfigParameter, MachineConfigParameter, string][] = [
  ['CENTER', 'CENTERNAME', "the center's name"],
  ['CENTERNAME', 'CENTER', "the center's code"],
  ['DESK', 'WINDOW', 'the window number the clerk sits at'],
  ['WINDOW', 'DESK', "the desk's code"],
  ['CODE', 'BACKOFFICE', 'the back office the code is for'],
];

const PARAMETER_LIST = MACHINE_CONFIG_PARAMETERS.map(flagOf).join(', ');

function isParameter(name: string): name is MachineConfigParameter {
  return (MACHINE_CONFIG_PARAMETERS as readonly string[]).includes(name);
}

/** Reads `--name=value` flags; the values are never echoed (CODE is a secret). */
function readFlags(args: readonly string[]): Parsed<Map<MachineConfigParameter, string>> {
  const values = new Map<MachineConfigParameter, string>();
  const problems: string[] = [];
  for (const arg of args) {
    if (arg === WRITE_MACHINE_CONFIG_FLAG) continue;
    const match = /^--([a-z]+)(=([\s\S]*))?$/.exec(arg);
    const name = match?.[1]?.toUpperCase() ?? '';
    if (!match || !isParameter(name)) {
      problems.push(`unknown parameter ${arg.split('=')[0]} (the parameters are ${PARAMETER_LIST})`);
      continue;
    }
    if (match[2] === undefined) {
      problems.push(`${flagOf(name)} needs a value after "=" (${name}= in the installer)`);
      continue;
    }
    if (values.has(name)) {
      problems.push(`${name} is given twice`);
      continue;
    }
    // An empty value is no value: the MSI passes every property, set or not, as --name="".
    if (match[3] !== '') values.set(name, match[3] ?? '');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: values };
}

/** Puts `value` at a dotted path of `target`, creating the objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: string): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] ?? ''] = value;
}

/** zod's own text for lengths reads like a type checker; IT gets words. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small') return 'must not be blank';
  if (issue.code === 'too_big') return `at most ${String(issue.maximum)} characters`;
  if (issue.code === 'unrecognized_keys') return `unknown key ${issue.keys.join(', ')} (docs/IT.md lists the keys)`;
  return issue.message;
}

function parameterAt(path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join('.');
  const found = Object.entries(VALUE_PATHS).find(([, at]) => at === dotted);
  return found ? found[0] : dotted;
}

export function parseMachineConfigFlags(args: readonly string[]): Parsed<MachineConfigRequest> {
  const flags = readFlags(args);
  if (!flags.ok) return flags;
  const values = flags.value;
  const file = values.get('CONFIG');
  if (file !== undefined) {
    if (values.size > 1) return { ok: false, problems: ['give either CONFIG or the values (CENTER= …), not both'] };
    return { ok: true, value: { kind: 'copy', file } };
  }
  if (values.size === 0) return { ok: true, value: { kind: 'nothing' } };
  const problems = NEEDS.filter(([given, needed]) => values.has(given) && !values.has(needed)).map(
    ([given, needed, what]) => `${given} needs ${needed} (${what}) too`,
  );
  if (problems.length > 0) return { ok: false, problems };
  const config: Record<string, unknown> = {};
  for (const [parameter, value] of values) {
    if (parameter !== 'CONFIG') setPath(config, VALUE_PATHS[parameter], value);
  }
  const parsed = DeskConfigFile.safeParse(config);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((issue) => `${parameterAt(issue.path)}: ${describeIssue(issue)}`) };
  return { ok: true, value: { kind: 'values', config: parsed.data } };
}
