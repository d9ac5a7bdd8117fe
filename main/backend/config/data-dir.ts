import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The browser host's default data folder, per user, in the platform's usual place:
 * Linux `$XDG_DATA_HOME/Vikno` (else `~/.local/share/Vikno`), Windows `%LOCALAPPDATA%\Vikno`,
 * macOS `~/Library/Application Support/Vikno`. (Electron uses its own `userData` folder.)
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Vikno');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Vikno');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'Vikno');
}
