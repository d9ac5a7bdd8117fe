/**
 * The one test of "does this URL belong to the app" that navigation, permissions and IPC all
 * share. WHATWG `URL.origin` is "null" for custom schemes, so the parts are compared instead;
 * a port or credentials never occur in our own URLs and mark a forged one.
 */
import { APP_HOST, APP_SCHEME } from './app-scheme';

export function parseAppUrl(url: string | null | undefined): URL | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const ours =
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '';
  return ours ? parsed : null;
}

export function isAppUrl(url: string | null | undefined): boolean {
  return parseAppUrl(url) !== null;
}
