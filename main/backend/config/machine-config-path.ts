import { posix, win32 } from 'node:path';

/** Names another machine-wide config file (IT trying a file out, tests). */
export const MACHINE_CONFIG_ENV = 'VIKNO_MACHINE_CONFIG';

/**
 * The machine-wide config IT deploys (docs/IT.md "Configuration"), in each platform's place for
 * settings shared by every user: Windows `%ProgramData%\Vikno\config.json`, Linux
 * `/etc/vikno/config.json`, macOS `/Library/Application Support/Vikno/config.json`.
 */
export function machineConfigPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const named = env[MACHINE_CONFIG_ENV]?.trim();
  if (named) return named;
  return (platform === 'win32' ? win32 : posix).join(machineConfigFolder(env, platform), 'config.json');
}

/** The platform's folder of that file, which the installers write (main/electron/machine-config-writer.ts). */
export function machineConfigFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (platform === 'win32') return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Vikno');
  if (platform === 'darwin') return '/Library/Application Support/Vikno';
  return '/etc/vikno';
}
