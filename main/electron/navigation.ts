/**
 * Where the window may go (DESIGN.md §8). The renderer is a single-page app: its routes are
 * in-page navigations, which Electron does not report, so a real navigation is either a
 * reload of the shell or something trying to take the window elsewhere.
 */
import { parseAppUrl } from './origin';

/**
 * Allowed: only the shell itself (app://vikno/index.html, any query or hash), so a
 * `location.reload()`-style recovery works. Everything else, other app:// paths included,
 * is blocked: the shell never leaves index.html.
 */
export function shouldBlockNavigation(url: string): boolean {
  const parsed = parseAppUrl(url);
  return parsed === null || parsed.pathname !== '/index.html';
}

export interface WindowOpenDecision {
  /** No second Electron window is ever opened. */
  action: 'deny';
  /** Whether to hand the URL to the clerk's browser instead (a help link, a registry site). */
  openExternally: boolean;
}

/**
 * Only https: leaves the app, and never with credentials in the URL (a classic way to disguise
 * the real host). http:, file:, javascript: and custom schemes could run or open something
 * local, so they are dropped.
 */
export function windowOpenDecision(url: string): WindowOpenDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { action: 'deny', openExternally: false };
  }
  const safe = parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  return { action: 'deny', openExternally: safe };
}
